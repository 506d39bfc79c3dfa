using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// Keys in comments, documentation comments, directives and disabled code (KL0005, and KL0008 in
    /// a comment) replaced by their redacted form (<c>sk-proj-…AbCd</c>), which still tells a reader
    /// which key it was. Only the key's characters change.
    /// </summary>
    internal static class CommentRedaction
    {
        /// <summary>The equivalence key of every redaction, from either provider, so Fix All groups them.</summary>
        public const string EquivalenceKey = "KeyLint.RedactKeyInComment";

        public const string FixAllTitle = "Replace every key in comments with its redacted form, then rotate the exposed keys";

        public static string Title(string redacted) => $"Replace the key with {redacted}, then rotate the exposed key";

        /// <summary>A diagnostic whose key is in a comment: redacting it is the only fix (KL0008 in code is read from a setting instead).</summary>
        public static bool IsInComment(Diagnostic diagnostic)
            => diagnostic.Id == RuleIdentifiers.KeyInCommentOrDisabledCode || KeyDiagnosticProperties.IsInComment(diagnostic.Properties);

        /// <summary>The redaction of the key at <paramref name="span"/>; null when the span does not hold exactly one key.</summary>
        public static TextChange? For(SourceText text, TextSpan span)
        {
            if (span.IsEmpty || span.End > text.Length)
            {
                return null;
            }

            string key = text.ToString(span);
            KeyMatchEnumerator matches = KeyScanner.Find(key.AsSpan());
            if (!matches.MoveNext() || matches.Current.Start != 0 || matches.Current.Length != key.Length)
            {
                return null;
            }

            return new TextChange(span, KeyRedactor.Redact(key.AsSpan(), matches.Current.PrefixLength));
        }

        /// <summary>
        /// The document with the keys in comments of <paramref name="diagnostics"/> redacted, all in one
        /// change. Diagnostics that point into an older text are found again in the document as it is,
        /// for the same IDs: dotnet format analyses a solution once, then runs one Fix All per ID on
        /// the solution the previous one changed, and a KL0008 Fix All changes code before comments.
        /// </summary>
        public static async Task<Document> RedactAllAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            List<Diagnostic> inComments = diagnostics.Where(IsInComment).ToList();
            SyntaxTree? tree = inComments.Count == 0 ? null : await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            if (tree is null)
            {
                return document;
            }

            if (!inComments.All(d => d.Location.SourceTree == tree))
            {
                var ids = new HashSet<string>(inComments.Select(d => d.Id), StringComparer.Ordinal);
                var found = new List<Diagnostic>();
                HardcodedOpenAIKeyAnalyzer.AnalyzeTree(
                    tree,
                    document.Project.AnalyzerOptions,
                    d =>
                    {
                        if (ids.Contains(d.Id) && IsInComment(d))
                        {
                            found.Add(d);
                        }
                    },
                    cancellationToken);
                inComments = found;
            }

            SourceText text = await tree.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = new List<TextChange>();
            int end = 0;
            foreach (TextSpan span in inComments.Select(d => d.Location.SourceSpan).Distinct().OrderBy(s => s.Start))
            {
                if (span.Start >= end && For(text, span) is TextChange change)
                {
                    changes.Add(change);
                    end = span.End;
                }
            }

            return changes.Count == 0 ? document : document.WithText(text.WithChanges(changes));
        }
    }
}
