using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// KL0007's constant evaluator, asked after binding: the value of a credential that is constant
    /// in fact, whatever the compiler calls constant. <see cref="NonConstantSyntax"/> is its
    /// syntax-only counterpart, asked before binding.
    /// </summary>
    internal static class ConstantCredentials
    {
        /// <summary>
        /// The value of a string that is constant in fact: a compile-time constant, a static readonly
        /// field initialised from one and never assigned in a constructor, or a local initialised from
        /// one and never assigned again.
        /// </summary>
        public static string? Value(IOperation value, CancellationToken cancellationToken)
        {
            if (value.ConstantValue is { HasValue: true, Value: string constant })
            {
                return constant;
            }

            switch (value)
            {
                case ILocalReferenceOperation { Local: { IsConst: false, Type.SpecialType: SpecialType.System_String } local }:
                    return LocalAssignedOnceFromConstant(local, value, cancellationToken);
                case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Type.SpecialType: SpecialType.System_String } field }:
                    return StaticReadonlyFromConstant(field, cancellationToken);
                default:
                    return null;
            }
        }

        private static string? LocalAssignedOnceFromConstant(ILocalSymbol local, IOperation reference, CancellationToken cancellationToken)
        {
            if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: ExpressionSyntax initializer } declarator
                || reference.SemanticModel is not SemanticModel model
                || declarator.SyntaxTree != model.SyntaxTree
                || model.GetConstantValue(initializer, cancellationToken) is not { HasValue: true, Value: string value })
            {
                return null;
            }

            SyntaxNode? scope = (SyntaxNode?)declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
            return scope is null || IsWrittenAgain(scope, local.Name, declarator, model, local, cancellationToken) ? null : value;
        }

        private static string? StaticReadonlyFromConstant(IFieldSymbol field, CancellationToken cancellationToken)
        {
            // Without a semantic model for the declaring file, only literal initialisers count.
            if (field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: ExpressionSyntax initializer } declarator
                || LiteralValue(initializer) is not string value
                || declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not TypeDeclarationSyntax type)
            {
                return null;
            }

            // A static constructor may assign it again.
            foreach (ConstructorDeclarationSyntax constructor in type.Members.OfType<ConstructorDeclarationSyntax>())
            {
                if (constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => NameOf(a.Left) == field.Name))
                {
                    return null;
                }
            }

            return value;
        }

        /// <summary>
        /// The value of a string literal or a concatenation of literals. Iterative over the
        /// left-nested chain <c>"a" + "b" + …</c>, so a generated chain of any length cannot
        /// overflow the stack.
        /// </summary>
        private static string? LiteralValue(ExpressionSyntax expression)
        {
            var parts = new Stack<ExpressionSyntax>();
            ExpressionSyntax current = expression;
            while (true)
            {
                while (current is ParenthesizedExpressionSyntax parenthesized)
                {
                    current = parenthesized.Expression;
                }

                if (current is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    parts.Push(binary.Right);
                    current = binary.Left;
                    continue;
                }

                break;
            }

            if (current is not LiteralExpressionSyntax first || !first.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return null;
            }

            var value = new StringBuilder(first.Token.ValueText);
            while (parts.Count > 0)
            {
                ExpressionSyntax part = parts.Pop();
                while (part is ParenthesizedExpressionSyntax parenthesized)
                {
                    part = parenthesized.Expression;
                }

                if (part is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return null;
                }

                value.Append(literal.Token.ValueText);
            }

            return value.ToString();
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>Assignments, compound assignments, increments, <c>ref</c> and <c>out</c> uses of the local after its declaration.</summary>
        private static bool IsWrittenAgain(SyntaxNode scope, string name, VariableDeclaratorSyntax declarator, SemanticModel model, ILocalSymbol local, CancellationToken cancellationToken)
        {
            foreach (IdentifierNameSyntax identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != name || declarator.Span.Contains(identifier.Span))
                {
                    continue;
                }

                SyntaxNode? parent = identifier.Parent;
                bool isWrite = parent switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left == identifier,
                    PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
                    ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
                    _ => false,
                };
                if (isWrite && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
