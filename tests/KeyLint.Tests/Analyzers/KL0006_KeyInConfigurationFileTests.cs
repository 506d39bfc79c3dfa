using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.KeyInProjectFileAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// KL0006: keys in the files besides C# a project commits — configuration, HTTP requests, Functions
    /// settings, config XML, MSBuild, YAML, notebooks — at their exact line and column, with advice
    /// fitting the file; each kind turned off by its own switch.
    /// </summary>
    public class KL0006_KeyInConfigurationFileTests
    {
        private static DiagnosticResult Expected(string kind, string key, string file)
            => new DiagnosticResult(KeyLintDescriptors.KL0006_KeyInConfigurationFile)
                .WithArguments(KeyKinds.DisplayName(kind), FakeKeys.Redacted(key, KeyKinds.Prefix(kind)), file, "move it to user secrets or an environment variable");

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
        [MemberData(nameof(ProjectFileCase.AllAsData), MemberType = typeof(ProjectFileCase))]
        public async Task KeyInEachKindOfFile_ShouldBeReportedAtItsPosition(string path)
        {
            ProjectFileCase file = ProjectFileCase.Named(path);
            string key = FakeKeys.Project(seed: 11);
            await VerifyAsync(file.Path, file.WithKey(key), file.Expected("Project", key));
        }

        [Theory]
        [MemberData(nameof(ProjectFileCase.AllAsData), MemberType = typeof(ProjectFileCase))]
        public async Task KeyOfEveryShapeInEachKindOfFile_ShouldBeReportedWithItsRule(string path)
        {
            ProjectFileCase file = ProjectFileCase.Named(path);
            foreach (string kind in KeyKinds.All)
            {
                string key = KeyKinds.Key(kind, seed: 12);
                await VerifyAsync(file.Path, file.WithKey(key), file.Expected(kind, key));
            }
        }

        [Theory]
        [MemberData(nameof(ProjectFileCase.AllAsData), MemberType = typeof(ProjectFileCase))]
        public async Task EachKindOfFile_WithAPlaceholder_ShouldBeQuiet(string path)
        {
            ProjectFileCase file = ProjectFileCase.Named(path);
            await VerifyAsync(file.Path, file.WithPlaceholder());
        }

        [Theory]
        [InlineData("KeyLintScanConfigurationFiles", ProjectFileKind.Configuration)]
        [InlineData("KeyLintScanFunctionsSettings", ProjectFileKind.FunctionsSettings)]
        [InlineData("KeyLintScanHttpFiles", ProjectFileKind.HttpRequests)]
        [InlineData("KeyLintScanXmlConfigurationFiles", ProjectFileKind.XmlConfiguration, ProjectFileKind.RunSettings)]
        [InlineData("KeyLintScanMSBuildFiles", ProjectFileKind.MSBuild)]
        [InlineData("KeyLintScanYamlFiles", ProjectFileKind.Yaml)]
        [InlineData("KeyLintScanNotebooks", ProjectFileKind.Notebook)]
        [InlineData("KeyLintScanWebAssets", ProjectFileKind.WebAsset)]
        [InlineData("KeyLintScanDockerfiles", ProjectFileKind.Dockerfile)]
        public async Task TurningAKindOff_ShouldSilenceExactlyThatKind(string property, params ProjectFileKind[] silenced)
        {
            string key = FakeKeys.Project(seed: 13);
            string appSettingsKey = FakeKeys.Project(seed: 14);
            ProjectFileCase appSettings = new("/app/appsettings.json", ProjectFileKind.Configuration, "{\n  \"OpenAI\": { \"ApiKey\": \"{key}\" }\n}\n");
            var files = ProjectFileCase.All.Append(appSettings).ToArray();
            var test = new Verify.AnalyzerTest { TestState = { Sources = { "class C { }" } } };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.{property} = false\n"));
            foreach (ProjectFileCase file in files)
            {
                test.TestState.AdditionalFiles.Add((file.Path, file.WithKey(key)));
                if (!silenced.Contains(file.Kind))
                {
                    test.ExpectedDiagnostics.Add(file.Expected("Project", key));
                }
            }

            Assert.Equal(files.Length - files.Count(f => silenced.Contains(f.Kind)), test.ExpectedDiagnostics.Count);
            Assert.True(test.ExpectedDiagnostics.Count < files.Length);
            await test.RunAsync();
        }

        [Fact]
        public async Task ScanFileOptionFalse_ShouldSilenceExactlyTheFilesOfItsSection()
        {
            ProjectFileCase example = new("/repo/docs/examples/compose.yml", ProjectFileKind.Yaml, "services:\n  api:\n    environment:\n      - OPENAI_API_KEY={key}\n");
            ProjectFileCase wwwExample = new("/repo/docs/examples/wwwroot/chat.js", ProjectFileKind.WebAsset, "const key = '{key}';\n");
            ProjectFileCase real = new("/repo/deploy/compose.yml", ProjectFileKind.Yaml, example.Template);
            string key = FakeKeys.Project(seed: 17);
            var test = new Verify.AnalyzerTest
            {
                TestState =
                {
                    Sources = { "class C { }" },
                    AdditionalFiles = { (example.Path, example.WithKey(key)), (wwwExample.Path, wwwExample.WithKey(key)), (real.Path, real.WithKey(key)) },
                    AnalyzerConfigFiles = { ("/repo/.editorconfig", "root = true\n[docs/examples/**]\nkeylint.scan_file = false\n[deploy/*.yml]\nkeylint.scan_file = true\n") },
                },
                ExpectedDiagnostics = { real.Expected("Project", key) },
            };
            await test.RunAsync();
        }

        [Theory]
        [InlineData("true")]
        [InlineData("")]
        [InlineData("no")]
        public async Task ASwitchNotFalse_ShouldLeaveTheKindOn(string value)
        {
            ProjectFileCase file = ProjectFileCase.Named("/app/Api.http");
            string key = FakeKeys.Project(seed: 15);
            var test = new Verify.AnalyzerTest { TestState = { Sources = { "class C { }" }, AdditionalFiles = { (file.Path, file.WithKey(key)) } } };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.KeyLintScanHttpFiles = {value}\n"));
            test.ExpectedDiagnostics.Add(file.Expected("Project", key));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("/app/Api.http", "use {{$dotenv OPENAI_API_KEY}} or {{$processEnv OPENAI_API_KEY}}, or a private environment file (http-client.env.json.user, http-client.private.env.json)")]
        [InlineData("/app/local.settings.json", "keep it in the function app's application settings or Key Vault, and locally in user secrets or an environment variable")]
        [InlineData("/app/App.config", "read it from an environment variable or Key Vault (configuration builders) instead of the file")]
        [InlineData("/app/test.runsettings", "set it as a secret environment variable of the test run instead")]
        [InlineData("/app/App.csproj", "read it from an environment variable in MSBuild ($(OPENAI_API_KEY)) instead")]
        [InlineData("/.github/workflows/ci.yml", "use a repository or environment secret (${{ secrets.OPENAI_API_KEY }})")]
        [InlineData("/azure-pipelines.yml", "use a secret pipeline variable or a variable group linked to Key Vault")]
        [InlineData("/app/docker-compose.yml", "substitute it from the environment (${OPENAI_API_KEY}) or an uncommitted env_file")]
        [InlineData("/app/k8s/api-secret.yaml", "create the Secret outside the repository (kubectl create secret, External Secrets, Key Vault) or pass the value at deploy time")]
        [InlineData("/app/Dockerfile", "pass it when the container runs (docker run -e, a secret of the orchestrator, a build secret mount), never with ENV or ARG: both stay in the image's layers")]
        [InlineData("/app/Explore.dib", "read it with Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\") and clear cell outputs before committing")]
        public void Advice_ShouldFitTheFile(string path, string advice)
            => Assert.Equal(advice, ProjectFileKinds.Advice(path, ProjectFileKinds.Classify(path)));

        [Fact]
        public async Task Message_ShouldReadAsOneSentence()
        {
            ProjectFileCase file = ProjectFileCase.Named("/app/k8s/api-secret.yaml");
            string key = FakeKeys.Project(seed: 16);
            DiagnosticResult expected = file.Expected("Project", key).WithMessage(
                "OpenAI project key " + FakeKeys.Redacted(key, "sk-proj-") + " is in api-secret.yaml (base64-encoded); create the Secret outside the repository (kubectl create secret, External Secrets, Key Vault) or pass the value at deploy time, and rotate it");
            await VerifyAsync(file.Path, file.WithKey(key), expected);
        }

        /// <summary>Runs the analyzer over one additional file (and an empty class) and expects exactly <paramref name="expected"/>.</summary>
        internal static Task VerifyAsync(string path, string text, params DiagnosticResult[] expected)
        {
            var test = new Verify.AnalyzerTest { TestState = { Sources = { "class C { }" }, AdditionalFiles = { (path, text) } } };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        [Theory]
        [InlineData("/app/appsettings.json", ProjectFileKind.Configuration)]
        [InlineData("/app/AppSettings.Staging.json", ProjectFileKind.Configuration)]
        [InlineData("/app/Properties/launchSettings.json", ProjectFileKind.Configuration)]
        [InlineData("/app/.env", ProjectFileKind.Configuration)]
        [InlineData("/app/.env.local", ProjectFileKind.Configuration)]
        [InlineData("/app/production.env", ProjectFileKind.Configuration)]
        [InlineData("/app/local.settings.json", ProjectFileKind.FunctionsSettings)]
        [InlineData("/app/Api.http", ProjectFileKind.HttpRequests)]
        [InlineData("/app/requests.rest", ProjectFileKind.HttpRequests)]
        [InlineData("/app/http-client.env.json", ProjectFileKind.HttpRequests)]
        [InlineData("/app/web.config", ProjectFileKind.XmlConfiguration)]
        [InlineData("/app/App.config", ProjectFileKind.XmlConfiguration)]
        [InlineData("/app/ci.runsettings", ProjectFileKind.RunSettings)]
        [InlineData("/app/App.csproj", ProjectFileKind.MSBuild)]
        [InlineData("/Directory.Build.targets", ProjectFileKind.MSBuild)]
        [InlineData("/app/Properties/PublishProfiles/Azure.pubxml", ProjectFileKind.MSBuild)]
        [InlineData("/compose.yaml", ProjectFileKind.Yaml)]
        [InlineData("/app/Explore.ipynb", ProjectFileKind.Notebook)]
        [InlineData("/app/Dockerfile", ProjectFileKind.Dockerfile)]
        [InlineData("/app/Dockerfile.dev", ProjectFileKind.Dockerfile)]
        [InlineData("/app/api.dockerfile", ProjectFileKind.Dockerfile)]
        [InlineData("/app/.dockerignore", ProjectFileKind.None)]
        [InlineData("/app/wwwroot/js/site.js", ProjectFileKind.WebAsset)]
        [InlineData("C:\\src\\app\\wwwroot\\appsettings.json", ProjectFileKind.WebAsset)]
        [InlineData("/app/wwwroot/lib/app.ts", ProjectFileKind.WebAsset)]
        [InlineData("wwwroot/index.HTML", ProjectFileKind.WebAsset)]
        [InlineData("/app/my-wwwroot/site.js", ProjectFileKind.None)]
        [InlineData("/app/wwwroot.js", ProjectFileKind.None)]
        [InlineData("/app/WWWROOT/config.json", ProjectFileKind.WebAsset)]
        // Not read: the private files the advice points to, lock files, other files.
        [InlineData("/app/http-client.env.json.user", ProjectFileKind.None)]
        [InlineData("/app/http-client.private.env.json", ProjectFileKind.None)]
        [InlineData("/app/App.csproj.user", ProjectFileKind.None)]
        [InlineData("/app/Properties/PublishProfiles/Azure.pubxml.user", ProjectFileKind.None)]
        [InlineData("/app/packages.lock.json", ProjectFileKind.None)]
        [InlineData("/app/wwwroot/package-lock.json", ProjectFileKind.None)]
        [InlineData("/pnpm-lock.yaml", ProjectFileKind.None)]
        [InlineData("/app/settings.json", ProjectFileKind.None)]
        [InlineData("/app/appsettings.xml", ProjectFileKind.None)]
        [InlineData("/app/Pages/Index.cshtml", ProjectFileKind.RazorMarkup)]
        [InlineData("/app/Components/App.razor", ProjectFileKind.RazorMarkup)]
        [InlineData("/app/wwwroot/css/site.css", ProjectFileKind.None)]
        [InlineData("/app/ClientApp/src/chat.js", ProjectFileKind.None)]
        public void FileKinds_ShouldBeRecognised(string path, ProjectFileKind expected)
            => Assert.Equal(expected, ProjectFileKinds.Classify(path));
    }
}
