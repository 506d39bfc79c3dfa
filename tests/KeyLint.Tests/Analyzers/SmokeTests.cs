using System.Threading.Tasks;
using KeyLint.Analyzers;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    public class SmokeTests
    {
        [Fact]
        public async Task ProjectKeyInField_ShouldReport()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    private string _key = "{|#0:{{key}}|}";
                }
                """,
                Verify.Diagnostic(KeyLintDescriptors.KL0001_HardcodedProjectKey).WithLocation(0).WithArguments(FakeKeys.Redacted(key, "sk-proj-")));
        }
    }
}
