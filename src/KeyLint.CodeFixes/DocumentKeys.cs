using System.Collections.Generic;
using System.Threading;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// The fixable diagnostics of one document, for a light bulb that must number its setting the
    /// way Fix All would (it is handed one diagnostic only). The analyzers' own entry points run on
    /// the document's semantic model: both are text-first, so this reads the text once and binds
    /// only where a key or a credential site is, and the model the IDE has already bound is reused.
    /// </summary>
    internal static class DocumentKeys
    {
        public static List<Diagnostic> Find(SemanticModel model, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var found = new List<Diagnostic>();
            void Collect(Diagnostic diagnostic)
            {
                bool inComment = diagnostic.Id == RuleIdentifiers.KeyInCommentOrDisabledCode || KeyDiagnosticProperties.IsInComment(diagnostic.Properties);
                if (!inComment && !IsSwitchedOff(model, diagnostic.Id, cancellationToken))
                {
                    found.Add(diagnostic);
                }
            }

            HardcodedOpenAIKeyAnalyzer.AnalyzeDocument(model, options, Collect, cancellationToken);
            HardcodedCredentialAnalyzer.AnalyzeDocument(model, options, Collect, cancellationToken);
            found.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start));
            return found;
        }

        /// <summary>
        /// A rule switched off for this file (<c>dotnet_diagnostic.KL0007.severity = none</c>, a global
        /// config, or the project's NoWarn) reports nothing to Fix All, so its keys do not count here either.
        /// </summary>
        private static bool IsSwitchedOff(SemanticModel model, string id, CancellationToken cancellationToken)
        {
            CompilationOptions options = model.Compilation.Options;
            SyntaxTreeOptionsProvider? perTree = options.SyntaxTreeOptionsProvider;
            if (perTree is not null
                && (perTree.TryGetDiagnosticValue(model.SyntaxTree, id, cancellationToken, out ReportDiagnostic severity)
                    || perTree.TryGetGlobalDiagnosticValue(id, cancellationToken, out severity)))
            {
                return severity == ReportDiagnostic.Suppress;
            }

            return options.SpecificDiagnosticOptions.TryGetValue(id, out ReportDiagnostic specific) && specific == ReportDiagnostic.Suppress;
        }
    }
}
