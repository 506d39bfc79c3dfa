using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
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
    /// Verifies KL0001–KL0004 fixes: exact fixed code, Fix All at every scope, and a fixed state that
    /// compiles in a nullable-enabled project with no warning at all (compiler warnings are checked).
    /// </summary>
    internal static class KeyLintCodeFixVerifier
    {
        public static readonly MetadataReference ConfigurationAbstractions =
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location);

        /// <summary>Azure.Security.KeyVault.Secrets and Azure.Core, for the Key Vault fix.</summary>
        public static readonly ImmutableArray<MetadataReference> KeyVault = ImmutableArray.Create<MetadataReference>(
            MetadataReference.CreateFromFile(typeof(Azure.Security.KeyVault.Secrets.SecretClient).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Azure.Response).Assembly.Location));

        public sealed class Test : CSharpCodeFixTest<HardcodedOpenAIKeyAnalyzer, HardcodedOpenAIKeyCodeFixProvider, DefaultVerifier>
        {
            public Test()
            {
                TestReferences.Apply(TestState);
                TestState.AdditionalReferences.Add(ConfigurationAbstractions);
                TestState.AdditionalReferences.AddRange(KeyVault);
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

        /// <summary>The code actions offered for each KeyLint diagnostic of <paramref name="source"/>, in order.</summary>
        public static async Task<IReadOnlyList<CodeAction>> GetActionsAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, string? editorConfig = null)
        {
            Document document = CreateDocument(source, outputKind, editorConfig);
            ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(document);
            var provider = new HardcodedOpenAIKeyCodeFixProvider();
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
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedOpenAIKeyAnalyzer()), document.Project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync();
        }

        public static Document CreateDocument(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, string? editorConfig = null)
        {
            var workspace = new AdhocWorkspace();
            ProjectId projectId = ProjectId.CreateNewId();
            Solution solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Test", "Test", LanguageNames.CSharp)
                    .WithCompilationOptions(TestReferences.WithSdkDefaults(new CSharpCompilationOptions(outputKind)))
                    .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                    .WithMetadataReferences(TestReferences.Net80References.Add(ConfigurationAbstractions).AddRange(KeyVault)));
            DocumentId documentId = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(documentId, "Test.cs", SourceText.From(source), filePath: "/src/Test.cs");
            if (editorConfig is not null)
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/src/.editorconfig");
            }

            return solution.GetDocument(documentId)!;
        }
    }
}
