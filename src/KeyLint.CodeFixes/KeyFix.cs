using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// Chooses, for one plan and one source, the simplest replacement that compiles: each receiver in
    /// scope, a plain read before one ending in <c>?? throw</c> (for targets that need a non-null
    /// string), each form of the site (a UTF-8 literal has two). Null when none does.
    /// </summary>
    internal sealed class KeyFix
    {
        private KeyFix(PlannedFix fix, Document fixedDocument)
        {
            Fix = fix;
            FixedDocument = fixedDocument;
        }

        public PlannedFix Fix { get; }

        /// <summary>The document with this fix alone applied.</summary>
        public Document FixedDocument { get; }

        /// <summary>The first candidate <see cref="TryCreateAsync"/> would compile, not compiled; null when there is none.</summary>
        public static PlannedFix? FirstCandidate(FixPlan plan, KeySource source, string settingName, CancellationToken cancellationToken)
        {
            IReadOnlyList<string?> receivers = plan.ReceiversFor(source, cancellationToken);
            if (receivers.Count == 0)
            {
                return null;
            }

            bool throwIfMissing = plan.NeedsNonNullRead && KeyReads.CanThrowIfMissing(source);
            string read = KeyReads.Build(source, receivers[0], settingName, throwIfMissing, plan.IsAsync, plan.TypeNames);
            ExpressionSyntax? replacement = plan.Site.BuildReplacement(read, plan.TypeNames);
            return replacement is null ? null : new PlannedFix(plan, replacement, needsSimplification: !plan.TypeNames.IsShort);
        }

        public static async Task<KeyFix?> TryCreateAsync(Document document, SyntaxNode root, SemanticModel model, FixPlan plan, KeySource source, string settingName, CancellationToken cancellationToken)
        {
            IReadOnlyList<string?> receivers = plan.ReceiversFor(source, cancellationToken);
            foreach (string? receiver in receivers)
            {
                int first = plan.NeedsNonNullRead && KeyReads.CanThrowIfMissing(source) ? 1 : 0;
                for (int throwIfMissing = first; throwIfMissing <= (KeyReads.CanThrowIfMissing(source) ? 1 : 0); throwIfMissing++)
                {
                    string read = KeyReads.Build(source, receiver, settingName, throwIfMissing == 1, plan.IsAsync, plan.TypeNames);
                    for (int variant = 0; variant < plan.Site.Variants; variant++)
                    {
                        ExpressionSyntax? replacement = plan.Site.BuildReplacement(read, plan.TypeNames, variant);
                        if (replacement is null)
                        {
                            continue;
                        }

                        var fix = new PlannedFix(plan, replacement, needsSimplification: !plan.TypeNames.IsShort);
                        Document fixedDocument = await SiteRewriter.RewriteAsync(document, root, model, new[] { fix }, cancellationToken).ConfigureAwait(false);
                        if (await CompileCheck.AddsNoProblemAsync(root, model, fixedDocument, cancellationToken).ConfigureAwait(false))
                        {
                            return new KeyFix(fix, await SiteRewriter.WithoutMarksAsync(fixedDocument, cancellationToken).ConfigureAwait(false));
                        }
                    }
                }
            }

            return null;
        }
    }
}
