using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// Where a read that may be null certainly warns, known from the original code: the read then
    /// ends in <c>?? throw</c> from the start instead of being compiled plain first. This halves the
    /// light bulb's work at such sites, and covers the one case the compile check cannot see: a field
    /// or property initializer, whose nullable warnings come from the constructors' analysis, which
    /// may sit in another file of a partial type. Anything not recognised here is left to the check.
    /// </summary>
    internal static class NonNullTargets
    {
        public static bool NullWouldWarn(Site site, SemanticModel model)
        {
            if (!site.PassesTheReadOn || !model.GetNullableContext(site.Replaced.SpanStart).WarningsEnabled())
            {
                return false;
            }

            SyntaxNode value = site.Replaced;
            while (value.Parent is ParenthesizedExpressionSyntax)
            {
                value = value.Parent;
            }

            // A UTF-8 literal becomes Encoding.UTF8.GetBytes(read), whose parameter is not nullable.
            if (site.Variants > 1)
            {
                return true;
            }

            ITypeSymbol? target = value.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent?.Parent is FieldDeclarationSyntax
                    => (model.GetDeclaredSymbol(declarator) as IFieldSymbol)?.Type,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: false } } declarator }
                    => (model.GetDeclaredSymbol(declarator) as ILocalSymbol)?.Type,
                EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => (model.GetDeclaredSymbol(property) as IPropertySymbol)?.Type,
                ArgumentSyntax argument => (model.GetOperation(argument) as IArgumentOperation)?.Parameter?.Type,
                AssignmentExpressionSyntax assignment when assignment.Right == value && assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression)
                    => model.GetSymbolInfo(assignment.Left).Symbol switch
                    {
                        IFieldSymbol field => field.Type,
                        IPropertySymbol property => property.Type,
                        ILocalSymbol local => local.Type,
                        IParameterSymbol parameter => parameter.Type,
                        _ => null,
                    },
                _ => null,
            };
            return target is { IsReferenceType: true, NullableAnnotation: NullableAnnotation.NotAnnotated } and not ITypeParameterSymbol;
        }
    }
}
