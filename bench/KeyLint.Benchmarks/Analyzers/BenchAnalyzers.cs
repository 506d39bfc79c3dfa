using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Benchmarks.Analyzers
{
    /// <summary>
    /// For reference: the naive design, a syntax-node action on every string literal that does
    /// nothing at all. What it costs is the price of being called per literal.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BareStringLiteralAnalyzer : DiagnosticAnalyzer
    {
        // Enabled by default (Hidden): a rule disabled by default would make the driver skip the analyzer.
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "BENCH0001", "Bare", "Bare", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.StringLiteralExpression);
        }
    }

    /// <summary>
    /// For reference: a semantic-model action that does nothing — the shape of KeyLint's design
    /// (one call per file) without its work. What it costs is the driver's price for that shape.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NullSemanticModelAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "BENCH0002", "Null semantic model", "Null", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSemanticModelAction(static _ => { });
        }
    }

    /// <summary>
    /// For reference: operation actions on invocations and object creations that do nothing. The
    /// .NET SDK's analyzers that are on by default (CA1416 and others) register such actions, so in a
    /// real build the driver already builds the operation trees this analyzer makes it build.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NullOperationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "BENCH0003", "Null operation", "Null", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.ObjectCreation);
        }
    }

    /// <summary>An in-memory AdditionalFiles entry (appsettings.json and friends, for KL0006).</summary>
    public sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The same <c>.editorconfig</c> options for every file, as a project with one global config would have.</summary>
    public sealed class FixedAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly FixedOptions _options;

        public FixedAnalyzerConfigOptionsProvider(IReadOnlyDictionary<string, string> values) => _options = new FixedOptions(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class FixedOptions : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _values;

            public FixedOptions(IReadOnlyDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                if (_values.TryGetValue(key, out string? found))
                {
                    value = found;
                    return true;
                }

                value = null;
                return false;
            }
        }
    }
}
