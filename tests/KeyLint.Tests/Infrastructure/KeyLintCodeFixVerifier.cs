using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Tests
{
    /// <summary>
    /// Verifies a KeyLint fix: exact fixed code, Fix All at every scope, and a fixed state that
    /// compiles in a nullable-enabled project with no warning at all (compiler warnings are checked).
    /// </summary>
    internal static class KeyLintCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test()
            {
                TestReferences.Apply(TestState);
                TestState.AdditionalReferences.AddRange(KeyLintCodeFixVerifier.FixReferences);
                SolutionTransforms.Add(TestReferences.EnableNullable);

                // Warnings too: a fix that adds a nullable warning fails the test.
                CompilerDiagnostics = CompilerDiagnostics.Warnings;
            }

            protected override ParseOptions CreateParseOptions()
                => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
        }

        public static Task VerifyFixAsync(string source, string fixedSource, string equivalenceKey, params DiagnosticResult[] expected)
            => VerifyFixAsync(source, fixedSource, fixedSource, equivalenceKey, expected);

        public static async Task VerifyFixAsync(string source, string fixedSource, string batchFixedSource, string equivalenceKey, params DiagnosticResult[] expected)
        {
            var test = new Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                BatchFixedCode = batchFixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>The code actions offered for each diagnostic of <paramref name="source"/> the fixer fixes, in order.</summary>
        public static async Task<IReadOnlyList<CodeAction>> GetActionsAsync(
            string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, string? editorConfig = null, IEnumerable<MetadataReference>? references = null)
        {
            Document document = KeyLintCodeFixVerifier.CreateDocument(source, outputKind, editorConfig, references);
            ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(document);
            var provider = new TCodeFix();
            var actions = new List<CodeAction>();
            foreach (Diagnostic diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)))
            {
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                await provider.RegisterCodeFixesAsync(context);
            }

            return actions;
        }

        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
        {
            Compilation compilation = (await document.Project.GetCompilationAsync())!;
            return await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), document.Project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync();
        }
    }

    /// <summary>What every fix test shares, whatever the analyzer and fixer: references and a document to fix.</summary>
    internal static class KeyLintCodeFixVerifier
    {
        public static readonly MetadataReference ConfigurationAbstractions =
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location);

        /// <summary>Azure.Security.KeyVault.Secrets and Azure.Core, for the Key Vault fix.</summary>
        public static readonly ImmutableArray<MetadataReference> KeyVault = ImmutableArray.Create<MetadataReference>(
            MetadataReference.CreateFromFile(typeof(Azure.Security.KeyVault.Secrets.SecretClient).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Azure.Response).Assembly.Location));

        /// <summary>What the fixes read from (IConfiguration, SecretClient): referenced by every fix test.</summary>
        public static readonly ImmutableArray<MetadataReference> FixReferences = KeyVault.Insert(0, ConfigurationAbstractions);

        /// <summary>
        /// The OpenAI client libraries (<see cref="ClientLibraries"/>) less the files <see cref="FixReferences"/>
        /// already holds: what a KL0007 fix test adds.
        /// </summary>
        public static readonly ImmutableArray<MetadataReference> ClientLibraryReferences = ClientLibraries.References
            .Where(r => !FixReferences.Any(f => SameFile(f, r)))
            .ToImmutableArray();

        /// <summary>The same for the older client libraries (<see cref="OlderClientLibraries"/>).</summary>
        public static readonly ImmutableArray<MetadataReference> OlderClientLibraryReferences = OlderClientLibraries.References
            .Where(r => !FixReferences.Any(f => SameFile(f, r)))
            .ToImmutableArray();

        public static Document CreateDocument(
            string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, string? editorConfig = null, IEnumerable<MetadataReference>? references = null)
        {
            var workspace = new AdhocWorkspace();
            ProjectId projectId = ProjectId.CreateNewId();
            Solution solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Test", "Test", LanguageNames.CSharp)
                    .WithCompilationOptions(TestReferences.WithSdkDefaults(new CSharpCompilationOptions(outputKind)))
                    .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                    .WithMetadataReferences(TestReferences.Net80References.AddRange(FixReferences).AddRange(references ?? Array.Empty<MetadataReference>())));
            DocumentId documentId = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(documentId, "Test.cs", SourceText.From(source), filePath: "/src/Test.cs");
            if (editorConfig is not null)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/src/.editorconfig");
            }

            return solution.GetDocument(documentId)!;
        }

        private static bool SameFile(MetadataReference a, MetadataReference b)
            => a is PortableExecutableReference pa && b is PortableExecutableReference pb
                && pa.FilePath is not null && pb.FilePath is not null
                && string.Equals(Path.GetFileName(pa.FilePath), Path.GetFileName(pb.FilePath), StringComparison.OrdinalIgnoreCase);
    }
}
