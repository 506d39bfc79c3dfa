using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Benchmarks.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Benchmarks.AdditionalFiles
{
    /// <summary>
    /// <c>--additional-files [--repeats 7] [--dir D] [--max-load 1.0]</c>: <see cref="KeyInProjectFileAnalyzer"/>
    /// alone over the 2,000 files (10 MB) of <see cref="AdditionalFilesCorpus"/>, written to disk and
    /// read as the command-line compiler reads AdditionalFiles, against the compiler reading the
    /// same files without KeyLint (issue 13).
    /// </summary>
    /// <remarks>
    /// Configurations, each a whole <see cref="CompilationWithAnalyzers"/> run of a one-file C#
    /// compilation (<c>GetAnalysisResultAsync</c>, concurrent, execution times logged), except <c>read</c>:
    /// <list type="bullet">
    /// <item><c>read</c>: the compiler's part, <see cref="SourceText.From(Stream, System.Text.Encoding?, SourceHashAlgorithm, bool, bool)"/>
    /// on every file (as Roslyn's AdditionalTextFile does on the first GetText), two threads as the driver runs file actions.</item>
    /// <item><c>no-files</c>: the analyzer and the compilation with no AdditionalFiles: the fixed cost.</item>
    /// <item><c>keylint+read</c>: new file objects every run, so each file is read from disk inside KeyLint's
    /// callback — what <c>-p:ReportAnalyzer=true</c> shows for it in a build.</item>
    /// <item><c>keylint</c>: the texts read beforehand (and kept): KeyLint's own work.</item>
    /// </list>
    /// Each on the key-free corpus (six fake keys) and on the worst case, every file ending with a key.
    /// The order of the configurations turns every round; the first round is a warm-up; medians.
    /// Allocations: <c>GC.GetTotalAllocatedBytes(precise: true)</c> around the run, all threads.
    /// </remarks>
    public static class AdditionalFilesMeasurement
    {
        private const double MB = 1_000_000;

        private static readonly string[] Configurations = { "read", "no-files", "keylint+read", "keylint" };

        public static int Run(string[] args)
        {
            int repeats = int.Parse(Option(args, "--repeats", "7"), CultureInfo.InvariantCulture);
            double maxLoad = double.Parse(Option(args, "--max-load", "1.0"), CultureInfo.InvariantCulture);
            string directory = Path.GetFullPath(Option(args, "--dir", Path.Combine(Path.GetTempPath(), "keylint-bench-additional-files")));

            Console.WriteLine($"# KeyInProjectFileAnalyzer over 2,000 additional files, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine();
            Console.WriteLine($"- {Environment.ProcessorCount} logical cores; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}");
            Console.WriteLine($"- Rounds: 1 warm-up + {repeats}; files written to {directory}");

            var corpora = new List<(string Name, string Root, List<CorpusFile> Files)>
            {
                ("key-free (6 keys)", Path.Combine(directory, "key-free"), AdditionalFilesCorpus.Generate()),
                ("every file ends with a key", Path.Combine(directory, "every-file-a-key"), AdditionalFilesCorpus.Generate(everyFileHasKey: true)),
            };
            foreach ((string name, string root, List<CorpusFile> files) in corpora)
            {
                AdditionalFilesCorpus.Write(root, files);
                int marked = files.Count(f => KeyLint.Scanning.KeyScanner.ContainsMarker(f.Text.AsSpan())
                    || (ProjectFileKinds.MayEncodeBase64(ProjectFileKinds.Classify("/repo/" + f.Path)) && KeyLint.Scanning.Base64KeyScanner.ContainsMarker(f.Text.AsSpan())));
                Console.WriteLine($"- {name}: {files.Count:N0} files, {files.Sum(f => (long)f.Text.Length):N0} characters, {marked:N0} holding a marker (scanned whole); {AdditionalFilesCorpus.Describe(files, p => ProjectFileKinds.Classify("/repo/" + p).ToString())}");
            }

            Console.WriteLine();
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Contoso.Web",
                new[] { CSharpSyntaxTree.ParseText("using System;\n\nnamespace Contoso.Web;\n\npublic static class Program\n{\n    public static void Main() => Console.WriteLine(\"Hello\");\n}\n", new CSharpParseOptions(LanguageVersion.Latest), "/repo/src/Contoso.Web/Program.cs") },
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication));
            var options = new FixedAnalyzerConfigOptionsProvider(new Dictionary<string, string>());

            var results = new List<Row>();
            foreach ((string name, string root, List<CorpusFile> files) in corpora)
            {
                string[] paths = files.Select(f => Path.Combine(root, f.Path)).ToArray();
                long chars = files.Sum(f => (long)f.Text.Length);
                long bytes = paths.Sum(p => new FileInfo(p).Length);
                ImmutableArray<AdditionalText> preRead = paths.Select(p => (AdditionalText)new DiskAdditionalText(p)).ToImmutableArray();
                foreach (AdditionalText text in preRead)
                {
                    _ = text.GetText();
                }

                Console.WriteLine($"## {name}: {paths.Length:N0} files, {chars:N0} characters, {bytes:N0} bytes on disk");
                var samples = Configurations.ToDictionary(c => c, _ => new List<Sample>());
                for (int round = 0; round <= repeats; round++)
                {
                    Quiet.WaitForLoadBelow(maxLoad, TimeSpan.FromMinutes(20));
                    double load = Quiet.LoadAverage();
                    int shift = round % Configurations.Length;
                    var line = new List<string>();
                    foreach (string configuration in Configurations.Skip(shift).Concat(Configurations.Take(shift)))
                    {
                        Sample sample = configuration switch
                        {
                            "read" => Time(() => ReadAll(paths), load),
                            "no-files" => Time(() => Analyze(compilation, ImmutableArray<AdditionalText>.Empty, options), load),
                            "keylint+read" => Time(() => Analyze(compilation, paths.Select(p => (AdditionalText)new DiskAdditionalText(p)).ToImmutableArray(), options), load),
                            _ => Time(() => Analyze(compilation, preRead, options), load),
                        };
                        if (round == 0 && sample.Diagnostics is not null)
                        {
                            line.Add($"{configuration}: " + (sample.Diagnostics.Count == 0 ? "no diagnostics" : string.Join(", ", sample.Diagnostics.OrderBy(p => p.Key).Select(p => $"{p.Key} × {p.Value}"))));
                        }

                        if (round > 0)
                        {
                            samples[configuration].Add(sample);
                        }

                        line.Add($"{configuration} {sample.WallMs:F1} ms" + (sample.ExecutionMs is double e ? $" (KeyLint {e:F1} ms)" : ""));
                    }

                    Console.WriteLine($"round {round}{(round == 0 ? " (warm-up)" : "")}, load {load:F2}: {string.Join("; ", line)}");
                }

                results.AddRange(Configurations.Select(c => new Row(name, c, paths.Length, chars, samples[c])));
                Console.WriteLine();
            }

            Print(results);
            return 0;
        }

        private static string Option(string[] args, string name, string fallback)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        /// <summary>The compiler's part: every file read from disk into a <see cref="SourceText"/>, on two threads.</summary>
        private static Result ReadAll(string[] paths)
        {
            Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, path => new DiskAdditionalText(path).GetText());
            return new Result(null, null);
        }

        private static Result Analyze(CSharpCompilation compilation, ImmutableArray<AdditionalText> files, AnalyzerConfigOptionsProvider options)
        {
            var analyzer = new KeyInProjectFileAnalyzer();
            var withAnalyzers = new CompilationWithAnalyzers(
                compilation.Clone(),
                ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(files, options), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            AnalysisResult result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            Dictionary<string, int> diagnostics = result.GetAllDiagnostics()
                .Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal))
                .GroupBy(d => d.Id)
                .ToDictionary(g => g.Key, g => g.Count());
            return new Result(result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds, diagnostics);
        }

        private static Sample Time(Func<Result> action, double load)
        {
            for (int attempt = 1; ; attempt++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                Quiet.WaitForQuietCores();
                Quiet.Reading before = Quiet.Reading.Take();
                long allocated = GC.GetTotalAllocatedBytes(precise: true);
                long start = Stopwatch.GetTimestamp();
                Result result = action();
                double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                long allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
                Quiet.Reading after = Quiet.Reading.Take();
                double others = after.OthersMs(before);
                if (others <= Math.Max(20, 0.05 * wall) || attempt == 4)
                {
                    return new Sample(wall, after.OwnMs(before), allocatedAfter - allocated, result.ExecutionMs, result.Diagnostics, load, others);
                }
            }
        }

        private static void Print(List<Row> rows)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            Console.WriteLine("### Medians (ms; MB = 10^6 characters)");
            Console.WriteLine();
            Console.WriteLine("| Corpus | Configuration | Wall (ms) | per MB | min–max | CPU (ms) | KeyLint execution time (ms) | per MB | Allocated (MB) | Load (1 min) |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (Row row in rows)
            {
                double mb = row.Chars / MB;
                double wall = AnalyzerMeasurement.Median(row.Samples.Select(s => s.WallMs));
                double? execution = row.Samples[0].ExecutionMs is null ? null : AnalyzerMeasurement.Median(row.Samples.Select(s => s.ExecutionMs!.Value));
                Console.WriteLine(string.Format(c, "| {0} | {1} | {2:F1} | {3:F2} | {4:F1}–{5:F1} | {6:F0} | {7} | {8} | {9:F1} | {10:F2}–{11:F2} |",
                    row.Corpus, row.Configuration, wall, wall / mb, row.Samples.Min(s => s.WallMs), row.Samples.Max(s => s.WallMs),
                    AnalyzerMeasurement.Median(row.Samples.Select(s => s.CpuMs)),
                    execution?.ToString("F1", c) ?? "", execution is double e ? (e / mb).ToString("F2", c) : "",
                    AnalyzerMeasurement.Median(row.Samples.Select(s => s.AllocatedBytes / MB)),
                    row.Samples.Min(s => s.Load), row.Samples.Max(s => s.Load)));
            }

            Console.WriteLine();
            Console.WriteLine($"Others' CPU during the samples: median {AnalyzerMeasurement.Median(rows.SelectMany(r => r.Samples).Select(s => s.OthersMs)):F0} ms, max {rows.SelectMany(r => r.Samples).Max(s => s.OthersMs):F0} ms.");
        }

        private sealed record Result(double? ExecutionMs, Dictionary<string, int>? Diagnostics);

        private sealed record Sample(double WallMs, double CpuMs, long AllocatedBytes, double? ExecutionMs, Dictionary<string, int>? Diagnostics, double Load, double OthersMs);

        private sealed record Row(string Corpus, string Configuration, int Files, long Chars, List<Sample> Samples);

        /// <summary>
        /// An AdditionalFiles entry read from disk the way the command-line compiler reads one: on the
        /// first <see cref="GetText"/>, once, UTF-8, checking for binary content (files of 40,000
        /// characters and more become Roslyn's chunked LargeText, as in csc).
        /// </summary>
        private sealed class DiskAdditionalText : AdditionalText
        {
            private readonly object _gate = new object();
            private SourceText? _text;

            public DiskAdditionalText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default)
            {
                lock (_gate)
                {
                    if (_text is null)
                    {
                        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 4096);
                        _text = SourceText.From(stream, encoding: null, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true);
                    }

                    return _text;
                }
            }
        }
    }
}
