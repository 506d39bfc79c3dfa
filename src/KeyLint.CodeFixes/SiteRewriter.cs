using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes
{
    /// <summary>One fix to apply: its plan and the expression that replaces the site.</summary>
    internal readonly struct PlannedFix
    {
        public PlannedFix(FixPlan plan, ExpressionSyntax replacement, bool needsSimplification)
        {
            Plan = plan;
            Replacement = replacement;
            NeedsSimplification = needsSimplification;
        }

        public FixPlan Plan { get; }

        public ExpressionSyntax Replacement { get; }

        /// <summary>The replacement names types with <c>global::</c>: imports to add, names to simplify (<see cref="TypeNames"/>).</summary>
        public bool NeedsSimplification { get; }
    }

    /// <summary>
    /// Applies fixes planned against the same original document in one editor pass: each site
    /// replaced, each const it initialised turned into <c>static readonly</c> (or a plain local),
    /// and the pieces the fixes together leave unused removed once. Every edit that touches a node
    /// another edit may also touch is a callback on the current node, so edits compose in any order
    /// (a const declaration whose initializer is replaced, and whose leading comments receive those
    /// of a removed piece, is edited three times).
    /// </summary>
    internal static class SiteRewriter
    {
        /// <summary>Kind of the annotation on every member a fix changed; its data is the member's span in the original.</summary>
        public const string ChangedMemberKind = "KeyLint.ChangedMember";

        /// <summary>On the root of a rewrite that removed declarations (their comments and directives moved).</summary>
        public static readonly SyntaxAnnotation RemovedDeclarations = new SyntaxAnnotation("KeyLint.RemovedDeclarations");

        public static async Task<Document> RewriteAsync(Document document, SyntaxNode root, SemanticModel model, IReadOnlyList<PlannedFix> fixes, CancellationToken cancellationToken)
        {
            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            TextSpan[] replacedSpans = fixes.Select(f => f.Plan.Site.Replaced.Span).ToArray();
            List<SyntaxNode> removed = UnusedPieces(fixes, replacedSpans, model, cancellationToken);

            var changedMembers = new HashSet<SyntaxNode>();
            var constDeclarations = new HashSet<SyntaxNode>();
            foreach (PlannedFix fix in fixes)
            {
                ExpressionSyntax replaced = fix.Plan.Site.Replaced;
                ExpressionSyntax replacement = fix.Replacement.WithTriviaFrom(replaced).WithAdditionalAnnotations(Formatter.Annotation);
                editor.ReplaceNode(
                    replaced,
                    fix.NeedsSimplification ? replacement.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation) : replacement);

                // const → static readonly (fields) or a plain local: the initializer is no longer constant.
                SyntaxNode? declaration = fix.Plan.Site.ConstDeclarator?.Parent?.Parent;
                if (declaration is not null && constDeclarations.Add(declaration))
                {
                    editor.ReplaceNode(declaration, (current, _) => current switch
                    {
                        FieldDeclarationSyntax field => field.WithModifiers(ReplaceConst(field.Modifiers)),
                        LocalDeclarationStatementSyntax local => RemoveConst(local),
                        _ => current,
                    });
                }

                changedMembers.Add(EnclosingMember(replaced));
            }

            RemoveKeepingComments(editor, removed);

            // Marked so the compile check binds only what changed.
            foreach (SyntaxNode member in changedMembers)
            {
                var annotation = new SyntaxAnnotation(ChangedMemberKind, member.Span.Start + ":" + member.Span.Length);
                editor.ReplaceNode(member, (current, _) => current.WithAdditionalAnnotations(annotation));
            }

            SyntaxNode changedRoot = editor.GetChangedRoot();
            Document changed = document.WithSyntaxRoot(removed.Count == 0 ? changedRoot : changedRoot.WithAdditionalAnnotations(RemovedDeclarations));
            if (fixes.Any(f => f.NeedsSimplification))
            {
                changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            SyntaxNode? simplified = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (simplified is not null)
            {
                changed = changed.WithSyntaxRoot(Site.UnwrapHoles(simplified));
            }

            return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The document without the marks a rewrite leaves for the compile check. A host keeps the
        /// trees it is handed: a mark left in them would tell the next fix's check about spans of a
        /// text that no longer exists.
        /// </summary>
        public static async Task<Document> WithoutMarksAsync(Document document, CancellationToken cancellationToken)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            SyntaxNode clean = root.ReplaceNodes(
                root.GetAnnotatedNodes(ChangedMemberKind).Concat(root.GetAnnotatedNodes(Site.HoleAnnotation)),
                (_, rewritten) => rewritten.WithoutAnnotations(ChangedMemberKind).WithoutAnnotations(Site.HoleAnnotation));
            return document.WithSyntaxRoot(clean.WithoutAnnotations(RemovedDeclarations));
        }

        /// <summary>The original span of a member a fix changed, read back from its annotation.</summary>
        public static TextSpan OriginalSpan(SyntaxAnnotation annotation)
        {
            string[] parts = annotation.Data!.Split(':');
            return new TextSpan(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// The member (or top-level statement) whose diagnostics a change of <paramref name="node"/> can
        /// alter. In a type with a primary constructor, the whole type: reading a constructor parameter
        /// from a member captures it, which warns where a field initializer reads it too (CS9124).
        /// </summary>
        private static SyntaxNode EnclosingMember(SyntaxNode node)
        {
            SyntaxNode member = node;
            foreach (SyntaxNode ancestor in node.Ancestors())
            {
                if (ancestor is MemberDeclarationSyntax and not BaseNamespaceDeclarationSyntax and not BaseTypeDeclarationSyntax and not DelegateDeclarationSyntax)
                {
                    return ancestor.Parent is TypeDeclarationSyntax { ParameterList: not null } withPrimaryConstructor ? withPrimaryConstructor : ancestor;
                }

                member = ancestor;
            }

            return member;
        }

        /// <summary>Pieces that every fix together leaves unused, each once, in document order.</summary>
        private static List<SyntaxNode> UnusedPieces(IReadOnlyList<PlannedFix> fixes, TextSpan[] replacedSpans, SemanticModel model, CancellationToken cancellationToken)
        {
            var removed = new List<SyntaxNode>();
            var seen = new HashSet<SyntaxNode>();
            foreach (PlannedFix fix in fixes)
            {
                foreach (KeyPiece piece in fix.Plan.Pieces)
                {
                    if (seen.Add(piece.Declaration)
                        && !replacedSpans.Any(span => piece.Declaration.Span.IntersectsWith(span))
                        && piece.IsReadOnlyIn(replacedSpans, model, cancellationToken))
                    {
                        removed.Add(piece.Declaration);
                    }
                }
            }

            removed.Sort((a, b) => a.SpanStart.CompareTo(b.SpanStart));
            return removed;
        }

        /// <summary>
        /// Removes the declarations; their comments move to the next statement or member that stays,
        /// without the removed one's indentation or the follower's blank lines, so the layout stays.
        /// </summary>
        private static void RemoveKeepingComments(SyntaxEditor editor, List<SyntaxNode> removed)
        {
            var removedSet = new HashSet<SyntaxNode>(removed);
            var movedTo = new Dictionary<SyntaxNode, List<SyntaxTrivia>>();
            foreach (SyntaxNode node in removed)
            {
                SyntaxNode? next = NextSibling(node);
                while (next is not null && removedSet.Contains(next))
                {
                    next = NextSibling(next);
                }

                editor.RemoveNode(node, next is null ? SyntaxRemoveOptions.KeepLeadingTrivia : SyntaxRemoveOptions.KeepNoTrivia);
                if (next is null)
                {
                    continue;
                }

                if (!movedTo.TryGetValue(next, out List<SyntaxTrivia>? comments))
                {
                    comments = new List<SyntaxTrivia>();
                    movedTo.Add(next, comments);
                }

                comments.AddRange(WithoutTrailingIndentation(node.GetLeadingTrivia()));
            }

            foreach (KeyValuePair<SyntaxNode, List<SyntaxTrivia>> entry in movedTo)
            {
                List<SyntaxTrivia> comments = entry.Value;
                editor.ReplaceNode(entry.Key, (current, _) => current.WithLeadingTrivia(comments.Concat(current.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))));
            }
        }

        /// <summary>
        /// The comments of a removed declaration that still mean something after it: not its
        /// documentation comment (it describes what is gone, and would describe the wrong member),
        /// nor the indentation before its first token.
        /// </summary>
        private static IEnumerable<SyntaxTrivia> WithoutTrailingIndentation(SyntaxTriviaList trivia)
        {
            var kept = new List<SyntaxTrivia>(trivia.Count);
            foreach (SyntaxTrivia item in trivia)
            {
                if (item.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || item.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
                {
                    if (kept.Count > 0 && kept[kept.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
                    {
                        kept.RemoveAt(kept.Count - 1);
                    }

                    continue;
                }

                kept.Add(item);
            }

            while (kept.Count > 0 && kept[kept.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                kept.RemoveAt(kept.Count - 1);
            }

            return kept;
        }

        private static SyntaxNode? NextSibling(SyntaxNode node) => node.Parent switch
        {
            BlockSyntax block when block.Statements.IndexOf((StatementSyntax)node) is int index && index + 1 < block.Statements.Count => block.Statements[index + 1],
            TypeDeclarationSyntax type when type.Members.IndexOf((MemberDeclarationSyntax)node) is int index && index + 1 < type.Members.Count => type.Members[index + 1],
            _ => null,
        };

        /// <summary>"const string key = …" → "string key = …", keeping the indentation the keyword carried.</summary>
        private static LocalDeclarationStatementSyntax RemoveConst(LocalDeclarationStatementSyntax local)
        {
            int index = local.Modifiers.IndexOf(SyntaxKind.ConstKeyword);
            if (index < 0)
            {
                return local;
            }

            SyntaxToken constKeyword = local.Modifiers[index];
            LocalDeclarationStatementSyntax result = local.WithModifiers(local.Modifiers.RemoveAt(index));
            if (index == 0 && result.Modifiers.Count == 0)
            {
                result = result.WithDeclaration(result.Declaration.WithType(result.Declaration.Type.WithLeadingTrivia(constKeyword.LeadingTrivia)));
            }

            return result;
        }

        private static SyntaxTokenList ReplaceConst(SyntaxTokenList modifiers)
        {
            int index = modifiers.IndexOf(SyntaxKind.ConstKeyword);
            if (index < 0)
            {
                return modifiers;
            }

            SyntaxToken constKeyword = modifiers[index];
            SyntaxToken staticKeyword = SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constKeyword.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space);
            SyntaxToken readonlyKeyword = SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constKeyword.TrailingTrivia);
            return modifiers.RemoveAt(index).InsertRange(index, new[] { staticKeyword, readonlyKeyword });
        }
    }
}
