using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KeyLint.Analyzers;
using KeyLint.Tests.Analyzers;

namespace KeyLint.Tests.EndToEnd
{
    /// <summary>
    /// Issue 13 as a user meets it: a web project in a repository, built against the packed package,
    /// with a fake key planted in each kind of file a project commits or ships, the same files
    /// without a key beside them, and copies of keys where KeyLint must not look (bin, node_modules,
    /// lock files). Each key is reported at its file, line and column with its rule; each switch
    /// silences its kind and no other.
    /// </summary>
    public class ProjectFilesPackageTests : IClassFixture<PackedPackageFixture>
    {
        private static readonly Regex Reported = new(@"(?<path>/[^\s(]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>KL\d{4})");

        /// <summary>Two halves of the switches: each build turns one half off and must report exactly the other.</summary>
        private static readonly ProjectFileKind[] FirstHalf = { ProjectFileKind.Configuration, ProjectFileKind.HttpRequests, ProjectFileKind.XmlConfiguration, ProjectFileKind.RunSettings, ProjectFileKind.Yaml };

        private readonly PackedPackageFixture _package;
        private readonly string _repository;
        private readonly string _project;
        private readonly List<Planted> _planted = new();

        public ProjectFilesPackageTests(PackedPackageFixture package)
        {
            _package = package;
            _repository = Path.Combine(package.Root, "repo-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            _project = Path.Combine(_repository, "src", "WebApp");
            Directory.CreateDirectory(Path.Combine(_repository, ".git"));
            Directory.CreateDirectory(_project);
            WriteRepository();
        }

        private sealed record Planted(string RelativePath, ProjectFileKind Kind, string Key, int Line, int Column, string Rule, bool InRepository);

        [Fact]
        public void Build_ShouldReportTheKeyInEachKindOfFileAtItsLine_AndNothingElse()
        {
            (int exit, string output) = Build();

            Assert.True(exit != 0, "KL0009 is an error by default: the build fails\n" + Redact(output));
            AssertOnlyKeyLintErrors(output);
            string[] expected = Expected(_ => true, repositoryFiles: true);
            Assert.Equal(_planted.Count, expected.Length);
            Assert.Contains(".github/workflows/ci.yml(6,23) warning KL0006", expected);
            Assert.Equal(expected, Reports(output));
            AssertNoWholeKey(output);

            // Each key once: no file reaches the compiler twice (a file two globs match, such as wwwroot/appsettings.json).
            (_, output) = Build("-p:ErrorLog=" + Path.Combine(_repository, "keylint.sarif") + "%2Cversion=2.1");
            using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_repository, "keylint.sarif")));
            string[] logged = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("KL", StringComparison.Ordinal))
                .Select(r => r.GetProperty("ruleId").GetString() + " " + r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
                .ToArray();
            Assert.Equal(_planted.Count, logged.Length);
            Assert.Equal(logged.Length, logged.Distinct().Count());
        }

        [Fact]
        public void TurningHalfTheKindsOff_ShouldSilenceExactlyThoseKinds()
        {
            (int exit, string output) = Build(string.Join(" ", FirstHalf.Select(k => $"-p:{ProjectFileKinds.SwitchProperty(k)}=false").Distinct()));
            AssertOnlyKeyLintErrors(output);
            Assert.Equal(Expected(k => !FirstHalf.Contains(k), repositoryFiles: true), Reports(output));

            // The other half, and the repository's own files (its workflows, pipelines and .env) with them.
            ProjectFileKind[] secondHalf = Enum.GetValues<ProjectFileKind>().Where(k => k != ProjectFileKind.None && !FirstHalf.Contains(k)).ToArray();
            (exit, output) = Build(string.Join(" ", secondHalf.Select(k => $"-p:{ProjectFileKinds.SwitchProperty(k)}=false").Distinct()) + " -p:KeyLintScanRepositoryFiles=false");
            Assert.True(exit == 0, Redact(output));
            Assert.Equal(Expected(k => FirstHalf.Contains(k), repositoryFiles: false), Reports(output));
        }

        /// <summary>
        /// A class library (no web SDK: npm's folder is one of its None items) read the same way with
        /// the SDK's default items on and off (then KeyLint walks the folder itself).
        /// </summary>
        [Theory]
        [InlineData("")]
        [InlineData("-p:EnableDefaultItems=false -p:EnableDefaultCompileItems=false")]
        public void LibraryProject_ShouldReportItsFiles_ButNotNpmsFolder(string arguments)
        {
            string http = FakeKeys.Project(seed: 1391), yaml = FakeKeys.Admin(seed: 1392), hidden = FakeKeys.Project(seed: 1393);
            string project = _package.CreateProject(
                "Library" + (arguments.Length == 0 ? "Defaults" : "NoDefaults"),
                "<Compile Include=\"Library.cs\" Condition=\"'$(EnableDefaultItems)' == 'false'\" />",
                ("Library.cs", "public static class Library { }\n"),
                ("Requests/Api.http", "POST https://api.openai.com/v1/responses\nAuthorization: Bearer " + http + "\n"),
                ("deploy/values.yaml", "openai:\n  apiKey: " + yaml + "\n"),
                ("node_modules/chat/config.yml", "key: " + hidden + "\n"));

            (int exit, string output) = ProcessRunner.Run("dotnet", "build -nodeReuse:false " + arguments, project, TimeSpan.FromMinutes(5));

            Assert.True(exit == 0, Redact(output));
            Assert.Equal(new[] { "Api.http(2,23) warning KL0006", "values.yaml(2,11) warning KL0006" }, PackageTests.Warnings(output));
        }

        private string[] Expected(Func<ProjectFileKind, bool> switchedOn, bool repositoryFiles)
            => _planted
                .Where(p => switchedOn(p.Kind) && (repositoryFiles || !p.InRepository || p.Kind == ProjectFileKind.MSBuild))
                .Select(p => $"{p.RelativePath}({p.Line},{p.Column}) {(p.Rule == "KL0009" ? "error" : "warning")} {p.Rule}")
                .OrderBy(r => r, StringComparer.Ordinal)
                .ToArray();

        /// <summary>The reports the build printed (the console repeats each: they are counted in the SARIF log).</summary>
        private string[] Reports(string output)
            => Reported.Matches(output)
                .Select(m => $"{Path.GetRelativePath(_repository, m.Groups["path"].Value).Replace('\\', '/')}({m.Groups["line"].Value},{m.Groups["column"].Value}) {m.Groups["severity"].Value} {m.Groups["id"].Value}")
                .Distinct()
                .OrderBy(r => r, StringComparer.Ordinal)
                .ToArray();

        private (int ExitCode, string Output) Build(string arguments = "")
            => ProcessRunner.Run("dotnet", "build WebApp.csproj -nodeReuse:false " + arguments, _project, TimeSpan.FromMinutes(5));

        /// <summary>
        /// Writes the repository: each case of <see cref="ProjectFileCase.All"/> with a key (a case at
        /// the root of the file system goes to the repository's root, the others into the project), the
        /// same files with placeholders under <c>clean/</c>, and keys where nothing may be read.
        /// </summary>
        private void WriteRepository()
        {
            int seed = 1300;
            foreach (ProjectFileCase file in ProjectFileCase.All.Where(f => !f.Path.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                bool inRepository = !file.Path.StartsWith("/app/", StringComparison.Ordinal);
                string relative = inRepository ? file.Path.Substring(1) : "src/WebApp/" + file.Path.Substring("/app/".Length);
                Plant(file, relative, FakeKeys.Project(seed++), inRepository);
                if (!inRepository)
                {
                    Write("src/WebApp/clean/" + file.Path.Substring("/app/".Length), file.WithPlaceholder());
                }
            }

            // The project's own appsettings.json (copied to bin/ by the build: the copy is never read) and a .env at the root.
            var appSettings = new ProjectFileCase("/app/appsettings.json", ProjectFileKind.Configuration, "{\n  \"OpenAI\": { \"ApiKey\": \"{key}\" }\n}\n");
            Plant(appSettings, "src/WebApp/appsettings.json", FakeKeys.ServiceAccount(seed++), inRepository: false);
            var rootEnv = new ProjectFileCase("/.env", ProjectFileKind.Configuration, "# compose\nOPENAI_API_KEY={key}\n");
            Plant(rootEnv, ".env", FakeKeys.Admin(seed++), inRepository: true);

            // Never read: dependencies, build output, lock files.
            string hidden = FakeKeys.Project(seed++);
            Write("src/WebApp/node_modules/chat/config.yml", "key: " + hidden + "\n");
            Write("src/WebApp/wwwroot/node_modules/chat/index.js", "const key = '" + hidden + "';\n");
            Write("src/WebApp/wwwroot/lib/package-lock.json", "{ \"key\": \"" + hidden + "\" }\n");
            Write("src/WebApp/packages.lock.json", "{ \"key\": \"" + hidden + "\" }\n");
            Write("src/WebApp/obj/stale/appsettings.json", "{ \"key\": \"" + hidden + "\" }\n");

            // The project file itself, with a key in a property.
            string projectKey = FakeKeys.LegacyUser(seed++);
            string projectFile = $"""
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RestorePackagesPath>{Path.Combine(_package.Root, "packages")}</RestorePackagesPath>
                    <OpenAIApiKey>{projectKey}</OpenAIApiKey>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="KeyLint" Version="{_package.Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """;
            Write("src/WebApp/WebApp.csproj", projectFile);
            _planted.Add(At("src/WebApp/WebApp.csproj", ProjectFileKind.MSBuild, projectFile, projectKey, "KL0006", inRepository: false));
            Write("src/WebApp/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
        }

        private void Plant(ProjectFileCase file, string relativePath, string key, bool inRepository)
        {
            string text = file.WithKey(key);
            Write(relativePath, text);
            Microsoft.CodeAnalysis.FileLinePositionSpan span = file.Expected("Project", key).Spans[0].Span;
            string rule = file.Kind == ProjectFileKind.WebAsset ? "KL0009" : "KL0006";
            _planted.Add(new Planted(relativePath, file.Kind, key, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, rule, inRepository));
        }

        private static Planted At(string relativePath, ProjectFileKind kind, string text, string key, string rule, bool inRepository)
        {
            (int line, int column) = TextPositions.Of(text, key);
            return new Planted(relativePath, kind, key, line, column, rule, inRepository);
        }

        private void Write(string relativePath, string text)
        {
            string full = Path.Combine(_repository, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        private string Redact(string output)
        {
            foreach (Planted planted in _planted)
            {
                output = output.Replace(planted.Key, "<key>", StringComparison.Ordinal);
            }

            return output;
        }

        /// <summary>The build fails for KL0009 alone: no compiler or MSBuild error (a missing file passed to the compiler is CS2001).</summary>
        private void AssertOnlyKeyLintErrors(string output)
            => Assert.DoesNotMatch(new Regex(@"error (CS|MSB|NU|NETSDK)\d+"), Redact(output));

        private void AssertNoWholeKey(string output)
        {
            foreach (Planted planted in _planted)
            {
                Assert.False(output.Contains(planted.Key, StringComparison.Ordinal), "a whole key was printed");
            }
        }
    }
}
