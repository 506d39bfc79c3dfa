using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KeyLint.Scanning;
using KeyLint.Tests.Analyzers;
using KeyLint.Tests.CodeFixes;

namespace KeyLint.Tests.EndToEnd
{
    /// <summary>
    /// The real client: <c>dotnet format analyzers</c> applies KeyLint's fixes to a copy of the console
    /// sample, and the sample then builds with no KeyLint warning and no key left in its sources.
    /// </summary>
    public class DotnetFormatTests
    {
        [Fact]
        public void DotnetFormat_OnACopyOfTheSample_ShouldRemoveEveryKeyAndBuildClean()
        {
            string root = SampleKeysTests.RepositoryRoot();
            string copy = Path.Combine(Path.GetTempPath(), "keylint-format-" + Guid.NewGuid().ToString("N"));
            string project = Path.Combine(copy, "KeyLint.Sample.Console");
            try
            {
                CopySample(Path.Combine(root, "samples", "KeyLint.Sample.Console"), project, root);
                Assert.NotEmpty(KeysIn(project));

                (int formatExit, string formatOutput) = ProcessRunner.Run(
                    "dotnet",
                    "format analyzers KeyLint.Sample.Console.csproj --diagnostics KL0001 KL0002 KL0003 KL0004 KL0005 KL0008 --severity info",
                    project,
                    TimeSpan.FromMinutes(5));
                Assert.True(formatExit == 0, "dotnet format failed:\n" + Redact(formatOutput));

                Assert.Empty(KeysIn(project));
                (int buildExit, string buildOutput) = ProcessRunner.Run("dotnet", "build KeyLint.Sample.Console.csproj", project, TimeSpan.FromMinutes(5));
                Assert.True(buildExit == 0, "the fixed sample does not build:\n" + Redact(buildOutput));
                Assert.DoesNotMatch(new Regex(@"warning (KL\d{4}|CS\d{4})"), buildOutput);
            }
            finally
            {
                Directory.Delete(copy, recursive: true);
            }
        }

        /// <summary>
        /// Issue 11 the way users met it: <c>dotnet format analyzers</c> on a project where every fixable
        /// site meets keys kept in const pieces (<see cref="CompositionProject"/>, written to disk as a
        /// console project that references src/ like the sample does, with IConfiguration from the
        /// ASP.NET Core shared framework). dotnet format runs one Fix All in Solution per diagnostic
        /// ID; none may fail. Afterwards exactly the keys no fix can reach are left (in the text, and
        /// as the build's KeyLint warnings), the build has no other warning, and each distinct key
        /// that was fixed reads a setting of its own: the same key in two places reads one.
        /// </summary>
        [Fact]
        public void DotnetFormat_OnKeysKeptInConstPiecesAmongEverySite_ShouldApplyEveryFixAndBuildClean()
        {
            string root = SampleKeysTests.RepositoryRoot();
            string project = Path.Combine(Path.GetTempPath(), "keylint-format-composition-" + Guid.NewGuid().ToString("N"));
            try
            {
                WriteCompositionProject(project, root);
                string[] settingsBefore = SettingNamesIn(project);

                (int formatExit, string formatOutput) = ProcessRunner.Run(
                    "dotnet",
                    "format analyzers Composition.csproj --diagnostics KL0001 KL0002 KL0003 KL0004 KL0007 --severity info -v diag",
                    project,
                    TimeSpan.FromMinutes(10));
                Assert.True(formatExit == 0, "dotnet format failed:\n" + CompositionProject.Safe(formatOutput));
                string[] failedFixes = formatOutput.Split('\n').Where(l => l.Contains("Failed to apply code fix", StringComparison.Ordinal)).Select(l => CompositionProject.Safe(l.Trim())).ToArray();
                Assert.True(failedFixes.Length == 0, "dotnet format could not apply a fix:\n" + string.Join("\n", failedFixes));

                // The keys no fix can reach, spelled out: an attribute argument, a case label, a default
                // parameter value, a const an attribute needs, and the #else branch (KL0005, not asked for).
                string[] expectedKeys = new[]
                {
                    "Client.Part2.cs:" + FakeKeys.Redacted(CompositionProject.Release, "sk-proj-"),
                    "Service.cs:" + FakeKeys.Redacted(CompositionProject.AttributeArgument, "sk-admin-"),
                    "Service.cs:" + FakeKeys.Redacted(CompositionProject.CaseLabel, "sk-proj-"),
                    "Service.cs:" + FakeKeys.Redacted(CompositionProject.DefaultValue, "sk-"),
                    "SplitKeys.cs:" + FakeKeys.Redacted(CompositionProject.Pinned, "sk-proj-"),
                }.OrderBy(k => k, StringComparer.Ordinal).ToArray();
                Assert.Equal(expectedKeys, KeysIn(project).OrderBy(k => k, StringComparer.Ordinal).ToArray());

                (int buildExit, string buildOutput) = ProcessRunner.Run("dotnet", "build Composition.csproj", project, TimeSpan.FromMinutes(5));
                Assert.True(buildExit == 0, "the fixed project does not build:\n" + CompositionProject.Safe(buildOutput));

                // Every warning of the build, once each: exactly the KeyLint warnings of the keys left (keys
                // kept in pieces that a fix missed are not spelled out: only the analyzers see them).
                string[] warnings = BuildWarnings(buildOutput, project);
                string[] expectedWarnings = new[]
                {
                    CompositionProject.Place("KL0005", "Client.Part2.cs", $"public static string Mode() => \"{CompositionProject.Release}\";"),
                    CompositionProject.Place("KL0003", "Service.cs", $"[Description(\"{CompositionProject.AttributeArgument}\")]"),
                    CompositionProject.Place("KL0001", "Service.cs", $"case \"{CompositionProject.CaseLabel}\":"),
                    CompositionProject.Place("KL0004", "Service.cs", $"public static string WithDefault(string key = \"{CompositionProject.DefaultValue}\") => key;"),
                    CompositionProject.Place("KL0001", "SplitKeys.cs", $"public const string Pinned = \"{CompositionProject.Pinned}\";"),
                }.OrderBy(w => w, StringComparer.Ordinal).ToArray();
                Assert.Equal(expectedWarnings, warnings);

                // 19 distinct keys were fixed (Shared is written twice): 19 new settings, and both places
                // that held Shared read the same one.
                string[] settingsAfter = SettingNamesIn(project);
                string[] added = settingsAfter.Except(settingsBefore, StringComparer.Ordinal).ToArray();
                Assert.True(added.Length == 19, "settings read after the fix, beyond those read before: " + string.Join(", ", added));
                string service = File.ReadAllText(Path.Combine(project, "Service.cs"));
                string keyLine = service.Split('\n').Single(l => l.Contains("string Key =", StringComparison.Ordinal));
                string sameLine = service.Split('\n').Single(l => l.Contains("string Same()", StringComparison.Ordinal));
                Assert.Equal(SettingNames(keyLine), SettingNames(sameLine));
                Assert.Single(SettingNames(keyLine));
            }
            finally
            {
                Directory.Delete(project, recursive: true);
            }
        }

