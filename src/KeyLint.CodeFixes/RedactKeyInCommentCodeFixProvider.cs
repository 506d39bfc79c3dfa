using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// KL0005, and KL0008 in a comment: replaces a key in a comment, documentation comment, directive or disabled code with its
    /// redacted form (<c>sk-proj-…AbCd</c>), which still tells a reader which key it was.
    /// Only the key's characters change.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactKeyInCommentCodeFixProvider))]
    [Shared]
    public sealed class RedactKeyInCommentCodeFixProvider : CodeFixProvider
    {
        public const string RedactKey = "KeyLint.RedactKeyInComment";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIdentifiers.KeyInCommentOrDisabledCode,
            RuleIdentifiers.HardcodedAzureKey);

        // Each fix touches only its own span, so the batch fixer can merge them safely.
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SourceText text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                // KL0008 in code is fixed by reading the key from a setting: redacting it would change the program.
                TextSpan span = diagnostic.Location.SourceSpan;
                bool inComment = diagnostic.Id == RuleIdentifiers.KeyInCommentOrDisabledCode || KeyDiagnosticProperties.IsInComment(diagnostic.Properties);
                if (!inComment || span.End > text.Length)
                {
                    continue;
                }

                string key = text.ToString(span);
                KeyMatchEnumerator matches = KeyScanner.Find(key.AsSpan());
                if (!matches.MoveNext() || matches.Current.Length != key.Length)
                {
                    continue;
                }

                string redacted = KeyRedactor.Redact(key.AsSpan(), matches.Current.PrefixLength);
                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Replace the key with {redacted}, then rotate the exposed key",
                        cancellationToken => RedactAsync(document, span, redacted, cancellationToken),
                        RedactKey),
                    diagnostic);
            }
        }

        private static async Task<Document> RedactAsync(Document document, TextSpan span, string redacted, CancellationToken cancellationToken)
        {
            SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(new TextChange(span, redacted)));
        }
    }
}
