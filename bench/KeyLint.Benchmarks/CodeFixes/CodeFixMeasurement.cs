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
using System.Threading.Tasks;
using KeyLint.Benchmarks.Analyzers;
using KeyLint.CodeFixes;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Benchmarks.CodeFixes
{
    /// <summary>
    /// <c>--codefix [--rounds 3] [--warmup 1] [--project-keys 50,100,250,1000] [--project-rounds 1]
    /// [--project-fixes configuration[,environment]] [--project-lines 2000] [--fixall-timeout 180]
    /// [--parts lightbulb,document,project] [--quiet-wait 30]</c>: the code fix as an IDE
    /// loads it, through its public Roslyn surface only (<see cref="HardcodedOpenAIKeyCodeFixProvider"/>
    /// and its <see cref="CodeFixProvider.GetFixAllProvider"/>), in an <see cref="AdhocWorkspace"/>.
    /// </summary>
    /// <remarks>
    /// Every round builds a new workspace (no compilation of an earlier round helps; the JIT stays
    /// warm), computes the diagnostics first as an IDE has them when the light bulb opens (KeyLint's
    /// analyzers, and the document's compiler diagnostics), then times:
    /// <list type="bullet">
    /// <item>the light bulb: <see cref="CodeFixProvider.RegisterCodeFixesAsync"/> for each diagnostic alone, call to return;</item>
    /// <item>one fix: <see cref="CodeAction.GetOperationsAsync(CancellationToken)"/> of the first action, its
    /// <see cref="ApplyChangesOperation.ChangedSolution"/> and the text changes of the changed documents;</item>
    /// <item>Fix All in the document and in projects: <see cref="FixAllProvider.GetFixAsync"/>, the operations, and
    /// <see cref="CodeActionOperation.Apply"/> to the workspace; then the analyzers again on the result.</item>
    /// </list>
    /// </remarks>
    public static class CodeFixMeasurement
    {
        // The equivalence keys as strings, the contract a host sees: no constant of the provider is needed.
        private const string ConfigurationKey = "KeyLint.UseConfiguration";
        private const string EnvironmentKey = "KeyLint.UseEnvironmentVariable";

        /// <summary>The file index of the light-bulb files: the same filler code around 1 or 10 keys.</summary>
        private const int LightBulbFile = 1;

        private static readonly CultureInfo C = CultureInfo.InvariantCulture;

        private static double s_othersCpuMs;
        private static double s_measuredMs;
        private static int s_retakes;
        private static int s_contaminated;
        private static TimeSpan s_quietWait = TimeSpan.FromSeconds(30);

        public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

        private static async Task<int> RunAsync(string[] args)
        {
            int rounds = int.Parse(Option(args, "--rounds", "3"), C);
            int warmUp = int.Parse(Option(args, "--warmup", "1"), C);
            int[] projectKeys = Option(args, "--project-keys", "50,100,250,1000").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, C)).ToArray();
            int projectRounds = int.Parse(Option(args, "--project-rounds", "1"), C);
            string[] projectFixes = Option(args, "--project-fixes", "configuration").Split(',', StringSplitOptions.RemoveEmptyEntries);
            int projectLines = int.Parse(Option(args, "--project-lines", "2000"), C);
            TimeSpan timeout = TimeSpan.FromSeconds(int.Parse(Option(args, "--fixall-timeout", "180"), C));
            s_quietWait = TimeSpan.FromSeconds(int.Parse(Option(args, "--quiet-wait", "30"), C));
            string[] parts = Option(args, "--parts", "lightbulb,document,project").Split(',', StringSplitOptions.RemoveEmptyEntries);
            var provider = new HardcodedOpenAIKeyCodeFixProvider();
            string load = Machine.LoadAverage;
            var total = Stopwatch.StartNew();

            Console.WriteLine($"# KeyLint code fixes in a workspace, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine();
            Console.WriteLine($"- {MachineLine()}; load average at start {load}");
            Console.WriteLine($"- Parts: {string.Join(", ", parts)}. Light bulb, one fix, Fix All in a document: {warmUp} warm-up + {rounds} rounds; Fix All in a project: {string.Join(", ", projectKeys)} keys, {projectRounds} round(s) each, {string.Join(" and ", projectFixes)}, files of {projectLines} lines; a Fix All is cancelled after {timeout.TotalSeconds:F0} s");
            Console.WriteLine();

            var inputs = new[]
            {
                new Input("1 key", ServiceFile.Generate(LightBulbFile, KeySite.OneKey()), KeySite.OneKey()),
                new Input("10 keys", ServiceFile.Generate(LightBulbFile, KeySite.TenKeys(withAssembledConst: true)), KeySite.TenKeys(withAssembledConst: true)),
                new Input("10 keys, no assembled const", ServiceFile.Generate(LightBulbFile, KeySite.TenKeys(withAssembledConst: false)), KeySite.TenKeys(withAssembledConst: false)),
            };
            foreach (Input input in inputs)
            {
                if (!await CheckAsync(input, provider).ConfigureAwait(false))
                {
                    return 1;
                }
            }

            // a and b: the light bulb and one fix, per diagnostic.
            var lightBulbs = (parts.Contains("lightbulb") ? inputs : Array.Empty<Input>()).Select(i => new LightBulbResult(i, i.Sites.Length)).ToList();
            for (int round = 0; round < warmUp + rounds && lightBulbs.Count > 0; round++)
            {
                // The inputs take turns in every round, so a busy spell next door does not fall on one input alone.
                foreach (LightBulbResult result in lightBulbs)
                {
                    for (int attempt = 1; !await MeasureLightBulbRoundAsync(result, provider, round, round >= warmUp, lastAttempt: attempt == 3).ConfigureAwait(false); attempt++)
                    {
                        s_retakes++;
                    }
                }
            }

            // c: Fix All in the 10-key documents, then in projects.
            var fixAlls = new List<FixAllResult>();
            foreach (Input input in parts.Contains("document") ? inputs.Skip(1) : Array.Empty<Input>())
            {
                foreach (string key in new[] { ConfigurationKey, EnvironmentKey })
                {
                    fixAlls.Add(await MeasureFixAllAsync("document", input.Name, new[] { input.File }, FixAllScope.Document, key, provider, warmUp, rounds, timeout).ConfigureAwait(false));
                }
            }

            foreach (int keys in parts.Contains("project") ? projectKeys : Array.Empty<int>())
            {
                int files = (keys + 9) / 10;
                CorpusFile[] project = Enumerable.Range(0, files)
                    .Select(i => ServiceFile.Generate(100 + i, KeySite.TenKeys(withAssembledConst: false), projectLines))
                    .ToArray();
                foreach (string fix in projectFixes)
                {
                    string key = fix.StartsWith("env", StringComparison.OrdinalIgnoreCase) ? EnvironmentKey : ConfigurationKey;
                    fixAlls.Add(await MeasureFixAllAsync("project", $"{files} files × 10 keys, no assembled const", project, FixAllScope.Project, key, provider, warmUp: 0, projectRounds, timeout).ConfigureAwait(false));
                }
            }

            Print(inputs, lightBulbs, fixAlls, load, total.Elapsed);
            return 0;
        }

        private static string Option(string[] args, string name, string fallback)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        private static string MachineLine()
        {
            string cpu = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?"
                : RuntimeInformation.ProcessArchitecture.ToString();
            return $"{cpu}, {Environment.ProcessorCount} logical cores; {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}, "
                + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}";
        }

        /// <summary>The generated file compiles, and KeyLint reports exactly its keys.</summary>
        private static async Task<bool> CheckAsync(Input input, CodeFixProvider provider)
        {
            using AdhocWorkspace workspace = FixWorkspace.Create(new[] { input.File }, out ProjectId projectId);
            Analysis analysis = await FixWorkspace.AnalyzeAsync(workspace.CurrentSolution.GetProject(projectId)!, provider, CancellationToken.None).ConfigureAwait(false);
            input.Analysis = analysis;
            Console.WriteLine($"{input.Name}: {input.File.Lines} lines, {input.Sites.Length} key sites, diagnostics {Ids(analysis.Keys)}; compiler errors {analysis.Errors}, warnings {analysis.Warnings}");
            if (analysis.Errors > 0 || analysis.Keys.Length != input.Sites.Length)
            {
                Console.Error.WriteLine($"{input.Name}: the generated file must compile and hold exactly one fixable diagnostic per key site.");
                return false;
            }

            return true;
        }

        private static string Ids(IEnumerable<Diagnostic> diagnostics)
            => string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}"));

        /// <summary>
        /// One round of the light bulb on one input; false when other processes were busy during it
        /// (more than a tenth of its wall time, 200 ms at least) and it is to be taken again.
        /// </summary>
        private static async Task<bool> MeasureLightBulbRoundAsync(LightBulbResult result, CodeFixProvider provider, int round, bool measured, bool lastAttempt)
        {
            Input input = result.Input;
            var samples = new List<(int Index, string Id, double LightBulbMs, double? ApplyMs, int Actions, string? Error)>();
            {
                StartRound();
                using AdhocWorkspace workspace = FixWorkspace.Create(new[] { input.File }, out ProjectId projectId);
                Solution solution = workspace.CurrentSolution;
                Project project = solution.GetProject(projectId)!;
                Document document = project.Documents.Single();

                // What an IDE has before the light bulb opens: KeyLint's diagnostics and the document's compiler diagnostics.
                long start = Stopwatch.GetTimestamp();
                Analysis analysis = await FixWorkspace.AnalyzeAsync(project, provider, CancellationToken.None).ConfigureAwait(false);
                double analyzeMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                SemanticModel model = (await document.GetSemanticModelAsync().ConfigureAwait(false))!;
                double compilerMs = Time(() => model.GetDiagnostics());
                double warmCompilerMs = Time(() => model.GetDiagnostics());

                // For scale: the compiler's diagnostics of the document after a one-character edit (a new compilation).
                SourceText text = await document.GetTextAsync().ConfigureAwait(false);
                Document edited = document.WithText(text.WithChanges(new TextChange(new TextSpan(text.Length - 1, 0), " ")));
                SemanticModel editedModel = (await edited.GetSemanticModelAsync().ConfigureAwait(false))!;
                double editedCompilerMs = Time(() => editedModel.GetDiagnostics());

                // For scale: KeyLint's analyzers on the edited document alone, as Fix All runs them after each fix.
                start = Stopwatch.GetTimestamp();
                _ = await FixWorkspace.AnalyzeDocumentAsync(edited, CancellationToken.None).ConfigureAwait(false);
                double editedAnalyzersMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

                var line = new List<string>();
                CodeAction? firstAction = null;
                for (int i = 0; i < analysis.Keys.Length; i++)
                {
                    Diagnostic diagnostic = analysis.Keys[i];
                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                    string? error = null;
                    start = Stopwatch.GetTimestamp();
                    try
                    {
                        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                    }
                    catch (Exception exception)
                    {
                        error = Describe(exception);
                    }

                    double lightBulbMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

                    double? applyMs = null;
                    if (actions.Count > 0)
                    {
                        firstAction ??= actions[0];
                        start = Stopwatch.GetTimestamp();
                        try
                        {
                            ImmutableArray<CodeActionOperation> operations = await actions[0].GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
                            Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                            foreach (DocumentId id in changed.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
                            {
                                _ = await changed.GetDocument(id)!.GetTextChangesAsync(solution.GetDocument(id)!).ConfigureAwait(false);
                            }

                            applyMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                        }
                        catch (Exception exception)
                        {
                            error ??= Describe(exception);
                        }
                    }

                    line.Add($"{diagnostic.Id} {lightBulbMs:F0}" + (applyMs is null ? "" : $"+{applyMs:F0}") + $" ms/{actions.Count}" + (error is null ? "" : " (threw)"));
                    samples.Add((i, diagnostic.Id, lightBulbMs, applyMs, actions.Count, error));
                }

                // The first action applied to the workspace, as the IDE does when it is picked.
                double? workspaceApplyMs = null;
                if (firstAction is not null)
                {
                    ImmutableArray<CodeActionOperation> operations = await firstAction.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
                    start = Stopwatch.GetTimestamp();
                    foreach (CodeActionOperation operation in operations)
                    {
                        operation.Apply(workspace, CancellationToken.None);
                    }

                    workspaceApplyMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }

                (double others, double wallMs) = EndRound();
                bool busy = others > Math.Max(200, 0.1 * wallMs);
                bool kept = !measured || !busy || lastAttempt;
                if (measured && kept)
                {
                    Account(others, wallMs, busy);
                    result.Round(analyzeMs, compilerMs, warmCompilerMs, editedCompilerMs, editedAnalyzersMs, workspaceApplyMs);
                    foreach ((int index, string id, double lightBulbMs, double? applyMs, int actions, string? error) in samples)
                    {
                        result.Add(index, id, lightBulbMs, applyMs, actions, error);
                    }
                }

                Console.WriteLine($"light bulb, {input.Name}, round {round}{(measured ? "" : " (warm-up)")}{(kept ? "" : " (busy machine: taken again)")}: analysis {analyzeMs:F0} ms, document compiler diagnostics {compilerMs:F0} ms (again {warmCompilerMs:F0}, after an edit {editedCompilerMs:F0}, KeyLint's analyzers on the edited document {editedAnalyzersMs:F0}); "
                    + $"per diagnostic light bulb+apply ms/actions: {string.Join("; ", line)}; others' CPU {others:F0} ms");
                return kept;
            }
        }

        private static async Task<FixAllResult> MeasureFixAllAsync(
            string scope, string inputName, IReadOnlyList<CorpusFile> files, FixAllScope fixAllScope, string equivalenceKey, CodeFixProvider provider, int warmUp, int rounds, TimeSpan timeout)
        {
            var result = new FixAllResult(scope, inputName, files.Count, files.Sum(f => (long)f.Lines), equivalenceKey);
            FixAllProvider fixAll = provider.GetFixAllProvider()!;
            for (int round = 0; round < warmUp + rounds; round++)
            {
                bool measured = round >= warmUp;
                StartRound();
                using AdhocWorkspace workspace = FixWorkspace.Create(files, out ProjectId projectId);
                Project project = workspace.CurrentSolution.GetProject(projectId)!;
                long start = Stopwatch.GetTimestamp();
                Analysis before = await FixWorkspace.AnalyzeAsync(project, provider, CancellationToken.None).ConfigureAwait(false);
                double analyzeMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                Document first = project.GetDocument(before.Keys[0].Location.SourceTree!)!;
                using var cancellation = new CancellationTokenSource(timeout);
                var context = new FixAllContext(
                    first, provider, fixAllScope, equivalenceKey, provider.FixableDiagnosticIds, new PrecomputedDiagnostics(before.Keys), cancellation.Token);

                string? error = null;
                double getFixMs = 0, operationsMs = 0, applyMs = 0;
                start = Stopwatch.GetTimestamp();
                try
                {
                    CodeAction? action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                    getFixMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (action is null)
                    {
                        error = "GetFixAsync returned no action";
                    }
                    else
                    {
                        long step = Stopwatch.GetTimestamp();
                        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(cancellation.Token).ConfigureAwait(false);
                        operationsMs = Stopwatch.GetElapsedTime(step).TotalMilliseconds;
                        step = Stopwatch.GetTimestamp();
                        foreach (CodeActionOperation operation in operations)
                        {
                            operation.Apply(workspace, CancellationToken.None);
                        }

                        applyMs = Stopwatch.GetElapsedTime(step).TotalMilliseconds;
                    }
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    error = $"not finished in {timeout.TotalSeconds:F0} s (cancelled)";
                }
                catch (Exception exception)
                {
                    error = Describe(exception);
                }

                double totalMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                (double others, double wallMs) = EndRound();
                if (measured)
                {
                    Account(others, wallMs, others > Math.Max(200, 0.1 * wallMs));
                }

                Analysis after = await FixWorkspace.AnalyzeAsync(workspace.CurrentSolution.GetProject(projectId)!, provider, CancellationToken.None).ConfigureAwait(false);
                var sample = new FixAllSample(before.Keys.Length, totalMs, getFixMs, operationsMs, applyMs, analyzeMs, after.Keys.Length,
                    after.Errors - before.Errors, after.Warnings - before.Warnings, error, others);
                if (measured)
                {
                    result.Samples.Add(sample);
                }

                Console.WriteLine($"Fix All in {scope}, {inputName}, {Short(equivalenceKey)}, round {round}{(measured ? "" : " (warm-up)")}: {before.Keys.Length} keys, "
                    + $"{totalMs:F0} ms (GetFixAsync {getFixMs:F0}, operations {operationsMs:F0}, apply {applyMs:F0}; analysis before {analyzeMs:F0}), "
                    + $"{after.Keys.Length} keys left, new errors {sample.NewErrors}, new warnings {sample.NewWarnings}"
                    + (error is null ? "" : $", threw {error}") + $"; others' CPU {others:F0} ms");
            }

            return result;
        }

        private static string Short(string equivalenceKey) => equivalenceKey == ConfigurationKey ? "UseConfiguration" : "UseEnvironmentVariable";

        /// <summary>An exception in one line, with any key in it redacted.</summary>
        private static string Describe(Exception exception)
        {
            Exception inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
            return KeyRedactor.RedactAll($"{inner.GetType().Name}: {inner.Message}".Replace('\n', ' ').Replace('\r', ' '));
        }

        private static double Time(Action action)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        private static Machine.Snapshot s_roundStart;
        private static long s_roundStartTicks;

        /// <summary>A collection, a quiet machine (up to <c>--quiet-wait</c>, 30 s), and a reading of the other processes' CPU time.</summary>
        private static void StartRound()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Machine.WaitUntilQuiet(s_quietWait);
            s_roundStart = Machine.Snapshot.Take();
            s_roundStartTicks = Stopwatch.GetTimestamp();
        }

        /// <summary>Other processes' CPU time during the round, and the round's wall time (ms).</summary>
        private static (double OthersMs, double WallMs) EndRound()
            => (Machine.Snapshot.Take().OthersCpuMs(s_roundStart), Stopwatch.GetElapsedTime(s_roundStartTicks).TotalMilliseconds);

        /// <summary>Adds a kept, measured round to the run's totals.</summary>
        private static void Account(double othersMs, double wallMs, bool busy)
        {
            s_othersCpuMs += othersMs;
            s_measuredMs += wallMs;
            if (busy)
            {
                s_contaminated++;
            }
        }

        private static void Print(Input[] inputs, List<LightBulbResult> lightBulbs, List<FixAllResult> fixAlls, string load, TimeSpan elapsed)
        {
            Console.WriteLine();
            Console.WriteLine("## Code fixes (light bulb and Fix All)");
            Console.WriteLine();
            Console.WriteLine($"Machine: {MachineLine()}. Load average at start {load}; during the measured rounds other processes used "
                + $"{100 * s_othersCpuMs / Math.Max(1, s_measuredMs):F0} % of one core on average; "
                + $"light-bulb rounds taken again because the machine was busy: {s_retakes}; measured rounds kept although busy: {s_contaminated}. Whole run {elapsed.TotalMinutes:F1} min.");
            Console.WriteLine();

            Console.WriteLine("### Inputs");
            Console.WriteLine();
            Console.WriteLine("| Input | Lines | Key sites | KeyLint diagnostics | Compiler errors / warnings |");
            Console.WriteLine("|---|---:|---:|---|---:|");
            foreach (Input input in inputs)
            {
                Console.WriteLine($"| {input.Name} | {input.File.Lines:N0} | {input.Sites.Length} | {Ids(input.Analysis!.Keys)} | {input.Analysis.Errors} / {input.Analysis.Warnings} |");
            }

            foreach (FixAllResult project in fixAlls.Where(f => f.Scope == "project").GroupBy(f => f.Files).Select(g => g.First()))
            {
                FixAllSample? sample = project.Samples.FirstOrDefault();
                Console.WriteLine($"| project, {project.Input} | {project.Lines:N0} | {sample?.Keys} | | |");
            }

            if (lightBulbs.Count > 0)
            {
                PrintLightBulbs(lightBulbs);
            }

            Console.WriteLine();
            Console.WriteLine("### Fix All");
            Console.WriteLine();
            Console.WriteLine("Total: `GetFixAsync` + `GetOperationsAsync` + `Apply` to the workspace (diagnostics computed before, not counted). Keys left: KeyLint's analyzers on the result. Medians over the rounds.");
            Console.WriteLine();
            Console.WriteLine("| Scope | Input | Equivalence key | Keys | Rounds | Total (ms) | per key (ms) | GetFixAsync / operations / apply (ms) | Keys left | New errors / warnings | Others' CPU (% of wall) | Exception |");
            Console.WriteLine("|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|");
            foreach (FixAllResult r in fixAlls)
            {
                List<FixAllSample> s = r.Samples;
                double totalMs = Median(s.Select(x => x.TotalMs));
                Console.WriteLine($"| {r.Scope} | {r.Input} | {Short(r.EquivalenceKey)} | {r.Keys} | {s.Count} | {(r.Cancelled ? "> " : "")}{Ms(totalMs)} | {PerKey(r)} | "
                    + $"{Ms(Median(s.Select(x => x.GetFixMs)))} / {Ms(Median(s.Select(x => x.OperationsMs)))} / {Ms(Median(s.Select(x => x.ApplyMs)))} | "
                    + $"{string.Join(", ", s.Select(x => x.KeysLeft).Distinct())} | {string.Join(", ", s.Select(x => $"{x.NewErrors} / {x.NewWarnings}").Distinct())} | "
                    + $"{Median(s.Select(x => 100 * x.OthersCpuMs / Math.Max(1, x.TotalMs))).ToString("F0", C)} | {string.Join("; ", s.Select(x => x.Error).Where(e => e is not null).Distinct())} |");
            }

            Console.WriteLine();
            Console.WriteLine("### Against the targets (issue 11)");
            Console.WriteLine();
            Console.WriteLine("| Measure | Result | Target | Met |");
            Console.WriteLine("|---|---:|---|---|");
            if (lightBulbs.Count == 3)
            {
                PrintLightBulbTargets(lightBulbs[0], lightBulbs[1], lightBulbs);
            }

            foreach (FixAllResult r in fixAlls.Where(f => f.Scope == "document"))
            {
                bool threw = r.Samples.Any(x => x.Error is not null);
                Console.WriteLine($"| Fix All in a document, {r.Input}, {Short(r.EquivalenceKey)}: per key | {PerKey(r)} ms{(threw ? " (threw)" : "")} | ≤ 50 ms per key | {Met(!threw && r.PerKeyMs <= 50)} |");
            }

            foreach (IGrouping<string, FixAllResult> byKey in fixAlls.Where(f => f.Scope == "project").GroupBy(f => f.EquivalenceKey))
            {
                FixAllResult[] sizes = byKey.OrderBy(f => f.Files).ToArray();
                FixAllResult largest = sizes[^1];
                string total = (largest.Cancelled ? "> " : "") + (Median(largest.Samples.Select(x => x.TotalMs)) / 1000).ToString("F1", C) + " s";
                Console.WriteLine($"| Fix All in a project, {largest.Keys:N0} keys, {Short(byKey.Key)}: total | {total} | ≤ 60 s (at 1,000 keys) | "
                    + $"{Met(largest.Keys >= 1000 && largest.Finished && Median(largest.Samples.Select(x => x.TotalMs)) <= 60_000)} |");
                FixAllResult[] finished = sizes.Where(f => f.Finished).ToArray();
                bool linear = finished.Length > 1 && finished[^1].PerKeyMs <= finished[0].PerKeyMs * 1.25 && finished.Length == sizes.Length;
                Console.WriteLine($"| Fix All in a project, {Short(byKey.Key)}: ms per key at {string.Join(" / ", sizes.Select(f => f.Keys.ToString(C)))} keys | "
                    + $"{string.Join(" / ", sizes.Select(PerKey))} | linear in keys (per key flat) | {Met(linear)} |");
            }

            if (lightBulbs.Count > 0)
            {
                PrintForScale(lightBulbs);
            }

            Console.WriteLine();
        }

        private static void PrintLightBulbs(List<LightBulbResult> lightBulbs)
        {
            Console.WriteLine();
            Console.WriteLine("### Light bulb and one fix, per diagnostic");
            Console.WriteLine();
            Console.WriteLine("Light bulb: `RegisterCodeFixesAsync` with the one diagnostic, call to return. Apply: `GetOperationsAsync` of the first action, its `ChangedSolution` and the text changes. Median and max over the rounds.");
            Console.WriteLine();
            Console.WriteLine("| Input | # | Site | Rule | Actions | Light bulb median (ms) | max (ms) | Apply median (ms) | max (ms) | Exception |");
            Console.WriteLine("|---|---:|---|---|---:|---:|---:|---:|---:|---|");
            foreach (LightBulbResult result in lightBulbs)
            {
                for (int i = 0; i < result.Diagnostics; i++)
                {
                    DiagnosticSamples d = result.Of(i);
                    Console.WriteLine($"| {result.Input.Name} | {i + 1} | {result.Input.Sites[i].Label} | {d.Id} | {d.Actions} | {Ms(Median(d.LightBulbMs))} | {Ms(Max(d.LightBulbMs))} | "
                        + $"{Ms(Median(d.ApplyMs))} | {Ms(Max(d.ApplyMs))} | {d.Error} |");
                }
            }
        }

        private static void PrintForScale(List<LightBulbResult> lightBulbs)
        {
            Console.WriteLine();
            Console.WriteLine("### For scale (the 2,000-line files, medians)");
            Console.WriteLine();
            Console.WriteLine("| Input | KeyLint's analyzers + compiler, whole project (ms) | Document's compiler diagnostics, first / again (ms) | after a one-character edit (ms) | KeyLint's analyzers on the edited document (ms) |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (LightBulbResult r in lightBulbs)
            {
                Console.WriteLine($"| {r.Input.Name} | {Ms(Median(r.AnalyzeMs))} | {Ms(Median(r.CompilerMs))} / {Ms(Median(r.WarmCompilerMs))} | {Ms(Median(r.EditedCompilerMs))} | {Ms(Median(r.EditedAnalyzersMs))} |");
            }
        }

        private static void PrintLightBulbTargets(LightBulbResult one, LightBulbResult ten, List<LightBulbResult> all)
        {
            foreach (LightBulbResult r in all)
            {
                double median = Median(r.AllMedians(d => d.LightBulbMs));
                double max = r.AllMedians(d => d.LightBulbMs).DefaultIfEmpty(double.NaN).Max();
                Console.WriteLine($"| Light bulb per diagnostic, {r.Input.Name}: median of the diagnostics' medians (slowest diagnostic) | {Ms(median)} ({Ms(max)}) ms | ≤ 50 ms | {Met(median <= 50 && max <= 50)} |");
            }

            // The same site (a local in an async method) alone and among ten.
            double oneMedian = Median(one.AllMedians(d => d.LightBulbMs));
            double tenMedian = Median(ten.AllMedians(d => d.LightBulbMs));
            double alone = Median(one.Of(0).LightBulbMs);
            double amongTen = Median(ten.Of(1).LightBulbMs);
            Console.WriteLine($"| Light bulb, 10 keys / 1 key: median of the diagnostics; same site ({KeySite.LocalInMethod.Label}) | {Ratio(tenMedian, oneMedian)}; {Ratio(amongTen, alone)} "
                + $"| no slower with 10 keys (≤ 1.0×, 10 % noise allowed) | {Met(tenMedian <= oneMedian * 1.1 && amongTen <= alone * 1.1)} |");
            double apply = Median(all.SelectMany(r => r.AllMedians(d => d.ApplyMs)));
            double applyMax = all.SelectMany(r => r.AllMedians(d => d.ApplyMs)).DefaultIfEmpty(double.NaN).Max();
            Console.WriteLine($"| One fix applied (first action's operations + changed solution), median (slowest diagnostic) | {Ms(apply)} ({Ms(applyMax)}) ms | ≤ 300 ms | {Met(applyMax <= 300)} |");
            double pickToApplied = Median(all.SelectMany(r => Enumerable.Range(0, r.Diagnostics).Select(i => Median(r.Of(i).LightBulbMs) + Median(r.Of(i).ApplyMs)).Where(v => !double.IsNaN(v))));
            Console.WriteLine($"| Light bulb + one fix applied, median over all diagnostics | {Ms(pickToApplied)} ms | (≤ 350 ms by the two targets) | {Met(pickToApplied <= 350)} |");
            Console.WriteLine($"| `ApplyChangesOperation.Apply` to the workspace, median | {Ms(Median(all.SelectMany(r => r.WorkspaceApplyMs)))} ms | | |");
        }

        /// <summary>Median ms per key; a lower bound ("&gt; …") where the Fix All was cancelled.</summary>
        private static string PerKey(FixAllResult r) => (r.Cancelled ? "> " : "") + r.PerKeyMs.ToString("F0", C);

        private static string Met(bool met) => met ? "yes" : "no";

        private static string Ratio(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b == 0 ? "n/a" : (a / b).ToString("F2", C) + "×";

        private static string Ms(double ms) => double.IsNaN(ms) ? "" : ms >= 100 ? ms.ToString("N0", C) : ms.ToString("F1", C);

        private static double Median(IEnumerable<double> values) => AnalyzerMeasurement.Median(values.Where(v => !double.IsNaN(v)));

        private static double Max(IEnumerable<double> values) => values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max();

        private sealed class Input
        {
            public Input(string name, CorpusFile file, KeySite[] sites)
            {
                Name = name;
                File = file;
                Sites = sites;
            }

            public string Name { get; }

            public CorpusFile File { get; }

            public KeySite[] Sites { get; }

            public Analysis? Analysis { get; set; }
        }

        private sealed class DiagnosticSamples
        {
            public string Id { get; set; } = "";

            public int Actions { get; set; }

            public string? Error { get; set; }

            public List<double> LightBulbMs { get; } = new List<double>();

            public List<double> ApplyMs { get; } = new List<double>();
        }

        private sealed class LightBulbResult
        {
            private readonly DiagnosticSamples[] _diagnostics;

            public LightBulbResult(Input input, int diagnostics)
            {
                Input = input;
                _diagnostics = Enumerable.Range(0, diagnostics).Select(_ => new DiagnosticSamples()).ToArray();
            }

            public Input Input { get; }

            public int Diagnostics => _diagnostics.Length;

            public List<double> AnalyzeMs { get; } = new List<double>();

            public List<double> CompilerMs { get; } = new List<double>();

            public List<double> WarmCompilerMs { get; } = new List<double>();

            public List<double> EditedCompilerMs { get; } = new List<double>();

            public List<double> EditedAnalyzersMs { get; } = new List<double>();

            public List<double> WorkspaceApplyMs { get; } = new List<double>();

            public DiagnosticSamples Of(int index) => _diagnostics[index];

            public IEnumerable<double> AllMedians(Func<DiagnosticSamples, List<double>> samples)
                => _diagnostics.Select(d => Median(samples(d))).Where(v => !double.IsNaN(v));

            public void Add(int index, string id, double lightBulbMs, double? applyMs, int actions, string? error)
            {
                DiagnosticSamples d = _diagnostics[index];
                d.Id = id;
                d.Actions = actions;
                d.Error ??= error;
                d.LightBulbMs.Add(lightBulbMs);
                if (applyMs is double ms)
                {
                    d.ApplyMs.Add(ms);
                }
            }

            public void Round(double analyzeMs, double compilerMs, double warmCompilerMs, double editedCompilerMs, double editedAnalyzersMs, double? workspaceApplyMs)
            {
                EditedAnalyzersMs.Add(editedAnalyzersMs);
                AnalyzeMs.Add(analyzeMs);
                CompilerMs.Add(compilerMs);
                WarmCompilerMs.Add(warmCompilerMs);
                EditedCompilerMs.Add(editedCompilerMs);
                if (workspaceApplyMs is double ms)
                {
                    WorkspaceApplyMs.Add(ms);
                }
            }
        }

        private sealed class FixAllResult
        {
            public FixAllResult(string scope, string input, int files, long lines, string equivalenceKey)
            {
                Scope = scope;
                Input = input;
                Files = files;
                Lines = lines;
                EquivalenceKey = equivalenceKey;
            }

            public string Scope { get; }

            public string Input { get; }

            public int Files { get; }

            public long Lines { get; }

            public string EquivalenceKey { get; }

            public List<FixAllSample> Samples { get; } = new List<FixAllSample>();

            public int Keys => Samples.Count > 0 ? Samples[0].Keys : 0;

            /// <summary>A round was cancelled at the time limit: its time is a lower bound.</summary>
            public bool Cancelled => Samples.Any(x => x.Error is not null && x.Error.StartsWith("not finished", StringComparison.Ordinal));

            public bool Finished => Samples.Count > 0 && Samples.All(x => x.Error is null);

            public double PerKeyMs => Median(Samples.Select(x => x.TotalMs)) / Math.Max(1, Keys);
        }

        private sealed record FixAllSample(
            int Keys, double TotalMs, double GetFixMs, double OperationsMs, double ApplyMs, double AnalyzeMs, int KeysLeft, int NewErrors, int NewWarnings, string? Error, double OthersCpuMs);
    }
}
