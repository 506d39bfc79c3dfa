using System;
using System.Collections.Immutable;
using System.Linq;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// KL0007 for code that calls OpenAI's REST API directly: a constant bearer token in
    /// <c>new AuthenticationHeaderValue("Bearer", token)</c>, or in an <c>Authorization</c> header added as
    /// <c>"Bearer " + token</c> or <c>$"Bearer {token}"</c>. Text first: a file that never spells
    /// "Bearer" costs one search.
    /// </summary>
    internal static class BearerTokens
    {
        private const string Bearer = "Bearer";

        private static readonly ImmutableArray<string> s_bearer = ImmutableArray.Create(Bearer);

        public static void Analyze(SemanticModelAnalysisContext context, CredentialTargets targets)
        {
            SyntaxTree tree = context.SemanticModel.SyntaxTree;
            SourceText text = tree.GetText(context.CancellationToken);
            if (text.Length < Bearer.Length)
            {
                return;
            }

            SyntaxNode? root = null;
            int examinedUpTo = 0;
            using var search = new SourceTextSearch(text, s_bearer, StringComparison.OrdinalIgnoreCase);
            while (search.MoveNext(context.CancellationToken))
            {
                if (search.Position < examinedUpTo)
                {
                    continue;
                }

                context.CancellationToken.ThrowIfCancellationRequested();
                root ??= tree.GetRoot(context.CancellationToken);
                SyntaxToken token = root.FindToken(search.Position);
                if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                {
                    continue;
                }

                examinedUpTo = token.Span.End;
                Diagnostic? diagnostic = Check(token, context.SemanticModel, targets, context);
                if (diagnostic is not null)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }

        private static Diagnostic? Check(SyntaxToken token, SemanticModel model, CredentialTargets targets, SemanticModelAnalysisContext context)
        {
            string value = token.ValueText;

            // new AuthenticationHeaderValue("Bearer", token)
            if (value.Equals(Bearer, StringComparison.OrdinalIgnoreCase)
                && token.Parent is LiteralExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } list } schemeArgument }
                && list.Arguments.IndexOf(schemeArgument) == 0
                && list.Arguments.Count == 2
                && !NonConstantSyntax.IsSurelyNotConstant(list.Arguments[1].Expression)
                && model.GetOperation(creation, context.CancellationToken) is IObjectCreationOperation { Type: INamedTypeSymbol created } operation
                && SymbolEqualityComparer.Default.Equals(created, targets.AuthenticationHeaderValue))
            {
                IArgumentOperation? parameter = operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
                return parameter is null ? null : HardcodedCredentialAnalyzer.CreateIfConstant(parameter.Value, "AuthenticationHeaderValue (Bearer token)", HardcodedCredentialAnalyzer.OpenAIService, context.CancellationToken);
            }

            // headers.Add("Authorization", "Bearer …"), also TryAddWithoutValidation
            if (!value.StartsWith(Bearer + " ", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            SyntaxNode header = token.Parent is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } ? interpolated : token.Parent!;
            SyntaxNode outermost = header;
            while (outermost.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression) && binary.Left == outermost)
            {
                outermost = binary;
            }

            if (outermost.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                || TokenSyntax(header, outermost) is ExpressionSyntax tokenSyntax && NonConstantSyntax.IsSurelyNotConstant(tokenSyntax)
                || model.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation call
                || call.TargetMethod.Name is not ("Add" or "TryAddWithoutValidation")
                || !DerivesFrom(call.TargetMethod.ContainingType, targets.HttpHeaders)
                || call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue is not { HasValue: true, Value: string name }
                || !name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return TokenPart(header, outermost, model, context);
        }

        /// <summary>The expression that holds the token of a "Bearer " + token or $"Bearer {token}" value; null for one literal.</summary>
        private static ExpressionSyntax? TokenSyntax(SyntaxNode header, SyntaxNode outermost)
            => header == outermost && header is InterpolatedStringExpressionSyntax interpolated
                ? interpolated.Contents.OfType<InterpolationSyntax>().FirstOrDefault()?.Expression
                : header.Parent is BinaryExpressionSyntax binary && binary.Left == header ? binary.Right : null;

        /// <summary>The part of a "Bearer …" value that is the token, if it is constant.</summary>
        private static Diagnostic? TokenPart(SyntaxNode header, SyntaxNode outermost, SemanticModel model, SemanticModelAnalysisContext context)
        {
            const string What = "the Authorization header (Bearer token)";
            IOperation? tokenOperation = null;
            Location? location = null;

            if (header is LiteralExpressionSyntax literal && header == outermost)
            {
                // "Bearer abc…" in one literal: point at the token's characters when the source spells them out.
                string tokenText = literal.Token.ValueText.Substring(Bearer.Length + 1).Trim();
                if (tokenText.Length == 0 || KeyScanner.ContainsKey(tokenText.AsSpan()))
                {
                    return null;
                }

                int offset = literal.Token.Text.IndexOf(tokenText, StringComparison.Ordinal);
                location = offset >= 0
                    ? Location.Create(literal.SyntaxTree, new TextSpan(literal.SpanStart + offset, tokenText.Length))
                    : literal.GetLocation();
                return Diagnostic.Create(
                    KeyLintDescriptors.KL0007_HardcodedCredential,
                    location,
                    System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(HardcodedCredentialAnalyzer.ServiceProperty, HardcodedCredentialAnalyzer.OpenAIService),
                    What);
            }

            if (header is InterpolatedStringExpressionSyntax interpolated && header == outermost)
            {
                // $"Bearer {token}": the first hole after the scheme.
                InterpolationSyntax? hole = interpolated.Contents.OfType<InterpolationSyntax>().FirstOrDefault();
                tokenOperation = hole is null ? null : model.GetOperation(hole.Expression, context.CancellationToken);
            }
            else if (header.Parent is BinaryExpressionSyntax binary && binary.Left == header)
            {
                // "Bearer " + token
                tokenOperation = model.GetOperation(binary.Right, context.CancellationToken);
            }

            return tokenOperation is null
                ? null
                : HardcodedCredentialAnalyzer.CreateIfConstant(tokenOperation, What, HardcodedCredentialAnalyzer.OpenAIService, context.CancellationToken);
        }

        private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
