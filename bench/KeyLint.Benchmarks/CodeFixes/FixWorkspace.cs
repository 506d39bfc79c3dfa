using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Benchmarks.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Benchmarks.CodeFixes
{
    /// <summary>What KeyLint and the compiler say about a project: the fixable key diagnostics, and the compiler's errors and warnings.</summary>
    public sealed class Analysis
    {
        public Analysis(ImmutableArray<Diagnostic> keys, int errors, int warnings)
        {
            Keys = keys;
            Errors = errors;
            Warnings = warnings;
        }

        /// <summary>KeyLint diagnostics the code fix provider says it fixes, in file and position order.</summary>
        public ImmutableArray<Diagnostic> Keys { get; }

        public int Errors { get; }

        public int Warnings { get; }
    }

    /// <summary>
    /// One C# project in an <see cref="AdhocWorkspace"/>, as an IDE holds it: nullable enabled, the
    /// .NET 10 reference assemblies and <c>Microsoft.Extensions.Configuration.Abstractions</c>.
    /// A new one per round, so no compilation of an earlier round helps.
    /// </summary>
    public static class FixWorkspace
    {
        private static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net100.References.All
            .Concat(new MetadataReference[]
            {
                // IConfiguration, and IChangeToken that its members mention.
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Primitives.IChangeToken).Assembly.Location),
            })
            .ToImmutableArray();

        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
            ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedOpenAIKeyAnalyzer(), new HardcodedCredentialAnalyzer());

        public static AdhocWorkspace Create(IEnumerable<CorpusFile> files, out ProjectId projectId)
        {
            var workspace = new AdhocWorkspace();
            projectId = ProjectId.CreateNewId("Contoso");
            ProjectId id = projectId;
            ImmutableArray<DocumentInfo> documents = files
                .Select(file => DocumentInfo.Create(
                    DocumentId.CreateNewId(id, file.Path),
                    System.IO.Path.GetFileName(file.Path),
                    loader: TextLoader.From(TextAndVersion.Create(SourceText.From(file.Text), VersionStamp.Create(), file.Path)),
                    filePath: file.Path))
                .ToImmutableArray();
            ProjectInfo project = ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                name: "Contoso",
                assemblyName: "Contoso",
                language: LanguageNames.CSharp,
                filePath: "/src/Contoso/Contoso.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                documents: documents,
                metadataReferences: References);
            workspace.AddProject(project);
            return workspace;
        }

        /// <summary>
        /// KeyLint's two code analyzers and the compiler on the whole project, the way Fix All's
        /// diagnostics come in: computed up front with <see cref="CompilationWithAnalyzers"/>.
        /// </summary>
        public static async Task<Analysis> AnalyzeAsync(Project project, CodeFixProvider provider, CancellationToken cancellationToken)
        {
            Compilation compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
                Analyzers,
                new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            ImmutableArray<Diagnostic> all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            ImmutableHashSet<string> fixable = provider.FixableDiagnosticIds.ToImmutableHashSet();
            ImmutableArray<Diagnostic> keys = all
                .Where(d => fixable.Contains(d.Id) && d.Location.IsInSource)
                .OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToImmutableArray();
            IEnumerable<Diagnostic> compiler = all.Where(d => !d.Id.StartsWith("KL", System.StringComparison.Ordinal));
            return new Analysis(
                keys,
                compiler.Count(d => d.Severity == DiagnosticSeverity.Error),
                compiler.Count(d => d.Severity == DiagnosticSeverity.Warning));
        }

        /// <summary>KeyLint's two code analyzers on one document (syntax and semantic diagnostics), as an IDE analyzes an open document.</summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeDocumentAsync(Document document, CancellationToken cancellationToken)
        {
            SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            CompilationWithAnalyzers withAnalyzers = model.Compilation.WithAnalyzers(
                Analyzers,
                new CompilationWithAnalyzersOptions(document.Project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            ImmutableArray<Diagnostic> syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(model.SyntaxTree, cancellationToken).ConfigureAwait(false);
            ImmutableArray<Diagnostic> semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
            return syntax.AddRange(semantic);
        }
    }

    /// <summary>Fix All's diagnostics: those computed up front, handed out per document.</summary>
    public sealed class PrecomputedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ILookup<string, Diagnostic> _byPath;
        private readonly ImmutableArray<Diagnostic> _all;

        public PrecomputedDiagnostics(ImmutableArray<Diagnostic> diagnostics)
        {
            _all = diagnostics;
            _byPath = diagnostics.ToLookup(d => d.Location.SourceTree?.FilePath ?? "", System.StringComparer.Ordinal);
        }

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_byPath[document.FilePath ?? ""].ToArray());

        /// <summary>KeyLint's fixable diagnostics all have a source location: none belongs to the project alone.</summary>
        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_all);
    }
}
