using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace KeyLint.Benchmarks.AdditionalFiles
{
    /// <summary>
    /// <c>--additional-files-build [--repeats 5] [--report-rounds 3] [--node-modules 0] [--dir D] [--max-load 1.0] [--package-version V]</c>: the
    /// 2,000 files of <see cref="AdditionalFilesCorpus"/> in their places in a repository with a Web
    /// project (<c>Microsoft.NET.Sdk.Web</c>, net10.0, implicit usings) that references KeyLint packed
    /// from this repository, built by <c>dotnet build</c> with KeyLint's file switches on (the default)
    /// and all off (issue 13).
    /// </summary>
    /// <remarks>
    /// Two copies of the repository, <c>on/</c> and <c>off/</c>, identical but for the switches in the
    /// project file, so that each keeps its own obj/ and a build of one never invalidates the other.
    /// Every build: <c>dotnet build --no-restore -nodeReuse:false -p:UseSharedCompilation=false
    /// -clp:PerformanceSummary -v:n</c> (no build server: each build starts its own csc, so nothing is
    /// shared between the two copies or with other builds on the machine). Full builds touch
    /// Program.cs first, so CoreCompile runs; no-op builds change nothing. On and off alternate, the
    /// pair's order turning every round, after one warm-up build of each; medians. Then a few full
    /// builds with <c>-p:ReportAnalyzer=true</c> and a detailed file log, for the compiler's own
    /// report of KeyInProjectFileAnalyzer's time (kept apart: the detailed log costs time itself).
    /// </remarks>
    public static class AdditionalFilesBuild
    {
        private static readonly string[] Switches =
        {
            "KeyLintScanConfigurationFiles", "KeyLintScanFunctionsSettings", "KeyLintScanHttpFiles", "KeyLintScanXmlConfigurationFiles",
            "KeyLintScanMSBuildFiles", "KeyLintScanYamlFiles", "KeyLintScanNotebooks", "KeyLintScanWebAssets", "KeyLintScanRepositoryFiles",
        };

        public static int Run(string[] args)
        {
            int repeats = int.Parse(Option(args, "--repeats", "5"), CultureInfo.InvariantCulture);
            int reportRounds = int.Parse(Option(args, "--report-rounds", "3"), CultureInfo.InvariantCulture);
            int nodeModules = int.Parse(Option(args, "--node-modules", "0"), CultureInfo.InvariantCulture);
            double maxLoad = double.Parse(Option(args, "--max-load", "1.0"), CultureInfo.InvariantCulture);
            string directory = Path.GetFullPath(Option(args, "--dir", Path.Combine(Path.GetTempPath(), "keylint-bench-additional-build")));
            string repository = RepositoryRoot();
            string feed = Path.Combine(directory, "feed");
            string logs = Path.Combine(directory, "logs");
            Directory.CreateDirectory(logs);

            Console.WriteLine($"# dotnet build of a Web project with 2,000 additional files, KeyLint's file switches on and off, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine();
            Console.WriteLine($"- {Environment.ProcessorCount} logical cores; dotnet {Capture("dotnet", "--version", repository).Trim()}; rounds: 1 warm-up + {repeats} per kind of build; in {directory}; {nodeModules:N0} files in node_modules");

            string version = Option(args, "--package-version", "");
            if (version.Length == 0)
            {
                version = "0.0.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
                Quiet.WaitForLoadBelow(maxLoad * 3, TimeSpan.FromMinutes(20));
                (int exit, string output, _) = Execute("dotnet", $"pack \"{Path.Combine(repository, "src", "KeyLint.Package", "KeyLint.Package.csproj")}\" -c Release -o \"{feed}\" -p:Version={version} --artifacts-path \"{Path.Combine(directory, "pack-artifacts")}\"", repository);
                if (exit != 0)
                {
                    Console.Error.WriteLine("dotnet pack failed:\n" + output);
                    return 1;
                }
            }

            Console.WriteLine($"- KeyLint {version}, packed from {Capture("git", "rev-parse --short HEAD", repository).Trim()} into {feed}");
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="keylint-bench" value="{feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);

            List<CorpusFile> files = AdditionalFilesCorpus.Generate();
            var projects = new Dictionary<string, string>();
            foreach (string mode in new[] { "on", "off" })
            {
                string root = Path.Combine(directory, mode);
                AdditionalFilesCorpus.Write(root, files.Where(f => f.Path != AdditionalFilesCorpus.Project + "Contoso.Web.csproj"));
                Directory.CreateDirectory(Path.Combine(root, ".git")); // the repository's root, for KeyLintScanRepositoryFiles
                for (int i = 0; i < nodeModules; i++)
                {
                    // npm's folder, which KeyLint never reads: what its globs cost when it is there.
                    string package = Path.Combine(root, AdditionalFilesCorpus.Project, "node_modules", $"package-{i / 50:D4}", i % 5 == 0 ? "" : "lib");
                    Directory.CreateDirectory(package);
                    File.WriteAllText(Path.Combine(package, $"file-{i % 50:D2}" + (i % 5 == 1 ? ".json" : i % 5 == 2 ? ".yml" : ".js")), "module.exports = {};\n");
                }

                string project = Path.Combine(root, AdditionalFilesCorpus.Project, "Contoso.Web.csproj");
                File.WriteAllText(project, ProjectFile(version, Path.Combine(directory, "packages"), switchedOff: mode == "off"));
                File.WriteAllText(Path.Combine(root, AdditionalFilesCorpus.Project, "bench.globalconfig"), "is_global = true\ndotnet_diagnostic.KL0009.severity = warning\n");
                File.WriteAllText(Path.Combine(root, AdditionalFilesCorpus.Project, "Program.cs"), "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.UseStaticFiles();\napp.MapGet(\"/\", () => \"Contoso\");\napp.Run();\n");
                (int exit, string output, _) = Execute("dotnet", $"restore \"{project}\"", root);
                if (exit != 0)
                {
                    Console.Error.WriteLine("dotnet restore failed:\n" + output);
                    return 1;
                }

                string items = Capture("dotnet", $"msbuild \"{project}\" -getItem:AdditionalFiles", root);
                int count = Regex.Matches(items, "\"Identity\"").Count;
                FileInfo[] added = Regex.Matches(items, "\"FullPath\": \"([^\"]+)\"").Select(m => new FileInfo(m.Groups[1].Value)).ToArray();
                Console.WriteLine($"- {mode}: {count:N0} AdditionalFiles, {added.Where(f => f.Exists).Sum(f => f.Length):N0} bytes" + (added.Any(f => !f.Exists) ? $"; missing: {string.Join(", ", added.Where(f => !f.Exists).Select(f => f.Name))}" : ""));
                projects[mode] = project;
            }

            Console.WriteLine();
            var samples = new Dictionary<string, List<Build>>();
            foreach (string kind in new[] { "full", "no-op", "report" })
            {
                for (int round = 0; round <= (kind == "report" ? reportRounds : repeats); round++)
                {
                    Quiet.WaitForLoadBelow(maxLoad, TimeSpan.FromMinutes(20));
                    string[] order = round % 2 == 0 ? new[] { "on", "off" } : new[] { "off", "on" };
                    foreach (string mode in order)
                    {
                        Build build = RunBuild(projects[mode], touch: kind != "no-op", report: kind == "report", Path.Combine(logs, $"{kind}-{mode}-{round}.log"));
                        Console.WriteLine($"{kind} round {round}{(round == 0 ? " (warm-up)" : "")} {mode}: {build}");
                        if (round > 0)
                        {
                            Get(samples, $"{kind} {mode}").Add(build);
                        }
                    }
                }
            }

            Print(samples, files.Sum(f => (long)f.Text.Length));
            return 0;
        }

        /// <summary>The repository this file is in (the folder of KeyLint.sln above it), or the current directory's.</summary>
        private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
        {
            foreach (string? start in new[] { Path.GetDirectoryName(thisFile), Directory.GetCurrentDirectory() })
            {
                for (string? folder = start; folder is not null; folder = Path.GetDirectoryName(folder))
                {
                    if (File.Exists(Path.Combine(folder, "KeyLint.sln")))
                    {
                        return folder;
                    }
                }
            }

            throw new InvalidOperationException("KeyLint.sln not found above " + thisFile);
        }

        private static string ProjectFile(string version, string packages, bool switchedOff)
        {
            string off = switchedOff
                ? "  <PropertyGroup>\n" + string.Concat(Switches.Select(s => $"    <{s}>false</{s}>\n")) + "  </PropertyGroup>\n"
                : "";
            return $"""
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RestorePackagesPath>{packages}</RestorePackagesPath>
                  </PropertyGroup>
                {off}  <ItemGroup>
                    <PackageReference Include="KeyLint" Version="{version}" PrivateAssets="all" />
                    <!-- KL0009 (an error) for the fake key in wwwroot/js/config.js as a warning: every build must succeed. -->
                    <GlobalAnalyzerConfigFiles Include="bench.globalconfig" />
                  </ItemGroup>
                </Project>

                """;
        }

        private static Build RunBuild(string project, bool touch, bool report, string log)
        {
            string directory = Path.GetDirectoryName(project)!;
            for (int attempt = 1; ; attempt++)
            {
                if (touch)
                {
                    File.SetLastWriteTimeUtc(Path.Combine(directory, "Program.cs"), DateTime.UtcNow);
                }

                Quiet.WaitForQuietCores();
                double load = Quiet.LoadAverage();
                Quiet.Reading before = Quiet.Reading.Take();
                string detailed = log + ".detailed";
                (int exit, string output, double wallMs) = Execute("dotnet", $"build \"{project}\" --no-restore -nodeReuse:false -p:UseSharedCompilation=false -clp:PerformanceSummary -v:n"
                    + (report ? $" -p:ReportAnalyzer=true \"-flp:verbosity=detailed;logfile={detailed}\"" : ""), directory);
                Quiet.Reading after = Quiet.Reading.Take();
                File.WriteAllText(log, output);
                if (exit != 0)
                {
                    throw new InvalidOperationException($"dotnet build failed; see {log}");
                }

                double others = after.OthersMs(before);
                if (others <= Math.Max(300, 0.1 * wallMs) || attempt == 3)
                {
                    return new Build(wallMs, after.OwnMs(before), load, others, Summary(output, "Project Evaluation Performance Summary:", "Contoso.Web.csproj"),
                        Summary(output, "Task Performance Summary:", "Csc"), Summary(output, "Target Performance Summary:", "CoreCompile"), report ? AnalyzerSeconds(File.ReadAllText(detailed)) * 1000 : null);
                }

                Console.WriteLine($"  (other processes used {others:F0} ms of CPU during the build: again)");
            }
        }

        /// <summary>A line of a <c>-clp:PerformanceSummary</c> section: "   123 ms  Name   1 calls".</summary>
        private static double? Summary(string output, string section, string name)
        {
            int start = output.IndexOf(section, StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            foreach (string line in output.Substring(start + section.Length).Split('\n').Skip(1))
            {
                Match match = Regex.Match(line, @"^\s*(\d+) ms\s+(.+?)\s+(\d+) calls");
                if (!match.Success)
                {
                    if (line.Trim().Length == 0)
                    {
                        break;
                    }

                    continue;
                }

                if (match.Groups[2].Value == name || (name.EndsWith(".csproj", StringComparison.Ordinal) && match.Groups[2].Value.EndsWith("/" + name, StringComparison.Ordinal)))
                {
                    return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }

            return null;
        }

        /// <summary>KeyInProjectFileAnalyzer's seconds in the compiler's <c>-p:ReportAnalyzer=true</c> report, when there is one.</summary>
        private static double? AnalyzerSeconds(string output)
        {
            Match match = Regex.Match(output, @"^\s*(<?\d+[.,]\d+)\s+<?\d+\s+KeyLint\.Analyzers\.KeyInProjectFileAnalyzer", RegexOptions.Multiline);
            return match.Success ? double.Parse(match.Groups[1].Value.TrimStart('<').Replace(',', '.'), CultureInfo.InvariantCulture) : null;
        }

        private static void Print(Dictionary<string, List<Build>> samples, long chars)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            double mb = chars / 1_000_000.0;
            string Median(IEnumerable<double?> values)
            {
                double[] present = values.Where(v => v is not null).Select(v => v!.Value).ToArray();
                return present.Length == 0 ? "–" : Analyzers.AnalyzerMeasurement.Median(present).ToString("F0", c);
            }

            Console.WriteLine();
            Console.WriteLine("### Medians (ms)");
            Console.WriteLine();
            Console.WriteLine("| Build | KeyLint file switches | Wall (ms) | min–max | CPU, build processes (ms) | Evaluation (ms) | CoreCompile target (ms) | Csc task (ms) | KeyInProjectFileAnalyzer, ReportAnalyzer (ms) | Load (1 min) | Others' CPU (ms, max) |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|");
            foreach ((string key, List<Build> builds) in samples)
            {
                string[] parts = key.Split(' ');
                Console.WriteLine(string.Format(c, "| {0} | {1} | {2} | {3:F0}–{4:F0} | {5} | {6} | {7} | {8} | {9} | {10:F2}–{11:F2} | {12:F0} |",
                    parts[0], parts[1], Median(builds.Select(b => (double?)b.WallMs)), builds.Min(b => b.WallMs), builds.Max(b => b.WallMs),
                    Median(builds.Select(b => (double?)b.CpuMs)), Median(builds.Select(b => b.EvaluationMs)), Median(builds.Select(b => b.CoreCompileMs)),
                    Median(builds.Select(b => b.CscMs)), Median(builds.Select(b => b.AnalyzerMs)), builds.Min(b => b.Load), builds.Max(b => b.Load), builds.Max(b => b.OthersMs)));
            }

            Console.WriteLine();
            foreach (string kind in new[] { "full", "no-op" })
            {
                if (samples.TryGetValue($"{kind} on", out List<Build>? on) && samples.TryGetValue($"{kind} off", out List<Build>? off))
                {
                    double difference = Analyzers.AnalyzerMeasurement.Median(on.Select(b => b.WallMs)) - Analyzers.AnalyzerMeasurement.Median(off.Select(b => b.WallMs));
                    double[] pairs = on.Zip(off, (a, b) => a.WallMs - b.WallMs).ToArray();
                    Console.WriteLine(string.Format(c, "{0} build, on − off: {1:+0;-0} ms of wall time ({2:+0.0;-0.0} ms per MB of the {3:F1} MB); round by round: {4}",
                        kind, difference, difference / mb, mb, string.Join(", ", pairs.Select(p => p.ToString("+0;-0", c)))));
                }
            }
        }

        private static List<Build> Get(Dictionary<string, List<Build>> map, string key)
        {
            if (!map.TryGetValue(key, out List<Build>? list))
            {
                map[key] = list = new List<Build>();
            }

            return list;
        }

        private static string Option(string[] args, string name, string fallback)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        private static string Capture(string file, string arguments, string directory) => Execute(file, arguments, directory).Output;

        private static (int Exit, string Output, double WallMs) Execute(string file, string arguments, string directory)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            long started = Stopwatch.GetTimestamp();
            using Process process = Process.Start(start)!;
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            double wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (output)
            {
                return (process.ExitCode, output.ToString(), wall);
            }
        }

        private sealed record Build(double WallMs, double CpuMs, double Load, double OthersMs, double? EvaluationMs, double? CscMs, double? CoreCompileMs, double? AnalyzerMs)
        {
            public override string ToString()
                => string.Format(CultureInfo.InvariantCulture, "{0:F0} ms wall, {1:F0} ms CPU, evaluation {2} ms, CoreCompile {3} ms, Csc {4} ms, KeyInProjectFileAnalyzer {5} ms; load {6:F2}, others {7:F0} ms",
                    WallMs, CpuMs, EvaluationMs?.ToString("F0", CultureInfo.InvariantCulture) ?? "–", CoreCompileMs?.ToString("F0", CultureInfo.InvariantCulture) ?? "–",
                    CscMs?.ToString("F0", CultureInfo.InvariantCulture) ?? "–", AnalyzerMs?.ToString("F0", CultureInfo.InvariantCulture) ?? "–", Load, OthersMs);
        }
    }
}
