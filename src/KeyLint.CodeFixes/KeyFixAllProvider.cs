using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// Fix All for KL0001–KL0004, KL0007 and KL0008 at document, project and solution scope.
    /// </summary>
    /// <remarks>
    /// Every fix of a document is planned against the same original document and the chosen fixes
    /// are applied together in one rewrite (<see cref="SiteRewriter"/>), so pieces of keys that several
    /// fixes leave unused go once and no fix can invalidate another's nodes. A fix that cannot be
    /// made is skipped alone; a document whose fixes fail together is fixed one fix at a time,
    /// keeping those that still compile; a document that throws is left as it was. Fix All never
    /// fails as a whole. Names follow <see cref="SettingNames"/> over the whole scope. Where
    /// "configuration" is asked for and no <c>IConfiguration</c> is in reach (or "Key Vault" and no
    /// <c>SecretClient</c>), the key is read from an environment variable instead, so Fix All leaves
    /// no key behind in any place that accepts a non-constant value. KL0008 keys in comments are
    /// redacted (<see cref="CommentRedaction"/>), after the keys in code.
    /// </remarks>
    internal sealed class KeyFixAllProvider : FixAllProvider
    {
        public static readonly KeyFixAllProvider Instance = new KeyFixAllProvider();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllDocuments.SupportedScopes;

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            // Fixing all of KL0008 fixes its keys in code and in comments, whichever action it
            // started from: dotnet format takes the first action of an ID's first diagnostic, and a
            // key in a comment must not leave the keys in code behind. From the redaction, keys in
            // code are read the way the first action offered reads them.
            KeySource requested = fixAllContext.CodeActionEquivalenceKey == CommentRedaction.EquivalenceKey
                ? FixActions.Sources[0]
                : FixActions.SourceOf(fixAllContext.CodeActionEquivalenceKey);
            (Document[] inScope, List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> work) = await FixAllDocuments.CollectAsync(fixAllContext).ConfigureAwait(false);
            if (work.Count == 0)
            {
                return null;
            }

            bool readsCode = work.Any(w => w.Diagnostics.Any(d => !CommentRedaction.IsInComment(d)));
            bool redactsComments = work.Any(w => w.Diagnostics.Any(CommentRedaction.IsInComment));
            Solution solution = fixAllContext.Solution;
            return CodeAction.Create(
                FixActions.FixAllTitle(requested, readsCode, redactsComments),
                cancellationToken => FixAllAsync(solution, inScope, work, requested, cancellationToken),
                fixAllContext.CodeActionEquivalenceKey);
        }

        private static async Task<Solution> FixAllAsync(
            Solution solution,
            Document[] inScope,
            List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> work,
            KeySource requested,
            CancellationToken cancellationToken)
        {
            // Names already written in the projects being fixed are taken, so a setting is never shared by accident.
            var projects = new HashSet<ProjectId>(work.Select(w => w.Document.Project.Id));
            var names = new SettingNames(await AllTextAsync(inScope.Where(d => projects.Contains(d.Project.Id)), cancellationToken).ConfigureAwait(false));

            // Every document is planned against its original text first; names are given out in
            // file and position order, so they do not depend on which fixes succeed.
            var documents = new List<DocumentPlans>();
            foreach ((Document document, ImmutableArray<Diagnostic> diagnostics) in work)
            {
                await TryAsync(async () => documents.Add(await PlanDocumentAsync(document, diagnostics, names, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            }

            // Each fix takes the requested source where it compiles, the environment elsewhere.
            foreach (DocumentPlans planned in documents)
            {
                await TryAsync(() => ChooseAsync(planned, requested, names, fromEnvironment: null, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            // One key, one setting: a key that fell back to the environment anywhere is read from the
            // environment everywhere.
            var fromEnvironment = new HashSet<string>(documents.SelectMany(d => d.Chosen).Where(f => f.Source != requested).Select(f => f.Fix.Plan.Key), StringComparer.Ordinal);
            foreach (DocumentPlans planned in documents)
            {
                if (fromEnvironment.Count > 0 && planned.Chosen.Any(f => f.Source == requested && fromEnvironment.Contains(f.Fix.Plan.Key)))
                {
                    await TryAsync(() => ChooseAsync(planned, requested, names, fromEnvironment, cancellationToken), cancellationToken).ConfigureAwait(false);
                }

                Document? fixedDocument = null;
                await TryAsync(async () => fixedDocument = await ComposeAsync(planned, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                if (fixedDocument is not null)
                {
                    SyntaxNode fixedRoot = (await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                    solution = solution.WithDocumentSyntaxRoot(planned.Document.Id, fixedRoot);
                }
            }

            // A KL0008 key has one rule in code and in comments, and dotnet format one provider per
            // ID: its keys in comments are redacted in the documents as they are now.
            return await CommentFixAllProvider.RedactAllAsync(solution, work, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Runs one document's step. dotnet format drops a whole Fix All that throws: a document
        /// whose step throws stays as it was, and the others are fixed.
        /// </summary>
        private static async Task TryAsync(Func<Task> step, CancellationToken cancellationToken)
        {
            try
            {
                await step().ConfigureAwait(false);
            }
            catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
            }
        }

        private static async Task<DocumentPlans> PlanDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, SettingNames names, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            KeySettingNames options = KeySettingNames.For(document.Project.AnalyzerOptions, root.SyntaxTree);
            var plans = new List<FixPlan>();
            var replaced = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
            IEnumerable<Diagnostic> inCode = diagnostics.Where(d => !CommentRedaction.IsInComment(d));
            foreach (Diagnostic diagnostic in Current(inCode.ToImmutableArray(), root, model, document, cancellationToken).OrderBy(d => d.Location.SourceSpan.Start))
            {
                FixPlan? plan = await FixPlan.CreateAsync(document, root, model, diagnostic, cancellationToken).ConfigureAwait(false);
                names.AssignAll(plan?.Key ?? KeyIdentity.Of(root, model, diagnostic, cancellationToken), diagnostic, options);

                // Two diagnostics on one site (a key that is also a constant credential) get one fix.
                if (plan is not null && !replaced.Any(span => span.IntersectsWith(plan.Site.Replaced.Span)))
                {
                    plans.Add(plan);
                    replaced.Add(plan.Site.Replaced.Span);
                }
            }

            return new DocumentPlans(document, root, model, options, plans);
        }

        /// <summary>
        /// The diagnostics as they are in the document now. dotnet format analyses a solution once,
        /// then runs one Fix All per diagnostic ID on the solution the previous one changed: the
        /// later IDs' diagnostics then point into an older text. Their keys are found again, in
        /// the document as it is, for the same IDs.
        /// </summary>
        private static IEnumerable<Diagnostic> Current(ImmutableArray<Diagnostic> diagnostics, SyntaxNode root, SemanticModel model, Document document, CancellationToken cancellationToken)
        {
            if (diagnostics.All(d => d.Location.SourceTree == root.SyntaxTree))
            {
                return diagnostics;
            }

            var ids = new HashSet<string>(diagnostics.Select(d => d.Id), StringComparer.Ordinal);
            return DocumentKeys.Find(model, document.Project.AnalyzerOptions, cancellationToken).Where(d => ids.Contains(d.Id));
        }

        /// <summary>
        /// Picks each plan's fix: the requested source where it compiles (unless the key must come
        /// from the environment), the environment elsewhere. Plans with no fix are left out.
        /// </summary>
        private static async Task ChooseAsync(DocumentPlans planned, KeySource requested, SettingNames names, HashSet<string>? fromEnvironment, CancellationToken cancellationToken)
        {
            if (await TryFirstChoicesTogetherAsync(planned, requested, names, fromEnvironment, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var chosen = new List<ChosenFix>();
            foreach (FixPlan plan in planned.Plans)
            {
                foreach (KeySource source in Sources(plan, requested, fromEnvironment))
                {
                    string name = names.Assign(plan.Key, source, SettingNames.BaseName(planned.Options, source, plan.Diagnostic));
                    KeyFix? fix = await KeyFix.TryCreateAsync(planned.Document, planned.Root, planned.Model, plan, source, name, cancellationToken).ConfigureAwait(false);
                    if (fix is not null)
                    {
                        chosen.Add(new ChosenFix(source, fix.Fix));
                        break;
                    }
                }
            }

            planned.Chosen = chosen;
            planned.Composed = null;
        }

        /// <summary>
        /// The common case in one compilation: each plan's simplest fix (the first candidate
        /// <see cref="KeyFix"/> would try), all applied together and checked once. False when that
        /// does not compile; each plan is then checked on its own.
        /// </summary>
        private static async Task<bool> TryFirstChoicesTogetherAsync(DocumentPlans planned, KeySource requested, SettingNames names, HashSet<string>? fromEnvironment, CancellationToken cancellationToken)
        {
            var chosen = new List<ChosenFix>();
            foreach (FixPlan plan in planned.Plans)
            {
                KeySource source = Sources(plan, requested, fromEnvironment).FirstOrDefault(s => plan.ReceiversFor(s, cancellationToken).Count > 0);
                string name = names.Assign(plan.Key, source, SettingNames.BaseName(planned.Options, source, plan.Diagnostic));
                PlannedFix? fix = KeyFix.FirstCandidate(plan, source, name, cancellationToken);
                if (fix is null)
                {
                    return false;
                }

                chosen.Add(new ChosenFix(source, fix.Value));
            }

            Document? together = null;
            if (chosen.Count > 0)
            {
                together = await SiteRewriter.RewriteAsync(planned.Document, planned.Root, planned.Model, chosen.Select(c => c.Fix).ToList(), cancellationToken).ConfigureAwait(false);
                if (!await CompileCheck.AddsNoProblemAsync(planned.Root, planned.Model, together, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                together = await SiteRewriter.WithoutMarksAsync(together, cancellationToken).ConfigureAwait(false);
            }

            planned.Chosen = chosen;
            planned.Composed = together;
            return true;
        }

        /// <summary>The requested source, then the environment, unless the key must come from the environment.</summary>
        private static KeySource[] Sources(FixPlan plan, KeySource requested, HashSet<string>? fromEnvironment)
            => requested == KeySource.EnvironmentVariable || fromEnvironment?.Contains(plan.Key) == true
                ? new[] { KeySource.EnvironmentVariable }
                : new[] { requested, KeySource.EnvironmentVariable };

        /// <summary>The document with every chosen fix applied together; null when there is none.</summary>
        private static async Task<Document?> ComposeAsync(DocumentPlans planned, CancellationToken cancellationToken)
        {
            if (planned.Composed is not null || planned.Chosen.Count == 0)
            {
                return planned.Composed;
            }

            (Document document, SyntaxNode root, SemanticModel model) = (planned.Document, planned.Root, planned.Model);
            Document together = await SiteRewriter.RewriteAsync(document, root, model, planned.Chosen.Select(c => c.Fix).ToList(), cancellationToken).ConfigureAwait(false);
            if (await CompileCheck.AddsNoProblemAsync(root, model, together, cancellationToken).ConfigureAwait(false))
            {
                return await SiteRewriter.WithoutMarksAsync(together, cancellationToken).ConfigureAwait(false);
            }

            // Fixes that compile alone but not together (none are known): add them one at a time.
            var accepted = new List<PlannedFix>();
            Document? best = null;
            foreach (ChosenFix fix in planned.Chosen)
            {
                var trial = new List<PlannedFix>(accepted) { fix.Fix };
                Document candidate = await SiteRewriter.RewriteAsync(document, root, model, trial, cancellationToken).ConfigureAwait(false);
                if (await CompileCheck.AddsNoProblemAsync(root, model, candidate, cancellationToken).ConfigureAwait(false))
                {
                    accepted = trial;
                    best = candidate;
                }
            }

            return best is null ? null : await SiteRewriter.WithoutMarksAsync(best, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<string> AllTextAsync(IEnumerable<Document> documents, CancellationToken cancellationToken)
        {
            var builder = new System.Text.StringBuilder();
            foreach (Document document in documents)
            {
                builder.Append((await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString()).Append('\n');
            }

            return builder.ToString();
        }
    }

    /// <summary>One document of a Fix All and the plans of its fixes, all against its original text.</summary>
    internal sealed class DocumentPlans
    {
        public DocumentPlans(Document document, SyntaxNode root, SemanticModel model, KeySettingNames options, IReadOnlyList<FixPlan> plans)
        {
            Document = document;
            Root = root;
            Model = model;
            Options = options;
            Plans = plans;
        }

        public Document Document { get; }

        public SyntaxNode Root { get; }

        public SemanticModel Model { get; }

        public KeySettingNames Options { get; }

        public IReadOnlyList<FixPlan> Plans { get; }

        /// <summary>The fix chosen for each plan that has one.</summary>
        public IReadOnlyList<ChosenFix> Chosen { get; set; } = Array.Empty<ChosenFix>();

        /// <summary>The document with the chosen fixes applied, when they were checked together already.</summary>
        public Document? Composed { get; set; }
    }


    /// <summary>A fix chosen for a plan, and the source it reads from.</summary>
    internal readonly struct ChosenFix
    {
        public ChosenFix(KeySource source, PlannedFix fix)
        {
            Source = source;
            Fix = fix;
        }

        public KeySource Source { get; }

        public PlannedFix Fix { get; }
    }
}
