using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Shared plumbing of the reliability tests: a project with every reference KeyLint's rules look
    /// at, all four analyzers run with their exceptions captured, both code fix providers run on
    /// what they report, and messages with every key redacted.
    /// </summary>
    internal static class ReliabilityHarness
    {
        public static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new HardcodedOpenAIKeyAnalyzer(),
            new HardcodedCredentialAnalyzer(),
            new KeyInProjectFileAnalyzer(),
            new InvalidOptionAnalyzer());

        public static readonly ImmutableArray<CodeFixProvider> AllFixProviders = ImmutableArray.Create<CodeFixProvider>(
            new HardcodedOpenAIKeyCodeFixProvider(),
            new RedactKeyInCommentCodeFixProvider());

        /// <summary>The diagnostics the brief asks to run fixes for: KL0001–KL0005 and KL0007.</summary>
        public static readonly ImmutableHashSet<string> FixedIds = ImmutableHashSet.Create(
            StringComparer.Ordinal, "KL0001", "KL0002", "KL0003", "KL0004", "KL0005", "KL0007");

        /// <summary>.NET 10 reference assemblies plus the OpenAI client libraries, IConfiguration and Key Vault.</summary>
        public static readonly ImmutableArray<MetadataReference> References = TestReferences.Net80References
            .AddRange(ClientLibraries.References.Where(r => !TestReferences.Net80References.Any(n => SameFile(n, r))));

        private static bool SameFile(MetadataReference a, MetadataReference b)
            => a is PortableExecutableReference pa && b is PortableExecutableReference pb
                && pa.FilePath is not null && pb.FilePath is not null
                && string.Equals(Path.GetFileName(pa.FilePath), Path.GetFileName(pb.FilePath), StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// A solution with one C# document (<c>/src/Test.cs</c>), an optional .editorconfig and optional
        /// additional files; variants are made from it with <see cref="Solution.WithDocumentText(DocumentId, SourceText, PreservationMode)"/>,
        /// which reuses the project's references.
        /// </summary>
        public static Document CreateDocument(
            string source,
            OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
            string? editorConfig = null,
            IEnumerable<(string Path, string Text)>? additionalFiles = null,
            IEnumerable<string>? preprocessorSymbols = null,
            string filePath = "/src/Test.cs",
            IEnumerable<(string Path, string Text)>? otherDocuments = null)
        {
            var workspace = new AdhocWorkspace();
            ProjectId projectId = ProjectId.CreateNewId();
            Solution solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Test", "Test", LanguageNames.CSharp)
                    .WithCompilationOptions(TestReferences.WithSdkDefaults(new CSharpCompilationOptions(outputKind)))
                    .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: preprocessorSymbols))
                    .WithMetadataReferences(References));
            DocumentId documentId = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(documentId, Path.GetFileName(filePath), SourceText.From(source), filePath: filePath);
            foreach ((string path, string text) in otherDocuments ?? Array.Empty<(string, string)>())
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: path);
            }

            if (editorConfig is not null)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/src/.editorconfig");
            }

            foreach ((string path, string text) in additionalFiles ?? Array.Empty<(string, string)>())
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: path);
            }

            return solution.GetDocument(documentId)!;
        }

        /// <summary>The outcome of running every analyzer once.</summary>
        public sealed class AnalysisResult
        {
            public AnalysisResult(ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<Exception> exceptions)
            {
                Diagnostics = diagnostics;
                Exceptions = exceptions;
            }

            /// <summary>Analyzer diagnostics only (no compiler diagnostics).</summary>
            public ImmutableArray<Diagnostic> Diagnostics { get; }

            /// <summary>Exceptions thrown by an analyzer: each would reach a user as AD0001.</summary>
            public IReadOnlyList<Exception> Exceptions { get; }

            public IEnumerable<Diagnostic> KeyLint => Diagnostics.Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal));
        }

        /// <summary>Runs <see cref="AllAnalyzers"/> (or <paramref name="analyzers"/>) over the document's project.</summary>
        public static async Task<AnalysisResult> AnalyzeAsync(Document document, CancellationToken cancellationToken = default, ImmutableArray<DiagnosticAnalyzer>? analyzers = null, bool concurrent = true)
        {
            Compilation compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            return await AnalyzeAsync(compilation, document.Project.AnalyzerOptions, cancellationToken, analyzers, concurrent).ConfigureAwait(false);
        }

        public static async Task<AnalysisResult> AnalyzeAsync(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken = default, ImmutableArray<DiagnosticAnalyzer>? analyzers = null, bool concurrent = true)
        {
            var exceptions = new ConcurrentQueue<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers ?? AllAnalyzers,
                new CompilationWithAnalyzersOptions(
                    options,
                    onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue(exception),
                    concurrentAnalysis: concurrent,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false));
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            return new AnalysisResult(diagnostics, exceptions.ToArray());
        }

        /// <summary>One code action offered for one diagnostic.</summary>
        public sealed class OfferedFix
        {
            public OfferedFix(Diagnostic diagnostic, CodeAction action, CodeFixProvider provider)
            {
                Diagnostic = diagnostic;
                Action = action;
                Provider = provider;
            }

            public Diagnostic Diagnostic { get; }

            public CodeAction Action { get; }

            public CodeFixProvider Provider { get; }
        }

        /// <summary>
        /// Asks every provider for its fixes of each diagnostic in <see cref="FixedIds"/>, then computes
        /// every offered action's operations. Exceptions are collected, not thrown.
        /// </summary>
        public static async Task<(List<OfferedFix> Fixes, List<Exception> Exceptions)> RunFixesAsync(
            Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken = default, bool computeOperations = true)
        {
            var fixes = new List<OfferedFix>();
            var exceptions = new List<Exception>();
            foreach (Diagnostic diagnostic in diagnostics.Where(d => FixedIds.Contains(d.Id) && d.Location.IsInSource && d.Location.SourceTree!.FilePath == document.FilePath))
            {
                foreach (CodeFixProvider provider in AllFixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var offered = new List<CodeAction>();
                    try
                    {
                        var context = new CodeFixContext(document, diagnostic, (action, _) => offered.Add(action), cancellationToken);
                        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        exceptions.Add(exception);
                    }

                    foreach (CodeAction action in Flatten(offered))
                    {
                        fixes.Add(new OfferedFix(diagnostic, action, provider));
                        if (!computeOperations)
                        {
                            continue;
                        }

                        try
                        {
                            await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                        {
                            exceptions.Add(exception);
                        }
                    }
                }
            }

            return (fixes, exceptions);
        }

        /// <summary>Hands Fix All the diagnostics already computed.</summary>
        public sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, System.Threading.CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, System.Threading.CancellationToken cancellationToken)
                => Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, System.Threading.CancellationToken cancellationToken)
                => Task.FromResult(Enumerable.Empty<Diagnostic>());
        }

        /// <summary>Code actions with their nested actions, depth first.</summary>
        public static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions)
        {
            foreach (CodeAction action in actions)
            {
                yield return action;
                foreach (CodeAction nested in Flatten(action.NestedActions))
                {
                    yield return nested;
                }
            }
        }

        /// <summary>The document an action produces (its single <see cref="ApplyChangesOperation"/>).</summary>
        public static async Task<Document> ApplyAsync(Document document, CodeAction action, CancellationToken cancellationToken = default)
        {
            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            ApplyChangesOperation apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
            return apply.ChangedSolution.GetDocument(document.Id)!;
        }

        /// <summary>
        /// <paramref name="text"/> with every key the scanner finds shown redacted: safe for an
        /// assertion message or test output.
        /// </summary>
        public static string RedactAll(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            var builder = new StringBuilder(text.Length);
            int from = 0;
            foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
            {
                builder.Append(text, from, match.Start - from);
                builder.Append(KeyRedactor.Redact(text.AsSpan(), match));
                from = match.End;
            }

            builder.Append(text, from, text.Length - from);
            return builder.ToString();
        }

        /// <summary>An exception as a safe, short message: type, redacted message, the top frames.</summary>
        public static string Describe(Exception exception, int frames = 6)
        {
            string[] stack = (exception.StackTrace ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(frames).ToArray();
            string inner = exception.InnerException is null ? string.Empty : " ---> " + Describe(exception.InnerException, frames);
            return exception.GetType().FullName + ": " + RedactAll(exception.Message) + " | " + RedactAll(string.Join(" | ", stack)) + inner;
        }

        /// <summary>The repository's root folder (the one with KeyLint.sln).</summary>
        public static string RepositoryRoot() => KeyLint.Tests.Analyzers.SampleKeysTests.RepositoryRoot();

        /// <summary>The C# files of samples/, without bin/ and obj/, in a stable order.</summary>
        public static IReadOnlyList<(string Name, string Text)> SampleSources()
        {
            string samples = Path.Combine(RepositoryRoot(), "samples");
            char separator = Path.DirectorySeparatorChar;
            return Directory.EnumerateFiles(samples, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{separator}obj{separator}") && !f.Contains($"{separator}bin{separator}"))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(samples, f).Replace('\\', '/'), File.ReadAllText(f)))
                .ToArray();
        }
    }

    /// <summary>
    /// The obvious, slow definition of what <see cref="KeyScanner.Find"/> must return: split the text
    /// into maximal runs of key characters and classify each whole run. No marker jumps, no bounded
    /// walks: a differential oracle for the scanner's fast path.
    /// </summary>
    internal static class ReferenceScanner
    {
        public static List<KeyMatch> Find(string text) => ScannerInvariants.ReferenceFind(text);

        public static List<KeyMatch> Scanner(string text)
        {
            var matches = new List<KeyMatch>();
            foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
            {
                matches.Add(match);
            }

            return matches;
        }

        /// <summary>Matches as text safe to print: kinds and spans only (KeyMatch.ToString shows no key).</summary>
        public static string Show(IEnumerable<KeyMatch> matches) => "[" + string.Join(", ", matches.Select(m => m + " p" + m.PrefixLength)) + "]";
    }

    /// <summary>An additional file held in memory.</summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;
        private readonly Action<CancellationToken>? _onRead;

        public InMemoryAdditionalText(string path, string text, Action<CancellationToken>? onRead = null)
        {
            Path = path;
            _text = SourceText.From(text);
            _onRead = onRead;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            _onRead?.Invoke(cancellationToken);
            return _text;
        }
    }
}
