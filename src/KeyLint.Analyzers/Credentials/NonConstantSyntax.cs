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
        /// <summary>How many local initialisers deep <c>var b = a; var c = b;</c> is followed.</summary>
        private const int MaxLocalHops = 3;

        public static bool IsSurelyNotConstant(ExpressionSyntax expression) => IsSurelyNotConstant(expression, MaxLocalHops);

        private static bool IsSurelyNotConstant(ExpressionSyntax expression, int hops)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case IdentifierNameSyntax identifier:
                        return IsParameterOfInnermostFunction(identifier)
                            || IsInstanceMemberOfContainingType(identifier)
                            || (hops > 0 && IsLocalInitialisedWithNonConstant(identifier, hops - 1));
                    case BaseObjectCreationExpressionSyntax:
                        // Never a string constant; whatever it is built from is a site of its own.
                        return true;
                    case InvocationExpressionSyntax invocation:
                        return !(invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" });
                    case ElementAccessExpressionSyntax or AwaitExpressionSyntax or ConditionalAccessExpressionSyntax:
                        return true;
                    case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                        // An instance's member is never a const or static field: C# reaches those through the type.
                        return access.Expression is ThisExpressionSyntax || IsSurelyNotConstant(access.Expression, hops);
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

        /// <summary>
        /// A local of the innermost function declared once, with an initialiser that is surely not
        /// constant (a credential must be a local initialised from a constant and never assigned).
        /// Any other declaration of the name there (foreach, out var, pattern, catch) leaves it open.
        /// </summary>
        private static bool IsLocalInitialisedWithNonConstant(IdentifierNameSyntax identifier, int hops)
        {
            SyntaxNode? function = InnermostFunction(identifier);
            if (function is null)
            {
                return false;
            }

            string name = identifier.Identifier.ValueText;
            VariableDeclaratorSyntax? declarator = null;
            foreach (SyntaxNode node in function.DescendantNodes(n => n == function || !IsFunction(n)))
            {
                bool declares = node switch
                {
                    VariableDeclaratorSyntax variable => variable.Identifier.ValueText == name,
                    SingleVariableDesignationSyntax designation => designation.Identifier.ValueText == name,
                    ForEachStatementSyntax forEach => forEach.Identifier.ValueText == name,
                    CatchDeclarationSyntax @catch => @catch.Identifier.ValueText == name,
                    FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax or QueryContinuationSyntax => true,
                    _ => false,
                };
                if (!declares)
                {
                    continue;
                }

                if (declarator is not null || node is not VariableDeclaratorSyntax variableDeclarator)
                {
                    return false;
                }

                declarator = variableDeclarator;
            }

            return declarator?.Initializer?.Value is ExpressionSyntax value && IsSurelyNotConstant(value, hops);
        }

        /// <summary>
        /// A property, event, instance field or writable static field of the innermost type, named
        /// where no local, parameter or range variable of the member can take the name
        /// (<c>$"Bearer {_apiKey}"</c>, <c>"Bearer " + Token</c>): a credential constant in fact is a
        /// const, a static readonly field or a local. Members C# cannot redeclare under the same name
        /// in another part of the type, so one part's declaration is enough.
        /// </summary>
        private static bool IsInstanceMemberOfContainingType(IdentifierNameSyntax identifier)
        {
            MemberDeclarationSyntax? member = null;
            for (SyntaxNode? current = identifier.Parent; current is not null; current = current.Parent)
            {
                if (current is BaseTypeDeclarationSyntax)
                {
                    break;
                }

                if (current is MemberDeclarationSyntax declaration)
                {
                    member = declaration;
                }
            }

            if (member?.Parent is not TypeDeclarationSyntax type)
            {
                return false;
            }

            string name = identifier.Identifier.ValueText;
            foreach (SyntaxNode node in member.DescendantNodes())
            {
                bool declares = node switch
                {
                    VariableDeclaratorSyntax variable => variable.Identifier.ValueText == name,
                    SingleVariableDesignationSyntax designation => designation.Identifier.ValueText == name,
                    ParameterSyntax parameter => parameter.Identifier.ValueText == name,
                    ForEachStatementSyntax forEach => forEach.Identifier.ValueText == name,
                    CatchDeclarationSyntax @catch => @catch.Identifier.ValueText == name,
                    LocalFunctionStatementSyntax function => function.Identifier.ValueText == name,
                    FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax or QueryContinuationSyntax => true,
                    _ => false,
                };
                if (declares)
                {
                    return false;
                }
            }

            foreach (MemberDeclarationSyntax declared in type.Members)
            {
                switch (declared)
                {
                    case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    case EventDeclarationSyntax @event when @event.Identifier.ValueText == name:
                        return true;
                    case BaseFieldDeclarationSyntax field when Declares(field.Declaration, name):
                        // Not a const, and not a static readonly field: those may hold a constant.
                        return field is EventFieldDeclarationSyntax
                            || !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                            && !(field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword));
                }
            }

            return false;
        }

        private static bool Declares(VariableDeclarationSyntax declaration, string name)
        {
            foreach (VariableDeclaratorSyntax variable in declaration.Variables)
            {
                if (variable.Identifier.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsFunction(SyntaxNode node)
            => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

        /// <summary>The innermost lambda, anonymous method, local function or method around <paramref name="node"/>.</summary>
        private static SyntaxNode? InnermostFunction(SyntaxNode node)
        {
            for (SyntaxNode? current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax:
                        return current;
                    case MemberDeclarationSyntax or GlobalStatementSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The innermost function's parameters decide. Accessors (with their implicit "value"),
        /// indexers and primary constructors are left to the semantic model.
        /// </summary>
        private static bool IsParameterOfInnermostFunction(IdentifierNameSyntax identifier)
        {
            string name = identifier.Identifier.ValueText;
            return InnermostFunction(identifier) switch
            {
                SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText == name,
                ParenthesizedLambdaExpressionSyntax lambda => Declares(lambda.ParameterList, name),
                AnonymousMethodExpressionSyntax anonymous => Declares(anonymous.ParameterList, name),
                LocalFunctionStatementSyntax local => Declares(local.ParameterList, name),
                BaseMethodDeclarationSyntax method => Declares(method.ParameterList, name),
                _ => false,
            };
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
