using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// "Compiling code or no fix": a fixed document may add no error and no warning. Only what a fix
    /// changed is bound (a field or property initializer's nullable warnings come from constructors,
    /// which are not bound: <see cref="NonNullTargets"/> settles those before the check) — the members it marked (<see cref="SiteRewriter.ChangedMemberKind"/>), against the
    /// same members of the original — because a fix changes nothing else a diagnostic can depend on:
    /// consts read as constants elsewhere are never changed (<see cref="ConstantContexts"/>), and
    /// removed pieces were read nowhere else. Where a fix reaches beyond its members (new imports,
    /// top-level statements, a site outside any member) the whole document is compared, against a
    /// baseline computed once per document.
    /// </summary>
    internal static class CompileCheck
    {
        private static readonly ConditionalWeakTable<SemanticModel, Dictionary<string, int>> s_documentBaselines = new ConditionalWeakTable<SemanticModel, Dictionary<string, int>>();

        public static async Task<bool> AddsNoProblemAsync(SyntaxNode originalRoot, SemanticModel originalModel, Document changed, CancellationToken cancellationToken)
        {
            SyntaxNode? changedRoot = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            SemanticModel? changedModel = await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (changedRoot is null || changedModel is null)
            {
                return false;
            }

            // A build compiles the text, not this tree: a rewrite whose text parses into another tree
            // (a directive lost with a removed declaration) is no fix, however well the tree binds.
            // Only removals move trivia (a replacement keeps the trivia of what it replaced), and only
            // a file with directives can lose one.
            if (changedRoot.HasAnnotation(SiteRewriter.RemovedDeclarations) && originalRoot.ContainsDirectives)
            {
                SourceText text = await changed.GetTextAsync(cancellationToken).ConfigureAwait(false);
                SyntaxNode reparsed = await CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)changedRoot.SyntaxTree.Options, cancellationToken: cancellationToken)
                    .GetRootAsync(cancellationToken).ConfigureAwait(false);
                if (!SameTokens(reparsed, changedRoot))
                {
                    return false;
                }
            }

            List<SyntaxNode> members = changedRoot.GetAnnotatedNodes(SiteRewriter.ChangedMemberKind).ToList();
            bool wholeDocument = members.Count == 0
                || members.Any(m => m.GetAnnotations(SiteRewriter.ChangedMemberKind).Any(a => SiteRewriter.OriginalSpan(a).End > originalRoot.FullSpan.End))
                || members.Any(m => m is CompilationUnitSyntax or GlobalStatementSyntax)
                || ImportCount(changedRoot) != ImportCount(originalRoot);

            Dictionary<string, int> before;
            Dictionary<string, int> after;
            if (wholeDocument)
            {
                before = s_documentBaselines.GetValue(originalModel, model => Count(model.GetDiagnostics(cancellationToken: cancellationToken)));
                after = Count(changedModel.GetDiagnostics(cancellationToken: cancellationToken));
            }
            else
            {
                before = new Dictionary<string, int>(StringComparer.Ordinal);
                after = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (SyntaxNode member in members)
                {
                    foreach (SyntaxAnnotation annotation in member.GetAnnotations(SiteRewriter.ChangedMemberKind))
                    {
                        SyntaxNode originalMember = originalRoot.FindNode(SiteRewriter.OriginalSpan(annotation));
                        Add(before, originalModel.GetDiagnostics(originalMember.Span, cancellationToken));
                    }

                    Add(after, changedModel.GetDiagnostics(member.Span, cancellationToken));
                }
            }

            foreach (KeyValuePair<string, int> problem in after)
            {
                if (!before.TryGetValue(problem.Key, out int count) || count < problem.Value)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The same tokens, directives included: the text parses back into the tree that was checked.</summary>
        private static bool SameTokens(SyntaxNode reparsed, SyntaxNode rewritten)
        {
            using IEnumerator<SyntaxToken> expected = rewritten.DescendantTokens(descendIntoTrivia: true).GetEnumerator();
            foreach (SyntaxToken token in reparsed.DescendantTokens(descendIntoTrivia: true))
            {
                if (!expected.MoveNext() || expected.Current.RawKind != token.RawKind || expected.Current.Text != token.Text)
                {
                    return false;
                }
            }

            return !expected.MoveNext();
        }

        /// <summary>Using directives at the top level and in namespaces: what an import added by a fix changes.</summary>
        private static int ImportCount(SyntaxNode root)
            => root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>().Count();

        private static Dictionary<string, int> Count(IEnumerable<Diagnostic> diagnostics)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            Add(counts, diagnostics);
            return counts;
        }

        private static void Add(Dictionary<string, int> counts, IEnumerable<Diagnostic> diagnostics)
        {
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (diagnostic.Severity >= DiagnosticSeverity.Warning)
                {
                    counts.TryGetValue(diagnostic.Id, out int count);
                    counts[diagnostic.Id] = count + 1;
                }
            }
        }
    }
}
