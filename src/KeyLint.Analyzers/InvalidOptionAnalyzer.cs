using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// KL0900: a <c>keylint.*</c> option in <c>.editorconfig</c> with a value KeyLint cannot use is
    /// reported — once per option and value in a compilation — rather than silently ignored. A key
    /// pasted as a value is shown redacted: the message goes to build logs.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidOptionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(KeyLintDescriptors.KL0900_InvalidOption);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var reported = new ConcurrentDictionary<(string Option, string Value), bool>();
                start.RegisterSyntaxTreeAction(treeContext => Validate(
                    treeContext.Options.AnalyzerConfigOptionsProvider.GetOptions(treeContext.Tree), reported, treeContext.ReportDiagnostic));

                // The sections of the files besides C# (keylint.scan_file in [*.yml], say) are checked too.
                start.RegisterAdditionalFileAction(fileContext => Validate(
                    fileContext.Options.AnalyzerConfigOptionsProvider.GetOptions(fileContext.AdditionalFile), reported, fileContext.ReportDiagnostic));
            });
        }

        private static void Validate(AnalyzerConfigOptions options, ConcurrentDictionary<(string Option, string Value), bool> reported, Action<Diagnostic> report)
        {
            foreach ((string name, Func<string, bool> isValid, string expected) in KeySettingNames.Options)
            {
                if (options.TryGetValue(name, out string? value) && !isValid(value.Trim()) && reported.TryAdd((name, value), true))
                {
                    report(Diagnostic.Create(KeyLintDescriptors.KL0900_InvalidOption, Location.None, name, KeyRedactor.RedactAll(value), expected));
                }
            }
        }
    }
}
