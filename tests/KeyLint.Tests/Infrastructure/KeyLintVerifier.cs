using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KeyLint.Tests
{
    /// <summary>
    /// Runs an analyzer over C# sources the way a nullable-enabled .NET 10 project compiles them,
    /// and compares exact diagnostics: ID, span and message.
    /// </summary>
    internal static class KeyLintVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public sealed class AnalyzerTest : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public AnalyzerTest()
            {
                TestReferences.Apply(TestState);
                SolutionTransforms.Add(TestReferences.EnableNullable);
            }

            protected override ParseOptions CreateParseOptions()
                => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
        }
    }

    /// <summary>Reference assemblies and options shared by every test: resolved once, reused.</summary>
    internal static class TestReferences
    {
        // No package to download: the references come from Basic.Reference.Assemblies, in memory.
        public static readonly ReferenceAssemblies Net80 = new ReferenceAssemblies("net10.0");

        public static readonly ImmutableArray<MetadataReference> Net80References =
            ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);

        public static void Apply(SolutionState state)
        {
            state.ReferenceAssemblies = Net80;
            state.AdditionalReferences.AddRange(Net80References);
        }

        public static Solution EnableNullable(Solution solution, ProjectId projectId)
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, WithSdkDefaults(options));
        }

        /// <summary>Nullable on, and CS1701/CS1702 off, as in every SDK-style project.</summary>
        public static CSharpCompilationOptions WithSdkDefaults(CSharpCompilationOptions options)
        {
            return options
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions
                    .SetItem("CS1701", ReportDiagnostic.Suppress)
                    .SetItem("CS1702", ReportDiagnostic.Suppress));
        }
    }
}
