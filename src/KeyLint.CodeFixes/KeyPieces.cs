using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// A declaration that only held part of a key (<c>const string Head = "sk-proj-";</c>) and would be
    /// left unused once the code reading it is replaced (CS0219, CS0414, and a piece of the key left
    /// in the code): locals initialised with a constant, and private fields initialised with a
    /// constant in a type declared in this one file. Removing one changes nothing else: a constant
    /// initialiser has no side effects.
    /// </summary>
    internal sealed class KeyPiece
    {
        private KeyPiece(ISymbol symbol, SyntaxNode declaration, SyntaxNode scope)
        {
            Symbol = symbol;
            Declaration = declaration;
            Scope = scope;
        }

        public ISymbol Symbol { get; }

        /// <summary>The statement or field declaration that goes.</summary>
        public SyntaxNode Declaration { get; }

        /// <summary>Where every read of it can be: its block or its type.</summary>
        public SyntaxNode Scope { get; }

        /// <summary>The pieces <paramref name="replaced"/> reads, whether or not something else reads them too.</summary>
        public static IReadOnlyList<KeyPiece> ReadBy(ExpressionSyntax replaced, SemanticModel model, CancellationToken cancellationToken)
        {
            List<KeyPiece>? pieces = null;
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (IdentifierNameSyntax identifier in replaced.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                ISymbol? symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
                if (symbol is null || !seen.Add(symbol)
                    || symbol.DeclaringSyntaxReferences.Length != 1
                    || symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
                    || declarator.SyntaxTree != replaced.SyntaxTree
                    || declarator.Initializer is null
                    || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
                    || !model.GetConstantValue(declarator.Initializer.Value, cancellationToken).HasValue)
                {
                    continue;
                }

                switch (symbol)
                {
                    case ILocalSymbol when declaration.Parent is LocalDeclarationStatementSyntax { Parent: SyntaxNode block } statement:
                        (pieces ??= new List<KeyPiece>()).Add(new KeyPiece(symbol, statement, block));
                        break;
                    case IFieldSymbol { DeclaredAccessibility: Accessibility.Private, IsConst: true } or IFieldSymbol { DeclaredAccessibility: Accessibility.Private, IsReadOnly: true }
                        when symbol.ContainingType.DeclaringSyntaxReferences.Length == 1
                            && declaration.Parent is FieldDeclarationSyntax { Parent: TypeDeclarationSyntax type } field:
                        (pieces ??= new List<KeyPiece>()).Add(new KeyPiece(symbol, field, type));
                        break;
                }
            }

            return pieces ?? (IReadOnlyList<KeyPiece>)System.Array.Empty<KeyPiece>();
        }

        /// <summary>
        /// True when every read of the piece is inside one of <paramref name="replaced"/>: the fixes
        /// applied together leave it unused. Several fixes may share a piece; it goes with the last.
        /// </summary>
        public bool IsReadOnlyIn(IReadOnlyList<TextSpan> replaced, SemanticModel model, CancellationToken cancellationToken)
        {
            string name = Symbol.Name;
            foreach (IdentifierNameSyntax other in Scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (other.Identifier.ValueText != name || replaced.Any(span => span.Contains(other.Span)))
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(other, cancellationToken).Symbol, Symbol))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
