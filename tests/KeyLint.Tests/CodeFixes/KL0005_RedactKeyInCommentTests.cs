using System.Threading.Tasks;
using Verify = KeyLint.Tests.KeyLintCodeFixVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer, KeyLint.CodeFixes.RedactKeyInCommentCodeFixProvider>;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>KL0005's fix: the key in a comment or disabled code becomes its redacted form; nothing else changes.</summary>
    public class KL0005_RedactKeyInCommentTests
    {
        [Fact]
        public async Task KeysInCommentsAndDisabledCode_ShouldBeRedacted()
        {
            string first = FakeKeys.Project(seed: 1);
            string second = FakeKeys.LegacyUser(seed: 2);
            string third = FakeKeys.Admin(seed: 3);
            var test = new Verify.Test
            {
                TestCode = $$"""
                    class C
                    {
                        // old key: {|#0:{{first}}|} (do not use)
                        /// <summary>Uses {|#1:{{second}}|}.</summary>
                        public void M() { }
                    #if false
                        string K = "{|#2:{{third}}|}";
                    #endif
                    }
                    """,
                FixedCode = $$"""
                    class C
                    {
                        // old key: {{FakeKeys.Redacted(first, "sk-proj-")}} (do not use)
                        /// <summary>Uses {{FakeKeys.Redacted(second, "sk-")}}.</summary>
                        public void M() { }
                    #if false
                        string K = "{{FakeKeys.Redacted(third, "sk-admin-")}}";
                    #endif
                    }
                    """,
                ExpectedDiagnostics =
                {
                    KeyKinds.InComment("Project", first, "a comment").WithLocation(0),
                    KeyKinds.InComment("LegacyUser", second, "a documentation comment").WithLocation(1),
                    KeyKinds.InComment("Admin", third, "disabled code").WithLocation(2),
                },
            };
            await test.RunAsync();
        }
    }
}
