using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// Fixes for KL0001–KL0004, KL0007 and KL0008: replace a hardcoded key or credential with a read from an
    /// <c>IConfiguration</c> in scope, Azure Key Vault (a <c>SecretClient</c> in scope), or an
    /// environment variable. Only registers actions: the plan (<see cref="FixPlan"/>) is made once
    /// per diagnostic, and an action is offered only where its fix compiles with no new error or
    /// warning (<see cref="KeyFix"/>); where none does (attribute arguments, case labels, default
    /// parameter values, consts that must stay const), no fix is offered and the warning stays.
    /// A KL0008 key in a comment is redacted instead (<see cref="CommentRedaction"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedOpenAIKeyCodeFixProvider))]
    [Shared]
    public sealed class HardcodedOpenAIKeyCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence keys: one per strategy, the same for every diagnostic, so Fix All groups them.</summary>
        public const string UseConfigurationKey = "KeyLint.UseConfiguration";
        public const string UseEnvironmentVariableKey = "KeyLint.UseEnvironmentVariable";
        public const string UseKeyVaultKey = "KeyLint.UseKeyVault";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIdentifiers.HardcodedProjectKey,
            RuleIdentifiers.HardcodedServiceAccountKey,
            RuleIdentifiers.HardcodedAdminKey,
            RuleIdentifiers.HardcodedLegacyUserKey,
            RuleIdentifiers.HardcodedCredential,
            RuleIdentifiers.HardcodedAzureKey);

        public override FixAllProvider GetFixAllProvider() => KeyFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            CancellationToken cancellationToken = context.CancellationToken;
            try
            {
                Document document = context.Document;
                SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (root is null || model is null)
                {
                    return;
                }

                List<Diagnostic>? documentKeys = null;
                foreach (Diagnostic diagnostic in context.Diagnostics)
                {
                    if (CommentRedaction.IsInComment(diagnostic))
                    {
                        RedactKeyInCommentCodeFixProvider.Register(context, await document.GetTextAsync(cancellationToken).ConfigureAwait(false), diagnostic);
                        continue;
                    }

                    FixPlan? plan = await FixPlan.CreateAsync(document, root, model, diagnostic, cancellationToken).ConfigureAwait(false);
                    if (plan is null)
                    {
                        continue;
                    }

                    documentKeys ??= DocumentKeys.Find(model, document.Project.AnalyzerOptions, cancellationToken);
                    KeySettingNames options = KeySettingNames.For(document.Project.AnalyzerOptions, root.SyntaxTree);
                    SettingNames names = NamesUpTo(plan, documentKeys, root, model, options, cancellationToken);
                    foreach (KeySource source in FixActions.Sources)
                    {
                        string name = names.Assign(plan.Key, source, SettingNames.BaseName(options, source, diagnostic));
                        KeyFix? fix = await KeyFix.TryCreateAsync(document, root, model, plan, source, name, cancellationToken).ConfigureAwait(false);
                        if (fix is not null)
                        {
                            Document fixedDocument = fix.FixedDocument;
                            context.RegisterCodeFix(
                                CodeAction.Create(FixActions.Title(source, name), _ => Task.FromResult(fixedDocument), FixActions.EquivalenceKey(source)),
                                diagnostic);
                        }
                    }
                }
            }
            catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                // An IDE disables a provider that throws, for the rest of the session: a fix that
                // cannot be made is not offered, and the warning stays.
            }
        }

        /// <summary>
        /// The names of the document's keys up to this one, given in order as Fix All in document
        /// would (see <see cref="SettingNames"/>): the light bulb offers the same name.
        /// </summary>
        private static SettingNames NamesUpTo(FixPlan plan, List<Diagnostic> documentKeys, SyntaxNode root, SemanticModel model, KeySettingNames options, CancellationToken cancellationToken)
        {
            var names = new SettingNames(root.ToFullString());
            int position = plan.Diagnostic.Location.SourceSpan.Start;
            foreach (Diagnostic earlier in documentKeys)
            {
                if (earlier.Location.SourceSpan.Start >= position)
                {
                    break;
                }

                names.AssignAll(KeyIdentity.Of(root, model, earlier, cancellationToken), earlier, options);
            }

            return names;
        }
    }
}
