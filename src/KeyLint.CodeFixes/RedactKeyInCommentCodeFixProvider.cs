using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// KL0005: replaces an OpenAI key in a comment, documentation comment, directive or disabled code
    /// with its redacted form (<see cref="CommentRedaction"/>). KL0008 has one provider for all its
    /// places (<see cref="HardcodedOpenAIKeyCodeFixProvider"/>): dotnet format applies one provider
    /// per ID, and a KL0008 Fix All must reach the keys in code and in comments alike.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedactKeyInCommentCodeFixProvider))]
    [Shared]
    public sealed class RedactKeyInCommentCodeFixProvider : CodeFixProvider
    {
        public const string RedactKey = CommentRedaction.EquivalenceKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.KeyInCommentOrDisabledCode);

        public override FixAllProvider GetFixAllProvider() => CommentFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            try
            {
                SourceText text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
                foreach (Diagnostic diagnostic in context.Diagnostics)
                {
                    Register(context, text, diagnostic);
                }
            }
            catch (Exception exception) when (!(exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested))
            {
                // An IDE disables a provider that throws: a fix that cannot be made is not offered.
            }
        }

        /// <summary>Offers the redaction of the key in a comment that <paramref name="diagnostic"/> points at, when its span still holds that key.</summary>
        internal static void Register(CodeFixContext context, SourceText text, Diagnostic diagnostic)
        {
            if (CommentRedaction.For(text, diagnostic.Location.SourceSpan) is not TextChange change)
            {
                return;
            }

            Document document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    CommentRedaction.Title(change.NewText!),
                    cancellationToken => RedactAsync(document, change, cancellationToken),
                    CommentRedaction.EquivalenceKey),
                diagnostic);
        }

        private static async Task<Document> RedactAsync(Document document, TextChange change, CancellationToken cancellationToken)
        {
            SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(change));
        }
    }
}
