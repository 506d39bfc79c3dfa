using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// The client a credential object (<c>ApiKeyCredential</c>, <c>AzureKeyCredential</c>) is given
    /// to, which says whose credential it is: an <c>AzureKeyCredential</c> serves every Azure service,
    /// an <c>ApiKeyCredential</c> OpenAI and Azure OpenAI alike.
    /// </summary>
    /// <remarks>
    /// Found where the credential is an argument of the client's constructor, or is held by a local,
    /// parameter, field or property that the same scope passes to one: the member that declares the
    /// local or parameter (the whole file for top-level statements), the declarations in this file
    /// of the type that declares the field or property. Nothing farther is followed — a credential
    /// handed through a factory, or a client made in another file of a partial type (an analyzer
    /// gets no semantic model for another file) — and such a credential counts as given to no
    /// client. Asked only about a constant credential, which is rare; the scope is searched by name,
    /// and only the constructor calls that pass that name are bound.
    /// </remarks>
    internal static class CredentialRecipients
    {
        /// <summary>The client among <paramref name="clients"/> that the credential made by <paramref name="credential"/> is given to, or null.</summary>
        public static INamedTypeSymbol? ClientOf(IObjectCreationOperation credential, ImmutableHashSet<INamedTypeSymbol> clients, CancellationToken cancellationToken)
        {
            IOperation? parent = credential.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IArgumentOperation { Parent: IObjectCreationOperation { Type: INamedTypeSymbol created } })
            {
                return clients.Contains(created) ? created : null;
            }

            ISymbol? holder = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0],
                IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => property.InitializedProperties[0],
                ISimpleAssignmentOperation assignment => HeldBy(assignment.Target),
                _ => null,
            };
            return holder is null || credential.SemanticModel is not SemanticModel model ? null : ClientGiven(holder, model, clients, cancellationToken);
        }

        /// <summary>The client among <paramref name="clients"/> that the credential read by <paramref name="reference"/> (the receiver of its <c>Update</c>) is given to, or null.</summary>
        public static INamedTypeSymbol? ClientOfHolder(IOperation reference, ImmutableHashSet<INamedTypeSymbol> clients, CancellationToken cancellationToken)
            => HeldBy(reference) is ISymbol holder && reference.SemanticModel is SemanticModel model
                ? ClientGiven(holder, model, clients, cancellationToken)
                : null;

        private static ISymbol? HeldBy(IOperation reference) => reference switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Property,
            _ => null,
        };

        private static INamedTypeSymbol? ClientGiven(ISymbol holder, SemanticModel model, ImmutableHashSet<INamedTypeSymbol> clients, CancellationToken cancellationToken)
        {
            foreach (SyntaxNode scope in Scopes(holder, model.SyntaxTree, cancellationToken))
            {
                foreach (ArgumentSyntax argument in scope.DescendantNodes().OfType<ArgumentSyntax>())
                {
                    if (NameOf(argument.Expression) != holder.Name
                        || argument.Parent?.Parent is not BaseObjectCreationExpressionSyntax creation
                        || model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation { Type: INamedTypeSymbol created } operation
                        || !clients.Contains(created))
                    {
                        continue;
                    }

                    foreach (IArgumentOperation passed in operation.Arguments)
                    {
                        IOperation value = passed.Value;
                        while (value is IConversionOperation conversion)
                        {
                            value = conversion.Operand;
                        }

                        if (SymbolEqualityComparer.Default.Equals(HeldBy(value), holder))
                        {
                            return created;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>Where <paramref name="holder"/> may be passed to a client, within <paramref name="tree"/>.</summary>
        private static IEnumerable<SyntaxNode> Scopes(ISymbol holder, SyntaxTree tree, CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in holder.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != tree)
                {
                    continue;
                }

                SyntaxNode declaration = reference.GetSyntax(cancellationToken);
                SyntaxNode? scope = holder is IFieldSymbol or IPropertySymbol
                    ? declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>()
                    : declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>() switch
                    {
                        // Top-level statements: a local of one is in scope in the others.
                        GlobalStatementSyntax global => global.Parent,
                        // A primary constructor's parameter is in scope in the whole type.
                        MemberDeclarationSyntax member => member,
                        null => null,
                    };
                if (scope is not null)
                {
                    yield return scope;
                }
            }
        }

        private static string? NameOf(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = suppressed.Operand;
                        continue;
                    case IdentifierNameSyntax identifier:
                        return identifier.Identifier.ValueText;
                    case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: SimpleNameSyntax name }:
                        return name.Identifier.ValueText;
                    default:
                        return null;
                }
            }
        }
    }
}
