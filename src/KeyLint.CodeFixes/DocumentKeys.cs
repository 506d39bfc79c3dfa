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
                if (diagnostic.Id != RuleIdentifiers.KeyInCommentOrDisabledCode)
                {
                    found.Add(diagnostic);
                }
            }

            HardcodedOpenAIKeyAnalyzer.AnalyzeDocument(model, options, Collect, cancellationToken);
            HardcodedCredentialAnalyzer.AnalyzeDocument(model, options, Collect, cancellationToken);
            found.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start));
            return found;
        }
    }
}
