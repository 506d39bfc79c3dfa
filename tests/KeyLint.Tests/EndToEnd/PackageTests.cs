using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace KeyLint.Tests.EndToEnd
{
    /// <summary>
    /// The user's path: pack, reference the package from a project outside the repository, build,
    /// and see the warnings; CI settings, SARIF, configuration files and dotnet format included.
    /// </summary>
    public class PackageTests : IClassFixture<PackedPackageFixture>
    {
        private static readonly Regex Warning = new(@"(?<file>[^\s\\/(]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>KL\d{4})");

        private readonly PackedPackageFixture _package;
        private readonly string _projectKey = FakeKeys.Project(seed: 901);
        private readonly string _commentKey = FakeKeys.LegacyUser(seed: 902);
        private readonly string _settingsKey = FakeKeys.ServiceAccount(seed: 903);

        public PackageTests(PackedPackageFixture package) => _package = package;

        private string Program => $$"""
            // A consumer of the KeyLint package.
            class Program
            {
                static void Main()
                {
                    string key = "{{_projectKey}}";
                    System.Console.WriteLine(key.Length);
                    // old: {{_commentKey}}
                }
            }
            """;

        private string AppSettings => $$"""
            {
              "OpenAI": { "ApiKey": "{{_settingsKey}}" }
            }
            """;

        private string[] AllKeys => new[] { _projectKey, _commentKey, _settingsKey };

        [Fact]
        public void Package_ShouldHoldExactlyTheAnalyzersTheBuildGlueAndTheReadme()
        {
            using ZipArchive archive = ZipFile.OpenRead(_package.PackagePath);
            string[] entries = archive.Entries.Select(e => e.FullName)
                .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(
                new[]
                {
                    "KeyLint.nuspec",
                    "README.md",
                    "analyzers/dotnet/cs/KeyLint.Analyzers.dll",
                    "analyzers/dotnet/cs/KeyLint.CodeFixes.dll",
                    "analyzers/dotnet/cs/KeyLint.Scanning.dll",
                    "build/KeyLint.props",
                    "build/KeyLint.targets",
                },
                entries);

            using Stream nuspecStream = archive.GetEntry("KeyLint.nuspec")!.Open();
            XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
            Assert.Equal("KeyLint", Value("id"));
            Assert.Equal(_package.Version, Value("version"));
            Assert.Equal("true", Value("developmentDependency"));
            Assert.Equal("MIT", Value("license"));
            Assert.Equal("README.md", Value("readme"));
            Assert.Contains("openai", Value("tags"));
            Assert.Equal("git", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("type")!.Value);
            Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
        }

        [Fact]
        public void Build_ShouldReportEachKeyByIdFileAndLine_AndPrintNoWholeKey()
        {
            string project = _package.CreateConsumer("Consumer", Program, AppSettings);
            (int exit, string output) = Build(project);

            Assert.True(exit == 0, DotnetFormatTests.Redact(output));
            Assert.Equal(
                new[] { "Program.cs(6,23) warning KL0001", "Program.cs(8,17) warning KL0005", "appsettings.json(2,26) warning KL0006" },
                Warnings(output));
            AssertNoWholeKey(output);
        }

        [Fact]
        public void TreatWarningsAsErrors_ShouldFailTheBuild()
        {
            string project = _package.CreateConsumer("Strict", Program, AppSettings);
            (int exit, string output) = Build(project, "-p:TreatWarningsAsErrors=true");

            Assert.NotEqual(0, exit);
            Assert.Equal(
                new[] { "Program.cs(6,23) error KL0001", "Program.cs(8,17) error KL0005", "appsettings.json(2,26) error KL0006" },
                Warnings(output));
        }

        [Fact]
        public void ErrorLog_ShouldListTheResultsInSarif_WithNoWholeKey()
        {
            string project = _package.CreateConsumer("Sarif", Program, AppSettings);
            string sarif = Path.Combine(project, "keylint.sarif");
            (int exit, string output) = Build(project, $"\"-p:ErrorLog={sarif},version=2.1\"");

            Assert.True(exit == 0, DotnetFormatTests.Redact(output));
            string log = File.ReadAllText(sarif);
            using JsonDocument document = JsonDocument.Parse(log);
            string[] ruleIds = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("ruleId").GetString()!)
                .Where(id => id.StartsWith("KL", StringComparison.Ordinal))
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(new[] { "KL0001", "KL0005", "KL0006" }, ruleIds);
            AssertNoWholeKey(log);
        }

        [Fact]
        public void ScanConfigurationFilesOff_ShouldNotReportConfigurationFiles()
        {
            string project = _package.CreateConsumer("NoConfigScan", Program, AppSettings);
            (int exit, string output) = Build(project, "-p:KeyLintScanConfigurationFiles=false");

            Assert.True(exit == 0, DotnetFormatTests.Redact(output));
            Assert.Equal(new[] { "Program.cs(6,23) warning KL0001", "Program.cs(8,17) warning KL0005" }, Warnings(output));
        }

        [Fact]
        public void DotnetFormat_FromThePackage_ShouldFixTheCode_AndLeaveOnlyTheConfigurationFileWarning()
        {
            string project = _package.CreateConsumer("Format", Program, AppSettings);
            (int restoreExit, string restoreOutput) = ProcessRunner.Run("dotnet", "restore", project, TimeSpan.FromMinutes(5));
            Assert.True(restoreExit == 0, DotnetFormatTests.Redact(restoreOutput));

            (int formatExit, string formatOutput) = ProcessRunner.Run(
                "dotnet", "format analyzers Format.csproj --no-restore --diagnostics KL0001 KL0002 KL0003 KL0004 KL0005 --severity info", project, TimeSpan.FromMinutes(5));
            Assert.True(formatExit == 0, DotnetFormatTests.Redact(formatOutput));

            string fixedProgram = File.ReadAllText(Path.Combine(project, "Program.cs"));
            Assert.Contains("Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\")", fixedProgram);
            AssertNoWholeKey(fixedProgram);

            (int exit, string output) = Build(project);
            Assert.True(exit == 0, DotnetFormatTests.Redact(output));
            Assert.Equal(new[] { "appsettings.json(2,26) warning KL0006" }, Warnings(output));
        }

        [Fact]
        public void Build_ShouldReportAzureKeysAsKL0008_WithServiceAndRedactedKey_AndNothingForNearMisses()
        {
            string fieldKey = FakeAzureKeys.Create(seed: 911);
            string argumentKey = FakeAzureKeys.Create(seed: 912, service: FakeAzureKeys.AIServices);
            string commentKey = FakeAzureKeys.Create(seed: 913);
            string settingsKey = FakeAzureKeys.Create(seed: 914);

            // Near misses: the layout with a wrong checksum, and valid-checksum keys of kind D (derived, not an access key).
            string wrongChecksum = FakeAzureKeys.WithWrongChecksum(FakeAzureKeys.Create(seed: 915));
            string derived = FakeAzureKeys.Create(seed: 916, kind: 'D');
            string wrongChecksumInSettings = FakeAzureKeys.WithWrongChecksum(FakeAzureKeys.Create(seed: 917));
            string derivedInComment = FakeAzureKeys.Create(seed: 918, kind: 'D');

            string program = $$"""
                // A consumer of the KeyLint package with Azure keys.
                class Program
                {
                    private const string Field = "{{fieldKey}}";
                    private const string WrongChecksum = "{{wrongChecksum}}";
                    private const string Derived = "{{derived}}";

                    static void Main()
                    {
                        System.Console.WriteLine("{{argumentKey}}");
                        System.Console.WriteLine(Field.Length + WrongChecksum.Length + Derived.Length);
                        // old: {{commentKey}}
                        // not a key: {{derivedInComment}}
                    }
                }
                """;
            string appSettings = $$"""
                {
                  "AzureOpenAI": { "ApiKey": "{{settingsKey}}" },
                  "Other": { "Key": "{{wrongChecksumInSettings}}" }
                }
                """;

            string project = _package.CreateConsumer("Azure", program, appSettings);
            (int exit, string output) = Build(project);

            Assert.True(exit == 0, DotnetFormatTests.Redact(output));
            Assert.Equal(
                new[] { "Program.cs(10,35) warning KL0008", "Program.cs(12,17) warning KL0008", "Program.cs(4,35) warning KL0008", "appsettings.json(2,31) warning KL0008" },
                Warnings(output));

            (string Place, string Service, string Key, string Where)[] expected =
            {
                ("Program.cs(4,35)", "Azure OpenAI", fieldKey, "hardcoded"),
                ("Program.cs(10,35)", "Azure AI Services", argumentKey, "hardcoded"),
                ("Program.cs(12,17)", "Azure OpenAI", commentKey, "in a comment"),
                ("appsettings.json(2,31)", "Azure OpenAI", settingsKey, "in appsettings.json"),
            };
            foreach ((string place, string service, string key, string where) in expected)
            {
                string message = $"{place}: warning KL0008: {service} key {FakeKeys.Redacted(key, string.Empty)} is {where}; regenerate it in the Azure portal";
                Assert.True(output.Contains(message, StringComparison.Ordinal), "missing: " + message + "\n" + DotnetFormatTests.Redact(output));
            }

            foreach (string text in new[] { fieldKey, argumentKey, commentKey, settingsKey, wrongChecksum, derived, wrongChecksumInSettings, derivedInComment })
            {
                Assert.False(output.Contains(text, StringComparison.Ordinal), "a whole key or near miss was printed");
            }
        }

        /// <summary>
        /// A real test project (Microsoft.NET.Test.Sdk sets IsTestProject) that builds OpenAI clients:
        /// the placeholders public tests pass stay quiet, a random-looking 32-hex key and a 40-character
        /// token are KL0007, a real-shaped key is KL0001; a folder marked keylint.test_code = false is
        /// product code again; and the same project built as product code reports every placeholder.
        /// </summary>
        [Fact]
        public void TestProject_ShouldReportOnlySecretLookingCredentials()
        {
            string hexKey = Scanning.SecretLikeStrings.Of(Scanning.SecretLikeStrings.Named("Azure key: 32 lowercase hex")).Skip(7).First();
            string token = Scanning.SecretLikeStrings.Of(Scanning.SecretLikeStrings.Named("base62, 40")).Skip(7).First();
            string projectKey = FakeKeys.Project(seed: 931);
            string tests = $$"""
                using System.ClientModel;
                using System.Net.Http;
                using System.Net.Http.Headers;
                using OpenAI.Chat;

                public class ClientTests
                {
                    public void Placeholders(HttpRequestMessage request)
                    {
                        _ = new ChatClient("gpt-4o", "ApiKey");
                        _ = new ChatClient("gpt-4o", "NOKEY");
                        _ = new ChatClient("gpt-4o", new ApiKeyCredential("fake-key"));
                        _ = new OpenAI.OpenAIClient("test-key");
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "INVALID_KEY");
                    }

                    public void Secrets()
                    {
                        _ = new ChatClient("gpt-4o", "{{hexKey}}");
                        _ = new ApiKeyCredential("{{token}}");
                        _ = new ChatClient("gpt-4o", "{{projectKey}}");
                    }
                }
                """;
            string sample = """
                namespace Shipped;

                public static class Sample
                {
                    public static OpenAI.Chat.ChatClient Create() => new OpenAI.Chat.ChatClient("gpt-4o", "fake-key");
                }
                """;
            string project = _package.CreateProject(
                "ClientTests",
                """<PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" /><PackageReference Include="OpenAI" Version="2.15.0" />""",
                ("ClientTests.cs", tests),
                ("Shipped/Sample.cs", sample),
                (".editorconfig", "root = true\n[Shipped/**.cs]\nkeylint.test_code = false\n"));

            (int exit, string output) = Build(project);
            Assert.True(exit == 0, DotnetFormatTests.Redact(output));
            Assert.Equal(
                new[] { "ClientTests.cs(19,38) warning KL0007", "ClientTests.cs(20,34) warning KL0007", "ClientTests.cs(21,39) warning KL0001", "Sample.cs(5,91) warning KL0007" },
                Warnings(output));

            // The same files as product code: every placeholder is a constant credential again.
            (exit, output) = Build(project, "-p:IsTestProject=false");
            Assert.True(exit == 0, DotnetFormatTests.Redact(output));
            Assert.Equal(
                new[]
                {
                    "ClientTests.cs(10,38) warning KL0007", "ClientTests.cs(11,38) warning KL0007", "ClientTests.cs(12,59) warning KL0007", "ClientTests.cs(13,37) warning KL0007",
                    "ClientTests.cs(14,81) warning KL0007", "ClientTests.cs(19,38) warning KL0007", "ClientTests.cs(20,34) warning KL0007", "ClientTests.cs(21,39) warning KL0001", "Sample.cs(5,91) warning KL0007",
                },
                Warnings(output));
            foreach (string secret in new[] { hexKey, token, projectKey })
            {
                Assert.False(output.Contains(secret, StringComparison.Ordinal), "a whole credential was printed");
            }
        }

        private static (int ExitCode, string Output) Build(string project, string extraArguments = "")
            => ProcessRunner.Run("dotnet", "build -nodeReuse:false " + extraArguments, project, TimeSpan.FromMinutes(5));

        /// <summary>The KeyLint reports a build printed, as "file(line,column) severity id", each once, in order.</summary>
        internal static string[] Warnings(string output)
            => Warning.Matches(output)
                .Select(m => $"{m.Groups["file"].Value}({m.Groups["line"].Value},{m.Groups["column"].Value}) {m.Groups["severity"].Value} {m.Groups["id"].Value}")
                .Distinct()
                .OrderBy(w => w, StringComparer.Ordinal)
                .ToArray();

        private void AssertNoWholeKey(string text)
        {
            foreach (string key in AllKeys)
            {
                Assert.False(text.Contains(key, StringComparison.Ordinal), "a whole key was printed");
            }
        }
    }
}
