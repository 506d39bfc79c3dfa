using System.Threading.Tasks;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>KL0005: keys in comments, documentation comments, directives and disabled code.</summary>
    public class KL0005_KeyInCommentTests
    {
        [Theory]
        [MemberData(nameof(KeyKinds.AllAsData), MemberType = typeof(KeyKinds))]
        public async Task KeyInSingleLineComment_ShouldReport(string kind)
        {
            string key = KeyKinds.Key(kind);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    // old key: {|#0:{{key}}|}
                    void M() { }
                }
                """,
                KeyKinds.InComment(kind, key, "a comment").WithLocation(0));
        }

        [Fact]
        public async Task KeyInTrailingComment_ShouldReport()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    string K = ""; // was {|#0:{{key}}|}
                }
                """,
                KeyKinds.InComment("Project", key, "a comment").WithLocation(0));
        }

        [Fact]
        public async Task KeyInMultiLineComment_ShouldReport()
        {
            string key = FakeKeys.ServiceAccount();
            await Verify.VerifyAnalyzerAsync(
                $$"""
                /*
                 * Temporary:
                 *   OPENAI_API_KEY={|#0:{{key}}|}
                 */
                class C { }
                """,
                KeyKinds.InComment("ServiceAccount", key, "a comment").WithLocation(0));
        }

        [Fact]
        public async Task KeyInDocumentationComment_ShouldReport()
        {
            string key = FakeKeys.Admin();
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    /// <summary>Calls OpenAI.</summary>
                    /// <example><code>var client = new Client("{|#0:{{key}}|}");</code></example>
                    void M() { }
                }
                """,
                KeyKinds.InComment("Admin", key, "a documentation comment").WithLocation(0));
        }

        [Fact]
        public async Task KeyInDisabledCode_ShouldReport()
        {
            string key = FakeKeys.LegacyUser();
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                #if false
                    string K = "{|#0:{{key}}|}";
                #endif
                }
                """,
                KeyKinds.InComment("LegacyUser", key, "disabled code").WithLocation(0));
        }

        [Fact]
        public async Task KeyInUndefinedSymbolBranch_ShouldReportAsDisabledCode()
        {
            string key = FakeKeys.Project();
            string other = FakeKeys.Project(seed: 2);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                #if KEYLINT_NEVER_DEFINED
                    string K = "{|#0:{{key}}|}";
                #else
                    string K = "{|#1:{{other}}|}";
                #endif
                }
                """,
                KeyKinds.InComment("Project", key, "disabled code").WithLocation(0),
                KeyKinds.InCode("Project", other).WithLocation(1));
        }

        [Fact]
        public async Task KeyInRegionName_ShouldReport()
        {
            string key = FakeKeys.None();
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    #region {|#0:{{key}}|}
                    #endregion
                }
                """,
                KeyKinds.InComment("None", key, "a preprocessor directive").WithLocation(0));
        }

        [Fact]
        public async Task KeysInCommentAndCode_ShouldReportEachWithItsRule()
        {
            string inCode = FakeKeys.Project(seed: 3);
            string inComment = FakeKeys.Project(seed: 4);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    // previous: {|#1:{{inComment}}|}
                    string K = "{|#0:{{inCode}}|}";
                }
                """,
                KeyKinds.InCode("Project", inCode).WithLocation(0),
                KeyKinds.InComment("Project", inComment, "a comment").WithLocation(1));
        }

        [Fact]
        public async Task RedactedKeyInComment_ShouldNotReport()
        {
            await Verify.VerifyAnalyzerAsync(
                """
                class C
                {
                    // The dashboard shows it as sk-proj-…AbCd; T3BlbkFJ is the marker every key carries.
                    void M() { }
                }
                """);
        }
    }
}
