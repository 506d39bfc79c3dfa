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
    /// Fix All for KL0001–KL0004 and KL0007 at document, project and solution scope.
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
    /// no key behind in any place that accepts a non-constant value.
    /// </remarks>
    internal sealed class KeyFixAllProvider : FixAllProvider
    {
        public static readonly KeyFixAllProvider Instance = new KeyFixAllProvider();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            KeySource requested = FixActions.SourceOf(fixAllContext.CodeActionEquivalenceKey);
            IEnumerable<Document> documents = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
                FixAllScope.Project => fixAllContext.Project.Documents,
                FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents),
                _ => Array.Empty<Document>(),
            };

            Document[] inScope = documents.OrderBy(d => d.FilePath ?? d.Name, StringComparer.Ordinal).ToArray();
            var work = new List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>();
            foreach (Document document in inScope)
            {
                ImmutableArray<Diagnostic> diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                if (!diagnostics.IsEmpty)
                {
                    work.Add((document, diagnostics));
                }
            }

            if (work.Count == 0)
            {
                return null;
            }

            Solution solution = fixAllContext.Solution;
            return CodeAction.Create(
                FixActions.FixAllTitle(requested),
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

            // Names are given out first, in file and position order, so they do not depend on which fixes succeed.
            var ordered = new List<(Document Document, SyntaxNode Root, SemanticModel Model, Diagnostic[] Diagnostics)>();
            foreach ((Document document, ImmutableArray<Diagnostic> diagnostics) in work)
            {
                SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (root is null || model is null)
                {
                    continue;
                }

                Diagnostic[] sorted = Current(diagnostics, root, model, document, cancellationToken).OrderBy(d => d.Location.SourceSpan.Start).ToArray();
                KeySettingNames options = KeySettingNames.For(document.Project.AnalyzerOptions, root.SyntaxTree);
                foreach (Diagnostic diagnostic in sorted)
                {
                    names.AssignAll(KeyIdentity.Of(root, model, diagnostic, cancellationToken), diagnostic, options);
                }

                ordered.Add((document, root, model, sorted));
            }

            foreach ((Document document, SyntaxNode root, SemanticModel model, Diagnostic[] diagnostics) in ordered)
            {
                try
                {
                    Document? fixedDocument = await FixDocumentAsync(document, root, model, diagnostics, requested, names, cancellationToken).ConfigureAwait(false);
                    if (fixedDocument is not null)
                    {
                        SyntaxNode fixedRoot = (await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                        solution = solution.WithDocumentSyntaxRoot(document.Id, fixedRoot);
                    }
                }
                catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    // dotnet format drops a whole Fix All that throws: this document stays as it was, the others are fixed.
                }
            }

            return solution;
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

        /// <summary>The document with every fix that compiles applied together; null when none does.</summary>
        private static async Task<Document?> FixDocumentAsync(
            Document document, SyntaxNode root, SemanticModel model, Diagnostic[] diagnostics, KeySource requested, SettingNames names, CancellationToken cancellationToken)
        {
            KeySettingNames options = KeySettingNames.For(document.Project.AnalyzerOptions, root.SyntaxTree);
            KeySource[] sources = requested == KeySource.EnvironmentVariable
                ? new[] { KeySource.EnvironmentVariable }
                : new[] { requested, KeySource.EnvironmentVariable };

            var chosen = new List<KeyFix>();
            var replaced = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                FixPlan? plan = await FixPlan.CreateAsync(document, root, model, diagnostic, cancellationToken).ConfigureAwait(false);

                // Two diagnostics on one site (a key that is also a constant credential) get one fix.
                if (plan is null || replaced.Any(span => span.IntersectsWith(plan.Site.Replaced.Span)))
                {
                    continue;
                }

                foreach (KeySource source in sources)
                {
                    string name = names.Assign(plan.Key, source, SettingNames.BaseName(options, source, diagnostic));
                    KeyFix? fix = await KeyFix.TryCreateAsync(document, root, model, plan, source, name, cancellationToken).ConfigureAwait(false);
                    if (fix is not null)
                    {
                        chosen.Add(fix);
                        replaced.Add(plan.Site.Replaced.Span);
                        break;
                    }
                }
            }

            switch (chosen.Count)
            {
                case 0:
                    return null;
                case 1:
                    return chosen[0].FixedDocument;
            }

            Document together = await SiteRewriter.RewriteAsync(document, root, model, chosen.Select(c => c.Fix).ToList(), cancellationToken).ConfigureAwait(false);
            if (await CompileCheck.AddsNoProblemAsync(root, model, together, cancellationToken).ConfigureAwait(false))
            {
                return together;
            }

            // Fixes that compile alone but not together (none are known): add them one at a time.
            var accepted = new List<PlannedFix>();
            Document? best = null;
            foreach (KeyFix fix in chosen)
            {
                var trial = new List<PlannedFix>(accepted) { fix.Fix };
                Document candidate = await SiteRewriter.RewriteAsync(document, root, model, trial, cancellationToken).ConfigureAwait(false);
                if (await CompileCheck.AddsNoProblemAsync(root, model, candidate, cancellationToken).ConfigureAwait(false))
                {
                    accepted = trial;
                    best = candidate;
                }
            }

            return best;
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
}
