using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// Fix All for the redaction of keys in comments (KL0005) at document,
    /// project and solution scope. Not the batch fixer: that one hands each diagnostic back to the
    /// light bulb, which finds nothing where dotnet format's diagnostics point into a text an earlier
    /// ID's Fix All already changed, and leaves those keys in place.
    /// </summary>
    internal sealed class CommentFixAllProvider : FixAllProvider
    {
        public static readonly CommentFixAllProvider Instance = new CommentFixAllProvider();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllDocuments.SupportedScopes;

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            (_, List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> work) = await FixAllDocuments.CollectAsync(fixAllContext).ConfigureAwait(false);
            if (work.Count == 0)
            {
                return null;
            }

            Solution solution = fixAllContext.Solution;
            return CodeAction.Create(
                CommentRedaction.FixAllTitle,
                cancellationToken => RedactAllAsync(solution, work, cancellationToken),
                fixAllContext.CodeActionEquivalenceKey);
        }

        /// <summary>Redacts each document's keys in comments; a document that throws stays as it was, so Fix All never fails as a whole.</summary>
        public static async Task<Solution> RedactAllAsync(Solution solution, IEnumerable<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
        {
            foreach ((Document original, ImmutableArray<Diagnostic> diagnostics) in work)
            {
                try
                {
                    Document? document = solution.GetDocument(original.Id);
                    if (document is not null)
                    {
                        Document redacted = await CommentRedaction.RedactAllAsync(document, diagnostics, cancellationToken).ConfigureAwait(false);
                        if (redacted != document)
                        {
                            solution = redacted.Project.Solution;
                        }
                    }
                }
                catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                }
            }

            return solution;
        }
    }
}
