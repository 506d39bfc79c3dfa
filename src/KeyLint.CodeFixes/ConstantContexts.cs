using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// Where C# needs a constant, so a read cannot replace the key: attribute arguments, default
    /// parameter values, case labels and patterns, and consts whose uses need a constant.
    /// </summary>
    internal static class ConstantContexts
    {
        /// <summary>
        /// True when the expression sits where C# needs a constant, or initialises a const that a
        /// constant-only context (or another const) reads. A const that becomes <c>static readonly</c>
        /// is fine everywhere else.
        /// </summary>
        public static async Task<bool> NeedsConstantAsync(Document document, SemanticModel model, ExpressionSyntax replaced, VariableDeclaratorSyntax? constDeclarator, CancellationToken cancellationToken)
        {
            if (IsInConstantOnlyContext(replaced))
            {
                return true;
            }

            if (constDeclarator is null)
            {
                return false;
            }

            ISymbol? constant = model.GetDeclaredSymbol(constDeclarator, cancellationToken);
            if (constant is null || constDeclarator.Parent is VariableDeclarationSyntax { Variables.Count: > 1 })
            {
                return true;
            }

            // A private const or a const local can only be read in its own type's files: no need to
            // search the solution (the light bulb waits for this).
            IImmutableSet<Document>? where = null;
            if (constant is ILocalSymbol || constant.DeclaredAccessibility == Accessibility.Private)
            {
                where = constant.ContainingType?.DeclaringSyntaxReferences
                    .Select(reference => document.Project.Solution.GetDocument(reference.SyntaxTree))
                    .Where(d => d is not null)
                    .Select(d => d!)
                    .ToImmutableHashSet() ?? ImmutableHashSet.Create(document);
            }

            foreach (ReferencedSymbol referenced in await SymbolFinder.FindReferencesAsync(constant, document.Project.Solution, where, cancellationToken).ConfigureAwait(false))
            {
                foreach (ReferenceLocation location in referenced.Locations)
                {
                    SyntaxNode referenceRoot = await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
                    SyntaxNode node = referenceRoot.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (IsInConstantOnlyContext(node, isReference: true))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True inside an attribute argument, a default parameter value, a case label or a pattern —
        /// and, for a use of a constant, inside another constant's initializer.
        /// </summary>
        private static bool IsInConstantOnlyContext(SyntaxNode node, bool isReference = false)
        {
            foreach (SyntaxNode ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case AttributeArgumentSyntax:
                    case CaseSwitchLabelSyntax:
                    case CasePatternSwitchLabelSyntax:
                    case ConstantPatternSyntax:
                    case RelationalPatternSyntax:
                    case ParameterSyntax:
                        return true;
                    case EqualsValueClauseSyntax equalsValue:
                        // The const being fixed becomes readonly; any other const needs a constant.
                        return isReference && ConstDeclaratorOf(equalsValue) is not null;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The const declarator whose initializer contains <paramref name="node"/>, if any.</summary>
        public static VariableDeclaratorSyntax? EnclosingConstDeclarator(SyntaxNode node)
        {
            foreach (SyntaxNode ancestor in node.Ancestors())
            {
                if (ancestor is EqualsValueClauseSyntax equalsValue)
                {
                    return ConstDeclaratorOf(equalsValue);
                }

                if (ancestor is StatementSyntax or MemberDeclarationSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        private static VariableDeclaratorSyntax? ConstDeclaratorOf(EqualsValueClauseSyntax equalsValue)
        {
            if (equalsValue.Parent is not VariableDeclaratorSyntax declarator)
            {
                return null;
            }

            bool isConst = declarator.Parent?.Parent switch
            {
                FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                LocalDeclarationStatementSyntax local => local.IsConst,
                _ => false,
            };
            return isConst ? declarator : null;
        }
    }
}
