using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.InvalidOptionAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>KL0900: a bad option value is reported once, not ignored.</summary>
    public class KL0900_InvalidOptionTests
    {
        [Fact]
        public async Task InvalidOptionValues_ShouldReportEachOnce()
        {
            var test = new Verify.AnalyzerTest
            {
                TestState =
                {
                    Sources = { "class A { }", "class B { }" },
                    AnalyzerConfigFiles =
                    {
                        ("/.editorconfig", "root = true\n[*.cs]\nkeylint.environment_variable = OPENAI API KEY\nkeylint.configuration_key = :OpenAI\nkeylint.admin_environment_variable = OPENAI_ADMIN_KEY\n"),
                    },
                },
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(KeyLintDescriptors.KL0900_InvalidOption).WithArguments("keylint.configuration_key", ":OpenAI", "a configuration key such as OpenAI:ApiKey"),
                    new DiagnosticResult(KeyLintDescriptors.KL0900_InvalidOption).WithArguments("keylint.environment_variable", "OPENAI API KEY", "an environment variable name such as OPENAI_API_KEY"),
                },
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task ValidOptionValues_ShouldNotReport()
        {
            var test = new Verify.AnalyzerTest
            {
                TestState =
                {
                    Sources = { "class A { }" },
                    AnalyzerConfigFiles =
                    {
                        ("/.editorconfig", "root = true\n[*.cs]\nkeylint.environment_variable = MY_KEY\nkeylint.configuration_key = Services:OpenAI:Key\nkeylint.admin_configuration_key = Admin.Key\n"),
                    },
                },
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task InvalidOptionValue_InASectionOfFilesBesidesCSharp_ShouldBeReportedOnce()
        {
            var test = new Verify.AnalyzerTest
            {
                TestState =
                {
                    Sources = { "class A { }" },
                    AdditionalFiles = { ("/repo/deploy/a.yml", "a: 1\n"), ("/repo/deploy/b.yml", "b: 2\n"), ("/repo/Api.http", "GET /\n") },
                    AnalyzerConfigFiles = { ("/repo/.editorconfig", "root = true\n[*.yml]\nkeylint.scan_file = no\n[*.http]\nkeylint.scan_file = false\n") },
                },
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(KeyLintDescriptors.KL0900_InvalidOption).WithArguments("keylint.scan_file", "no", "true or false"),
                },
            };
            await test.RunAsync();
        }
    }
}
