using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Threading;
using KeyLint.Analyzers;
using KeyLint.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Benchmarks.Analyzers
{
    /// <summary>
    /// <c>--analyzer</c>: KeyLint's analyzers against the compiler, on generated compilations of
    /// several sizes. A custom loop rather than BenchmarkDotNet: one sample is a whole compilation
    /// (seconds), so a few interleaved samples after a warm-up, and their median, are what is needed.
    /// </summary>
    /// <remarks>
    /// Per size and variant, each round runs every configuration once, each on a fresh
    /// <see cref="Compilation.Clone"/> of the same parsed trees: <c>compiler</c> is
    /// <c>GetDiagnostics()</c> alone; the others are <see cref="CompilationWithAnalyzers"/> (concurrent,
    /// execution times logged) with an analyzer set, whose driver runs the compiler's
    /// <c>GetDiagnostics()</c> itself. The first round is a warm-up. Then one 2,000-line document goes
    /// through the IDE path with each analyzer set.
    /// </remarks>
    public static class AnalyzerMeasurement
    {
        private const int MB = 1_000_000;
        private const string Compiler = "compiler";

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        private static readonly string[] KeyLintNames =
        {
            nameof(HardcodedOpenAIKeyAnalyzer), nameof(HardcodedCredentialAnalyzer), nameof(InvalidOptionAnalyzer), nameof(KeyInProjectFileAnalyzer),
        };

        public static int Run(string[] args)
        {
            int[] sizes = Option(args, "--sizes", "5,10,20").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            int repeats = int.Parse(Option(args, "--repeats", "5"), CultureInfo.InvariantCulture);
            int docRepeats = int.Parse(Option(args, "--doc-repeats", "15"), CultureInfo.InvariantCulture);
            string[] variants = Option(args, "--variants", "plain,openai").Split(',');
            string[] configurations = Option(args, "--configs", "compiler,keylint,bare").Split(',');
            bool bearerHeavy = args.Contains("--bearer-heavy");
            foreach (string configuration in configurations)
            {
                if (configuration != Compiler)
                {
                    _ = Analyzers(configuration);
                }
            }

            PrintEnvironment(sizes, repeats, docRepeats, variants, configurations, bearerHeavy);
            var results = new List<SizeResult>();
            foreach (string variant in variants)
            {
                foreach (int size in sizes)
                {
                    SizeResult? result = Measure(variant, size, repeats, docRepeats, configurations, bearerHeavy);
                    if (result is null)
                    {
                        return 1;
                    }

                    results.Add(result);
                }
            }

            Print(results);
            Console.WriteLine($"Samples taken again because other processes were busy: {s_retries}; kept although contaminated: {s_contaminated}.");
            return 0;
        }

        private static string Option(string[] args, string name, string fallback)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        /// <summary>The analyzer sets, by name; <c>a+b</c> combines two.</summary>
        private static ImmutableArray<DiagnosticAnalyzer> Analyzers(string configuration)
        {
            var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            foreach (string part in configuration.Split('+'))
            {
                switch (part)
                {
                    case "keylint":
                        analyzers.Add(new HardcodedOpenAIKeyAnalyzer());
                        analyzers.Add(new HardcodedCredentialAnalyzer());
                        analyzers.Add(new InvalidOptionAnalyzer());
                        analyzers.Add(new KeyInProjectFileAnalyzer());
                        break;
                    case "keylint-timed":
                        // Wrapped, to add up their callbacks' time less GC pauses (TimingAnalyzer).
                        analyzers.Add(new TimingAnalyzer(new HardcodedOpenAIKeyAnalyzer()));
                        analyzers.Add(new TimingAnalyzer(new HardcodedCredentialAnalyzer()));
                        analyzers.Add(new TimingAnalyzer(new InvalidOptionAnalyzer()));
                        analyzers.Add(new TimingAnalyzer(new KeyInProjectFileAnalyzer()));
                        break;
                    case "kl-keys":
                        // Each KeyLint analyzer alone: which one the driver's wall-clock overhead follows.
                        analyzers.Add(new HardcodedOpenAIKeyAnalyzer());
                        break;
                    case "kl-credentials":
                        analyzers.Add(new HardcodedCredentialAnalyzer());
                        break;
                    case "kl-options":
                        analyzers.Add(new InvalidOptionAnalyzer());
                        break;
                    case "kl-files":
                        analyzers.Add(new KeyInProjectFileAnalyzer());
                        break;
                    case "bare":
                        analyzers.Add(new BareStringLiteralAnalyzer());
                        break;
                    case "null-semantic-model":
                        analyzers.Add(new NullSemanticModelAnalyzer());
                        break;
                    case "operations":
                        analyzers.Add(new NullOperationAnalyzer());
                        break;
                    default:
                        throw new ArgumentException($"Unknown analyzer set '{part}' (keylint, keylint-timed, kl-keys, kl-credentials, kl-options, kl-files, bare, null-semantic-model, operations, or a+b).");
                }
            }

            return analyzers.ToImmutable();
        }

        private static void PrintEnvironment(int[] sizes, int repeats, int docRepeats, string[] variants, string[] configurations, bool bearerHeavy)
        {
            string cpu = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?"
                : RuntimeInformation.ProcessArchitecture.ToString();
            Console.WriteLine($"# KeyLint analyzer measurement, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine();
            Console.WriteLine($"- CPU: {cpu}, {Environment.ProcessorCount} logical cores; {RuntimeInformation.OSDescription}");
            Console.WriteLine($"- {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}");
            Console.WriteLine($"- Sizes (MB of source, 10^6 chars): {string.Join(", ", sizes)}; variants: {string.Join(", ", variants)}; corpus: {(bearerHeavy ? "bearer-heavy" : "default")}");
            Console.WriteLine($"- Configurations: {string.Join(", ", configurations)}; rounds: 1 warm-up + {repeats}; single-document rounds: 2 warm-up + {docRepeats}");
            Console.WriteLine();
        }

        private static ImmutableArray<MetadataReference> References(string variant)
        {
            IEnumerable<MetadataReference> references = Basic.Reference.Assemblies.Net100.References.All;
            if (variant == "openai")
            {
                // The OpenAI SDK and System.ClientModel, from this program's own dependencies.
                string[] extra =
                {
                    typeof(OpenAI.OpenAIClient).Assembly.Location,
                    typeof(System.ClientModel.ApiKeyCredential).Assembly.Location,
                };
                references = references.Concat(extra.Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)));
            }
            else if (variant != "plain")
            {
                throw new ArgumentException($"Unknown variant '{variant}' (plain, openai).");
            }

            return references.ToImmutableArray();
        }

        private static AnalyzerOptions Options()
        {
            var additional = ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText("/src/Contoso/appsettings.json", "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"OpenAI\": { \"Model\": \"gpt-4o-mini\" }\n}\n"),
                new InMemoryAdditionalText("/src/Contoso/appsettings.Development.json", "{\n  \"OpenAI\": { \"ApiKey\": \"" + FakeKeys.Project(4711) + "\" }\n}\n"),
                new InMemoryAdditionalText("/src/Contoso/Properties/launchSettings.json", "{\n  \"profiles\": { \"Contoso\": { \"commandName\": \"Project\" } }\n}\n"));
            var config = new FixedAnalyzerConfigOptionsProvider(new Dictionary<string, string>
            {
                ["keylint.configuration_key"] = "OpenAI:ApiKey",
                ["keylint.environment_variable"] = "OPENAI_API_KEY",
                ["build_property.RootNamespace"] = "Contoso",
            });
            return new AnalyzerOptions(additional, config);
        }

        private static SizeResult? Measure(string variant, int sizeMB, int repeats, int docRepeats, string[] configurations, bool bearerHeavy)
        {
            Console.WriteLine($"## {variant}, {sizeMB} MB");
            long start = Stopwatch.GetTimestamp();
            List<CorpusFile> files = CSharpCorpus.Generate((long)sizeMB * MB, useOpenAI: variant == "openai", bearerHeavy);
            long chars = files.Sum(f => (long)f.Text.Length);
            long lines = files.Sum(f => (long)f.Lines);
            int bearers = files.Sum(f => CountOccurrences(f.Text, "\"Bearer\""));
            Console.WriteLine($"generated {files.Count} files, {lines:N0} lines, {chars:N0} chars, {bearers} \"Bearer\" literals in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s");

            start = Stopwatch.GetTimestamp();
            SyntaxTree[] trees = files
                .AsParallel().AsOrdered()
                .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text), ParseOptions, f.Path))
                .ToArray();
            double parseMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Console.WriteLine($"parsed in {parseMs:F0} ms");
            files.Clear();

            var compilationOptions = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: true);
            CSharpCompilation baseCompilation = CSharpCompilation.Create("Contoso", trees, References(variant), compilationOptions);
            AnalyzerOptions options = Options();

            var result = new SizeResult(variant, sizeMB, trees.Length, lines, chars, bearers, parseMs);
            for (int round = 0; round <= repeats; round++)
            {
                bool warmUp = round == 0;
                var line = new List<string>();

                // A different order every round: whichever configuration runs right after another
                // was seen to pay seconds more at 20 MB (heap state left by the one before), which must
                // not be charged to one configuration.
                int shift = round % configurations.Length;
                foreach (string configuration in configurations.Skip(shift).Concat(configurations.Take(shift)))
                {
                    Sample sample;
                    if (configuration == Compiler)
                    {
                        (double wall, double cpu, ImmutableArray<Diagnostic> diagnostics) = Time(() => baseCompilation.Clone().GetDiagnostics());
                        sample = new Sample(wall, cpu, new Dictionary<string, double>());
                        if (warmUp && !CheckCompiles(diagnostics))
                        {
                            return null;
                        }
                    }
                    else
                    {
                        ImmutableArray<DiagnosticAnalyzer> analyzers = Analyzers(configuration);
                        (double wall, double cpu, AnalysisRun run) = Time(() => RunWithAnalyzers(baseCompilation, analyzers, options));
                        sample = new Sample(wall, cpu, run.ExecutionMs, run.NetMs);
                        if (warmUp && configuration.Contains("keylint", StringComparison.Ordinal))
                        {
                            Console.WriteLine($"{configuration}: KeyLint diagnostics " + string.Join(", ", run.Diagnostics.Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal)).GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}")));
                        }
                    }

                    if (!warmUp)
                    {
                        result.Samples(configuration).Add(sample);
                    }

                    line.Add($"{configuration} {sample.WallMs:F0} ms"
                        + (sample.ExecutionMs.Count > 0 ? $" (analyzers {sample.ExecutionMs.Values.Sum():F1} ms" : "")
                        + (sample.NetMs.Count > 0 ? $", excluding GC pauses {sample.KeyLintNetMs:F1} ms" : "")
                        + (sample.ExecutionMs.Count > 0 ? ")" : ""));
                }

                Console.WriteLine($"round {round}{(warmUp ? " (warm-up)" : "")}, load {Machine.LoadAverage}: " + string.Join("; ", line));
            }

            // One 2,000-line document through the IDE path, with each analyzer set.
            SyntaxTree document = trees[0];
            result.DocumentLines = document.GetText().Lines.Count - 1;
            for (int round = 0; round < docRepeats + 2; round++)
            {
                bool warmUp = round < 2;
                Machine.WaitUntilQuiet(TimeSpan.FromMinutes(5));
                foreach (string configuration in configurations)
                {
                    Sample sample;
                    if (configuration == Compiler)
                    {
                        (double wall, double cpu, _) = Time(() => baseCompilation.Clone().GetSemanticModel(document).GetDiagnostics(), waitUntilQuiet: false);
                        sample = new Sample(wall, cpu, new Dictionary<string, double>());
                    }
                    else
                    {
                        ImmutableArray<DiagnosticAnalyzer> analyzers = Analyzers(configuration);
                        (double wall, double cpu, AnalysisRun run) = Time(() => RunOnDocument(baseCompilation, document, analyzers, options), waitUntilQuiet: false);
                        sample = new Sample(wall, cpu, run.ExecutionMs, run.NetMs);
                    }

                    if (!warmUp)
                    {
                        result.DocumentSamples(configuration).Add(sample);
                    }
                }
            }

            Console.WriteLine($"document ({result.DocumentLines} lines): " + string.Join("; ", configurations.Select(c =>
                $"{c} {Median(result.DocumentSamples(c).Select(s => s.WallMs)):F1} ms" + (c == Compiler ? "" : $" (analyzers {Median(result.DocumentSamples(c).Select(s => s.ExecutionMs.Values.Sum())):F3} ms)"))));
            Console.WriteLine();
            return result;
        }

        private static bool CheckCompiles(ImmutableArray<Diagnostic> diagnostics)
        {
            Diagnostic[] errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Console.WriteLine($"compiler: {errors.Length} errors, {diagnostics.Length - errors.Length} other diagnostics");
            foreach (Diagnostic diagnostic in diagnostics.Take(10))
            {
                Console.WriteLine("  " + diagnostic);
            }

            return errors.Length == 0;
        }

        private static int CountOccurrences(string text, string value)
        {
            int count = 0;
            for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private sealed class AnalysisRun
        {
            public AnalysisRun(ImmutableArray<Diagnostic> diagnostics, Dictionary<string, double> executionMs, Dictionary<string, double> netMs)
            {
                Diagnostics = diagnostics;
                ExecutionMs = executionMs;
                NetMs = netMs;
            }

            public Dictionary<string, double> NetMs { get; }

            public ImmutableArray<Diagnostic> Diagnostics { get; }

            public Dictionary<string, double> ExecutionMs { get; }
        }

        private sealed class Sample
        {
            public Sample(double wallMs, double cpuMs, Dictionary<string, double> executionMs, Dictionary<string, double>? netMs = null)
            {
                WallMs = wallMs;
                CpuMs = cpuMs;
                ExecutionMs = executionMs;
                NetMs = netMs ?? new Dictionary<string, double>();
            }

            /// <summary>Time of KeyLint's callbacks less GC pauses, by analyzer (see <see cref="TimingAnalyzer"/>).</summary>
            public Dictionary<string, double> NetMs { get; }

            public double KeyLintNetMs => NetMs.Values.Sum();

            public double WallMs { get; }

            public double CpuMs { get; }

            /// <summary>Execution time per analyzer (type name), as the driver logged it.</summary>
            public Dictionary<string, double> ExecutionMs { get; }

            public double KeyLintMs => ExecutionMs.Where(p => KeyLintNames.Contains(p.Key)).Sum(p => p.Value);
        }

        private static CompilationWithAnalyzersOptions AnalysisOptions(AnalyzerOptions options)
            => new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);

        /// <summary>
        /// The command-line build's path: the whole compilation with its analyzers. The driver runs
        /// the compiler's <c>GetDiagnostics()</c> itself to produce the events analyzers consume.
        /// </summary>
        /// <remarks>
        /// <c>GetAnalysisResultAsync</c> rather than <c>GetAllDiagnosticsAsync</c>: in Roslyn 4.14 only the
        /// former reports per-analyzer execution times for a whole-compilation run.
        /// </remarks>
        private static AnalysisRun RunWithAnalyzers(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
        {
            var withAnalyzers = new CompilationWithAnalyzers(compilation.Clone(), analyzers, AnalysisOptions(options));
            AnalysisResult result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            return new AnalysisRun(
                result.GetAllDiagnostics(),
                result.AnalyzerTelemetryInfo.ToDictionary(pair => Name(pair.Key), pair => pair.Value.ExecutionTime.TotalMilliseconds),
                NetTimes(analyzers));
        }

        /// <summary>
        /// The IDE's path for one open document: the analyzers' semantic and syntax diagnostics of that
        /// tree only. The driver asks the compiler for the document's semantic diagnostics itself.
        /// </summary>
        private static AnalysisRun RunOnDocument(CSharpCompilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
        {
            var withAnalyzers = new CompilationWithAnalyzers(compilation.Clone(), analyzers, AnalysisOptions(options));
            SemanticModel model = withAnalyzers.Compilation.GetSemanticModel(tree);
            ImmutableArray<Diagnostic> semantic = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).GetAwaiter().GetResult();
            ImmutableArray<Diagnostic> syntax = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).GetAwaiter().GetResult();
            var times = new Dictionary<string, double>();
            foreach (DiagnosticAnalyzer analyzer in analyzers)
            {
                AnalyzerTelemetryInfo info = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                times[Name(analyzer)] = info.ExecutionTime.TotalMilliseconds;
            }

            return new AnalysisRun(syntax.AddRange(semantic), times, NetTimes(analyzers));
        }

        private static string Name(DiagnosticAnalyzer analyzer) => analyzer is TimingAnalyzer timed ? timed.InnerName : analyzer.GetType().Name;

        /// <summary>Time of the wrapped analyzers' callbacks less GC pauses, by analyzer.</summary>
        private static Dictionary<string, double> NetTimes(ImmutableArray<DiagnosticAnalyzer> analyzers)
            => analyzers.OfType<TimingAnalyzer>().ToDictionary(a => a.InnerName, a => a.Ms);

        private static int s_retries;
        private static int s_contaminated;

        /// <summary>
        /// Wall-clock and process CPU time of <paramref name="action"/>, after a full collection, on a
        /// quiet machine: a sample during which other processes used more than a little CPU is taken
        /// again (up to three times; then kept and counted as contaminated).
        /// </summary>
        private static (double WallMs, double CpuMs, T Value) Time<T>(Func<T> action, bool waitUntilQuiet = true)
        {
            for (int attempt = 1; ; attempt++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                if (waitUntilQuiet || attempt > 1)
                {
                    Machine.WaitUntilQuiet(TimeSpan.FromMinutes(5));
                }

                Machine.Snapshot before = Machine.Snapshot.Take();
                TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
                long start = Stopwatch.GetTimestamp();
                T value = action();
                double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                double others = Machine.Snapshot.Take().OthersCpuMs(before);
                if (others <= Math.Max(40, 0.05 * wall))
                {
                    return (wall, cpuMs, value);
                }

                if (attempt == 4)
                {
                    s_contaminated++;
                    Console.WriteLine($"  (kept a sample during which other processes used {others:F0} ms of CPU)");
                    return (wall, cpuMs, value);
                }

                s_retries++;
            }
        }

        public static double Median(IEnumerable<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        private static void Print(List<SizeResult> results)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            Console.WriteLine("### Corpus");
            Console.WriteLine();
            Console.WriteLine("| Variant | Size | Files | Lines | Characters | \"Bearer\" literals | Parse (ms) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (SizeResult r in results)
            {
                Console.WriteLine(string.Format(c, "| {0} | {1} MB | {2} | {3:N0} | {4:N0} | {5} | {6:F0} |", r.Variant, r.SizeMB, r.Files, r.Lines, r.Chars, r.Bearers, r.ParseMs));
            }

            Console.WriteLine();
            Console.WriteLine("### Whole compilation: KeyLint's time against the compiler (medians)");
            Console.WriteLine();
            Console.WriteLine("Execution time: the driver's wall-clock time inside KeyLint's callbacks (`GetAnalyzerTelemetryInfo`, what `-p:ReportAnalyzer=true` reports), configuration `keylint`. Excluding GC pauses: the same callbacks timed by TimingAnalyzer less the garbage-collection pauses inside them, configuration `keylint-timed`.");
            Console.WriteLine();
            Console.WriteLine("| Variant | Size | Compiler `GetDiagnostics()` wall (ms) | compiler CPU (ms) | KeyLint execution time (ms) | / compiler wall | / compiler CPU | KeyLint excl. GC pauses (ms) | / compiler wall | / compiler CPU |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (SizeResult r in results.Where(r => r.HasSamples(Compiler)))
            {
                double compiler = Median(r.Samples(Compiler).Select(s => s.WallMs));
                double compilerCpu = Median(r.Samples(Compiler).Select(s => s.CpuMs));
                foreach (string configuration in r.Configurations.Where(k => k == "keylint" || k.EndsWith("+keylint", StringComparison.Ordinal)))
                {
                    double keyLint = Median(r.Samples(configuration).Select(s => s.KeyLintMs));
                    string net = "", netWall = "", netCpu = "";
                    if (configuration == "keylint" && r.HasSamples("keylint-timed"))
                    {
                        double netMs = Median(r.Samples("keylint-timed").Select(s => s.KeyLintNetMs));
                        net = netMs.ToString("F1", c);
                        netWall = (100 * netMs / compiler).ToString("F3", c) + " %";
                        netCpu = (100 * netMs / compilerCpu).ToString("F3", c) + " %";
                    }

                    string label = configuration == "keylint" ? "" : $" ({configuration})";
                    Console.WriteLine(string.Format(c, "| {0}{1} | {2} MB | {3:F0} | {4:F0} | {5:F1} | {6:F3} % | {7:F3} % | {8} | {9} | {10} |",
                        r.Variant, label, r.SizeMB, compiler, compilerCpu, keyLint, 100 * keyLint / compiler, 100 * keyLint / compilerCpu, net, netWall, netCpu));
                }
            }

            Console.WriteLine();
            Console.WriteLine("### Whole compilation: every configuration, wall clock (medians)");
            Console.WriteLine();
            Console.WriteLine("| Variant | Size | Configuration | Wall (ms) | vs compiler alone | CPU (ms) | Analyzers' execution time (ms) |");
            Console.WriteLine("|---|---:|---|---:|---:|---:|---:|");
            foreach (SizeResult r in results)
            {
                double compiler = r.HasSamples(Compiler) ? Median(r.Samples(Compiler).Select(s => s.WallMs)) : double.NaN;
                foreach (string configuration in r.Configurations)
                {
                    List<Sample> samples = r.Samples(configuration);
                    double wall = Median(samples.Select(s => s.WallMs));
                    string versus = configuration == Compiler || double.IsNaN(compiler) ? "" : string.Format(c, "{0:+0.0;-0.0} %", 100 * (wall - compiler) / compiler);
                    string execution = configuration == Compiler ? "" : Median(samples.Select(s => s.ExecutionMs.Values.Sum())).ToString("F1", c);
                    Console.WriteLine(string.Format(c, "| {0} | {1} MB | {2} | {3:F0} | {4} | {5:F0} | {6} |", r.Variant, r.SizeMB, configuration, wall, versus, Median(samples.Select(s => s.CpuMs)), execution));
                }
            }

            Console.WriteLine();
            Console.WriteLine("### Whole compilation: time per KeyLint analyzer (medians, ms; execution time in `keylint` / excl. GC pauses in `keylint-timed`)");
            Console.WriteLine();
            Console.WriteLine("| Variant | Size | " + string.Join(" | ", KeyLintNames) + " |");
            Console.WriteLine("|---|---:|" + string.Concat(KeyLintNames.Select(_ => "---:|")));
            foreach (SizeResult r in results.Where(r => r.HasSamples("keylint")))
            {
                List<Sample> samples = r.Samples("keylint");
                List<Sample> timed = r.HasSamples("keylint-timed") ? r.Samples("keylint-timed") : new List<Sample>();
                Console.WriteLine($"| {r.Variant} | {r.SizeMB} MB | " + string.Join(" | ", KeyLintNames.Select(n =>
                    Median(samples.Select(s => s.ExecutionMs.GetValueOrDefault(n))).ToString("F2", c)
                    + (timed.Count > 0 ? " / " + Median(timed.Select(s => s.NetMs.GetValueOrDefault(n))).ToString("F2", c) : ""))) + " |");
            }

            Console.WriteLine();
            Console.WriteLine("### One document through the IDE path (medians)");
            Console.WriteLine();
            Console.WriteLine("| Variant | Compilation | Lines | Configuration | Wall (ms) | Analyzers' execution time (ms) | per 1,000 lines (ms) | KeyLint excl. GC pauses (ms) | per 1,000 lines (ms) | " + string.Join(" | ", KeyLintNames) + " |");
            Console.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---:|" + string.Concat(KeyLintNames.Select(_ => "---:|")));
            foreach (SizeResult r in results)
            {
                foreach (string configuration in r.DocumentConfigurations)
                {
                    List<Sample> samples = r.DocumentSamples(configuration);
                    double execution = Median(samples.Select(s => s.ExecutionMs.Values.Sum()));
                    bool hasKeyLint = configuration.Contains("keylint", StringComparison.Ordinal);
                    bool timedKeyLint = configuration == "keylint-timed";
                    double threadCpu = Median(samples.Select(s => s.KeyLintNetMs));
                    Console.WriteLine(string.Format(c, "| {0} | {1} MB | {2:N0} | {3} | {4:F1} | {5} | {6} | {7} | {8} | {9} |",
                        r.Variant, r.SizeMB, r.DocumentLines, configuration == Compiler ? "compiler (document's semantic diagnostics)" : configuration,
                        Median(samples.Select(s => s.WallMs)),
                        configuration == Compiler ? "" : execution.ToString("F3", c),
                        configuration == Compiler ? "" : (execution * 1000 / r.DocumentLines).ToString("F3", c),
                        timedKeyLint ? threadCpu.ToString("F3", c) : "",
                        timedKeyLint ? (threadCpu * 1000 / r.DocumentLines).ToString("F3", c) : "",
                        string.Join(" | ", KeyLintNames.Select(n => hasKeyLint
                            ? Median(samples.Select(s => s.ExecutionMs.GetValueOrDefault(n))).ToString("F3", c) + (timedKeyLint ? " / " + Median(samples.Select(s => s.NetMs.GetValueOrDefault(n))).ToString("F3", c) : "")
                            : ""))));
                }
            }

            Console.WriteLine();
        }

        private sealed class SizeResult
        {
            private readonly Dictionary<string, List<Sample>> _samples = new Dictionary<string, List<Sample>>();
            private readonly Dictionary<string, List<Sample>> _documentSamples = new Dictionary<string, List<Sample>>();

            public SizeResult(string variant, int sizeMB, int files, long lines, long chars, int bearers, double parseMs)
            {
                Variant = variant;
                SizeMB = sizeMB;
                Files = files;
                Lines = lines;
                Chars = chars;
                Bearers = bearers;
                ParseMs = parseMs;
            }

            public string Variant { get; }

            public int SizeMB { get; }

            public int Files { get; }

            public long Lines { get; }

            public long Chars { get; }

            public int Bearers { get; }

            public double ParseMs { get; }

            public int DocumentLines { get; set; }

            public IEnumerable<string> Configurations => _samples.Keys;

            public IEnumerable<string> DocumentConfigurations => _documentSamples.Keys;

            public bool HasSamples(string configuration) => _samples.ContainsKey(configuration);

            public List<Sample> Samples(string configuration) => Get(_samples, configuration);

            public List<Sample> DocumentSamples(string configuration) => Get(_documentSamples, configuration);

            private static List<Sample> Get(Dictionary<string, List<Sample>> map, string configuration)
            {
                if (!map.TryGetValue(configuration, out List<Sample>? list))
                {
                    map[configuration] = list = new List<Sample>();
                }

                return list;
            }
        }
    }
}
