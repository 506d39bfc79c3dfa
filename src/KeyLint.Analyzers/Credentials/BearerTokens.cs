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

        public static void Analyze(SemanticModel model, CredentialTargets targets, CredentialReport report)
        {
            SyntaxTree tree = model.SyntaxTree;
            SourceText text = tree.GetText(report.CancellationToken);
            if (text.Length < Bearer.Length)
            {
                return;
            }

            SyntaxNode? root = null;
            int examinedUpTo = 0;
            using var search = new SourceTextSearch(text, s_bearer, StringComparison.OrdinalIgnoreCase);
            while (search.MoveNext(report.CancellationToken))
            {
                if (search.Position < examinedUpTo)
                {
                    continue;
                }

                report.CancellationToken.ThrowIfCancellationRequested();
                root ??= tree.GetRoot(report.CancellationToken);
                SyntaxToken token = root.FindToken(search.Position);
                if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                {
                    continue;
                }

                examinedUpTo = token.Span.End;
                Check(token, model, targets, report);
            }
        }

        private static void Check(SyntaxToken token, SemanticModel model, CredentialTargets targets, CredentialReport report)
        {
            string value = token.ValueText;

            // new AuthenticationHeaderValue("Bearer", token)
            if (value.Equals(Bearer, StringComparison.OrdinalIgnoreCase)
                && token.Parent is LiteralExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } list } schemeArgument }
                && list.Arguments.IndexOf(schemeArgument) == 0
                && list.Arguments.Count == 2
                && !NonConstantSyntax.IsSurelyNotConstant(list.Arguments[1].Expression)
                && model.GetOperation(creation, report.CancellationToken) is IObjectCreationOperation { Type: INamedTypeSymbol created } operation
                && SymbolEqualityComparer.Default.Equals(created, targets.AuthenticationHeaderValue))
            {
                IArgumentOperation? parameter = operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
                if (parameter is not null)
                {
                    report.ReportIfConstant(parameter.Value, "AuthenticationHeaderValue (Bearer token)", isAzure: false);
                }

                return;
            }

            // headers.Add("Authorization", "Bearer …"), also TryAddWithoutValidation
            if (!value.StartsWith(Bearer + " ", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            SyntaxNode header = token.Parent is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } ? interpolated : token.Parent!;
            SyntaxNode outermost = header;
            while (outermost.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression) && binary.Left == outermost)
            {
                outermost = binary;
            }

            if (outermost.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                || TokenSyntax(header, outermost) is ExpressionSyntax tokenSyntax && NonConstantSyntax.IsSurelyNotConstant(tokenSyntax)
                || model.GetOperation(invocation, report.CancellationToken) is not IInvocationOperation call
                || call.TargetMethod.Name is not ("Add" or "TryAddWithoutValidation")
                || !DerivesFrom(call.TargetMethod.ContainingType, targets.HttpHeaders)
                || call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue is not { HasValue: true, Value: string name }
                || !name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            ReportTokenPart(header, outermost, model, report);
        }

        /// <summary>The expression that holds the token of a "Bearer " + token or $"Bearer {token}" value; null for one literal.</summary>
        private static ExpressionSyntax? TokenSyntax(SyntaxNode header, SyntaxNode outermost)
            => header == outermost && header is InterpolatedStringExpressionSyntax interpolated
                ? interpolated.Contents.OfType<InterpolationSyntax>().FirstOrDefault()?.Expression
                : header.Parent is BinaryExpressionSyntax binary && binary.Left == header ? binary.Right : null;

        /// <summary>Reports the part of a "Bearer …" value that is the token, if it is constant.</summary>
        private static void ReportTokenPart(SyntaxNode header, SyntaxNode outermost, SemanticModel model, CredentialReport report)
        {
            const string What = "the Authorization header (Bearer token)";
            IOperation? tokenOperation = null;

            if (header is LiteralExpressionSyntax literal && header == outermost)
            {
                // "Bearer abc…" in one literal: point at the token's characters when the source spells them out.
                string tokenText = literal.Token.ValueText.Substring(Bearer.Length + 1).Trim();
                int offset = tokenText.Length == 0 ? -1 : literal.Token.Text.IndexOf(tokenText, StringComparison.Ordinal);
                Location location = offset >= 0
                    ? Location.Create(literal.SyntaxTree, new TextSpan(literal.SpanStart + offset, tokenText.Length))
                    : literal.GetLocation();
                report.Report(tokenText, location, What, isAzure: false);
                return;
            }

            if (header is InterpolatedStringExpressionSyntax interpolated && header == outermost)
            {
                // $"Bearer {token}": the first hole after the scheme.
                InterpolationSyntax? hole = interpolated.Contents.OfType<InterpolationSyntax>().FirstOrDefault();
                tokenOperation = hole is null ? null : model.GetOperation(hole.Expression, report.CancellationToken);
            }
            else if (header.Parent is BinaryExpressionSyntax binary && binary.Left == header)
            {
                // "Bearer " + token
                tokenOperation = model.GetOperation(binary.Right, report.CancellationToken);
            }

            if (tokenOperation is not null)
            {
                report.ReportIfConstant(tokenOperation, What, isAzure: false);
            }
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