        /// <summary>The composition project's files and a console project that takes the analyzers and fixes from src/, as the sample does.</summary>
        private static void WriteCompositionProject(string directory, string repositoryRoot)
        {
            Directory.CreateDirectory(directory);
            string src = Path.Combine(repositoryRoot, "src");
            File.WriteAllText(Path.Combine(directory, "Composition.csproj"), $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <IsPackable>false</IsPackable>
                    <Nullable>enable</Nullable>
                    <LangVersion>latest</LangVersion>
                  </PropertyGroup>
                  <ItemGroup>
                    <!-- IConfiguration, without a package to restore. -->
                    <FrameworkReference Include="Microsoft.AspNetCore.App" />
                    <ProjectReference Include="{{Path.Combine(src, "KeyLint.Analyzers", "KeyLint.Analyzers.csproj")}}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                    <ProjectReference Include="{{Path.Combine(src, "KeyLint.Scanning", "KeyLint.Scanning.csproj")}}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                    <ProjectReference Include="{{Path.Combine(src, "KeyLint.CodeFixes", "KeyLint.CodeFixes.csproj")}}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  </ItemGroup>
                </Project>
                """);
            foreach ((string path, string text) in CompositionProject.Files())
            {
                File.WriteAllText(Path.Combine(directory, CompositionProject.FileName(path)), text);
            }
        }

        private static readonly Regex BuildWarning = new(@"(?<path>[^\s(]+\.cs)\((?<line>\d+),(?<column>\d+)\): warning (?<id>[A-Z]+\d+):");

        /// <summary>
        /// Each warning of a build once (MSBuild repeats them in its summary): in the project's own files
        /// as "ID File: line" with the line read from the file, elsewhere as "ID path(line,column)".
        /// </summary>
        private static string[] BuildWarnings(string buildOutput, string directory)
            => BuildWarning.Matches(buildOutput)
                .Select(m => (Path: m.Groups["path"].Value, Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Column: m.Groups["column"].Value, Id: m.Groups["id"].Value))
                .Distinct()
                .Select(w => Path.GetDirectoryName(w.Path) == directory
                    ? CompositionProject.Place(w.Id, w.Path, File.ReadAllLines(w.Path)[w.Line - 1])
                    : $"{w.Id} {w.Path}({w.Line},{w.Column})")
                .OrderBy(w => w, StringComparer.Ordinal)
                .ToArray();

        private static readonly Regex SettingRead = new("(?:GetEnvironmentVariable\\(|\\[)\"(?<name>[^\"]+)\"(?:\\)|\\])");

        /// <summary>The environment variables and configuration keys a piece of code reads, distinct.</summary>
        private static string[] SettingNames(string code)
            => SettingRead.Matches(code).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        private static string[] SettingNamesIn(string directory)
            => SettingNames(string.Join("\n", Directory.EnumerateFiles(directory, "*.cs").Select(File.ReadAllText)));

        /// <summary>Copies the sample and points its project references at the repository's src/.</summary>
        private static void CopySample(string from, string to, string repositoryRoot)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.EnumerateFiles(from).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
            {
                string text = File.ReadAllText(file).Replace(@"..\..\src", Path.Combine(repositoryRoot, "src"));
                File.WriteAllText(Path.Combine(to, Path.GetFileName(file)), text);
            }
        }

        private static string[] KeysIn(string directory)
            => Directory.EnumerateFiles(directory, "*.cs")
                .SelectMany(file =>
                {
                    string text = File.ReadAllText(file);
                    return Scan(text).Select(m => Path.GetFileName(file) + ":" + KeyRedactor.Redact(text.AsSpan(m.Start, m.Length), m.PrefixLength));
                })
                .ToArray();

        private static System.Collections.Generic.List<KeyMatch> Scan(string text)
        {
            var matches = new System.Collections.Generic.List<KeyMatch>();
            foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
            {
                matches.Add(match);
            }

            return matches;
        }

        /// <summary>Build output is shown on failure: never with a whole key in it.</summary>
        internal static string Redact(string output)
        {
            var builder = new System.Text.StringBuilder(output);
            foreach (KeyMatch match in Scan(output).AsEnumerable().Reverse())
            {
                builder.Remove(match.Start, match.Length).Insert(match.Start, KeyRedactor.Redact(output.AsSpan(match.Start, match.Length), match.PrefixLength));
            }

            return builder.ToString();
        }
    }
}
