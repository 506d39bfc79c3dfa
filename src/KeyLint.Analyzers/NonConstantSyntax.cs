using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// KL0007's syntax-only test, asked before the semantic model: values that are surely not a
    /// constant credential. Binding a call makes Roslyn bind (and check the nullability of) its
    /// whole method, by far the largest cost of the rule, and most credential arguments in real
    /// code are parameters or calls — which no binding can turn into a constant.
    /// </summary>
    /// <remarks>
    /// False means "maybe constant": the semantic model decides then. Sure answers only: a
    /// parameter of the innermost method, local function or lambda (no local of the same scope can
    /// reuse its name, CS0136), a call other than <c>nameof</c>, an element access, an
    /// <c>await</c>, and members of those.
    /// </remarks>
    internal static class NonConstantSyntax
    {
        public static bool IsSurelyNotConstant(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case IdentifierNameSyntax identifier:
                        return IsParameterOfInnermostFunction(identifier);
                    case InvocationExpressionSyntax invocation:
                        return !(invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" });
                    case ElementAccessExpressionSyntax or AwaitExpressionSyntax or ConditionalAccessExpressionSyntax:
                        return true;
                    case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                        // An instance's member is never a const or static field: C# reaches those through the type.
                        return access.Expression is ThisExpressionSyntax || IsSurelyNotConstant(access.Expression);
                    default:
                        return false;
                }
            }
        }

        /// <summary>True when every argument is surely not constant (a call with no arguments included).</summary>
        public static bool AreSurelyNotConstant(ArgumentListSyntax? arguments)
        {
            if (arguments is null)
            {
                return false;
            }

            foreach (ArgumentSyntax argument in arguments.Arguments)
            {
                if (!IsSurelyNotConstant(argument.Expression))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsParameterOfInnermostFunction(IdentifierNameSyntax identifier)
        {
            string name = identifier.Identifier.ValueText;
            for (SyntaxNode? node = identifier.Parent; node is not null; node = node.Parent)
            {
                // The innermost function's parameters decide. Accessors (with their implicit
                // "value"), indexers and primary constructors are left to the semantic model.
                switch (node)
                {
                    case SimpleLambdaExpressionSyntax simple:
                        return simple.Parameter.Identifier.ValueText == name;
                    case ParenthesizedLambdaExpressionSyntax lambda:
                        return Declares(lambda.ParameterList, name);
                    case AnonymousMethodExpressionSyntax anonymous:
                        return Declares(anonymous.ParameterList, name);
                    case LocalFunctionStatementSyntax local:
                        return Declares(local.ParameterList, name);
                    case BaseMethodDeclarationSyntax method:
                        return Declares(method.ParameterList, name);
                    case MemberDeclarationSyntax or GlobalStatementSyntax:
                        return false;
                }
            }

            return false;
        }

        private static bool Declares(ParameterListSyntax? parameters, string name)
        {
            if (parameters is null)
            {
                return false;
            }

            foreach (ParameterSyntax parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
