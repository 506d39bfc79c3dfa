using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.KeyInConfigurationFileAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>KL0006: keys in appsettings*.json, launchSettings.json and .env files, at their exact line and column.</summary>
    public class KL0006_KeyInConfigurationFileTests
    {
        private static DiagnosticResult Expected(string kind, string key, string file)
            => new DiagnosticResult(KeyLintDescriptors.KL0006_KeyInConfigurationFile)
                .WithArguments(KeyKinds.DisplayName(kind), FakeKeys.Redacted(key, KeyKinds.Prefix(kind)), file);

        [Fact]
        public async Task KeysInConfigurationFiles_ShouldReportEachAtItsPosition()
        {
            string project = FakeKeys.Project(seed: 1);
            string development = FakeKeys.ServiceAccount(seed: 2);
            string launch = FakeKeys.LegacyUser(seed: 3);
            string env = FakeKeys.Admin(seed: 4);
            var test = new Verify.AnalyzerTest
            {
                TestState =
                {
                    Sources = { "class C { }" },
                    AdditionalFiles =
                    {
                        ("/app/appsettings.json", "{\n  \"OpenAI\": {\n    \"ApiKey\": \"" + project + "\"\n  }\n}\n"),
                        ("/app/appsettings.Development.json", "{ \"OpenAI:ApiKey\": \"" + development + "\" }"),
                        ("/app/Properties/launchSettings.json", "{\n  \"profiles\": { \"app\": { \"environmentVariables\": {\n    \"OPENAI_API_KEY\": \"" + launch + "\" } } }\n}"),
                        ("/app/.env", "# local\nOPENAI_ADMIN_KEY=" + env + "\n"),
                        ("/app/notes.txt", "not scanned: " + FakeKeys.Project(seed: 5)),
                        ("/app/appsettings.Production.json", "{ \"OpenAI\": { \"ApiKey\": \"\" } }"),
                    },
                },
                ExpectedDiagnostics =
                {
                    Expected("Admin", env, ".env").WithSpan("/app/.env", 2, 18, 2, 18 + env.Length),
                    Expected("LegacyUser", launch, "launchSettings.json").WithSpan("/app/Properties/launchSettings.json", 3, 24, 3, 24 + launch.Length),
                    Expected("ServiceAccount", development, "appsettings.Development.json").WithSpan("/app/appsettings.Development.json", 1, 21, 1, 21 + development.Length),
                    Expected("Project", project, "appsettings.json").WithSpan("/app/appsettings.json", 3, 16, 3, 16 + project.Length),
                },
            };
            await test.RunAsync();
        }

        [Theory]
        [InlineData("/app/appsettings.json", true)]
        [InlineData("/app/AppSettings.Staging.json", true)]
        [InlineData("/app/Properties/launchSettings.json", true)]
        [InlineData("/app/.env", true)]
        [InlineData("/app/.env.local", true)]
        [InlineData("/app/production.env", true)]
        [InlineData("/app/settings.json", false)]
        [InlineData("/app/appsettings.xml", false)]
        [InlineData("/app/environment.txt", false)]
        public void ConfigurationFileNames_ShouldBeRecognised(string path, bool expected)
            => Assert.Equal(expected, KeyInConfigurationFileAnalyzer.IsConfigurationFile(path));
    }
}
