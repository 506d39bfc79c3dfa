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
    /// KL0007 for code that calls the REST API of OpenAI or Azure OpenAI directly: a constant key in
    /// an HTTP header. A bearer token in <c>new AuthenticationHeaderValue("Bearer", token)</c>, or in
    /// an <c>Authorization</c> header added as <c>"Bearer " + token</c> or <c>$"Bearer {token}"</c>; an
    /// Azure OpenAI key in an <c>api-key</c> header (<c>headers.Add("api-key", key)</c>).
    /// </summary>
    /// <remarks>
    /// This runs on every file of every compilation, whatever it references: text first, one
    /// search of the file for both words, and the semantic model is asked only about a literal that
    /// passes the syntax checks. A header name held in a constant (<c>Add(ApiKeyHeader, key)</c>) is
    /// not followed: only the literal is searched for.
    /// </remarks>
    internal static class HeaderCredentials
    {
        private const string Bearer = "Bearer";

        /// <summary>The header Azure OpenAI's REST API reads its key from (HTTP header names ignore case).</summary>
        private const string ApiKeyHeader = "api-key";

        private static readonly ImmutableArray<string> s_words = ImmutableArray.Create(Bearer, ApiKeyHeader);

        public static void Analyze(SemanticModel model, CredentialTargets targets, CredentialReport report)
        {
            SyntaxTree tree = model.SyntaxTree;
            SourceText text = tree.GetText(report.CancellationToken);
            if (text.Length < Bearer.Length)
            {
                return;
            }

            // Occurrences of one word come in text order, but those of the two words interleave (the
            // search takes a chunk word by word): each word skips the tokens it has examined.
            var bearerHits = new HitTokens(tree);
            var apiKeyHits = new HitTokens(tree);
            using var search = new SourceTextSearch(text, s_words, StringComparison.OrdinalIgnoreCase);
            while (search.MoveNext(report.CancellationToken))
            {
                bool isBearer = string.Equals(search.Value, Bearer, StringComparison.Ordinal);
                ref HitTokens hits = ref isBearer ? ref bearerHits : ref apiKeyHits;
                if (hits.IsExamined(search.Position) || hits.TokenAt(search.Position, report.CancellationToken) is not SyntaxToken token)
                {
                    continue;
                }

                if (isBearer)
                {
                    if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                    {
                        CheckBearer(token, model, targets, report);
                    }
                }
                else if (token.IsKind(SyntaxKind.StringLiteralToken))
                {
                    CheckApiKeyHeader(token, model, targets, report);
                }
            }
        }

        /// <summary><c>headers.Add("api-key", key)</c>, also <c>TryAddWithoutValidation</c>: the key is reported if constant.</summary>
        private static void CheckApiKeyHeader(SyntaxToken token, SemanticModel model, CredentialTargets targets, CredentialReport report)
        {
            if (!token.ValueText.Equals(ApiKeyHeader, StringComparison.OrdinalIgnoreCase)
                || token.Parent is not LiteralExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } nameArgument }
                || list.Arguments.Count != 2
                || list.Arguments.IndexOf(nameArgument) != 0
                || nameArgument.NameColon is not null
                || !IsHeaderAddName(invocation.Expression)
                || NonConstantSyntax.IsSurelyNotConstant(list.Arguments[1].Expression)
                || model.GetOperation(invocation, report.CancellationToken) is not IInvocationOperation call
                || !IsHeaderAdd(call, targets))
            {
                return;
            }

            IArgumentOperation? value = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
            if (value is not null && value.Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                report.ReportIfConstant(value.Value, "the api-key header (Azure OpenAI key)", isAzure: true);
            }
        }

        /// <summary>
        /// The call spells <c>Add</c> or <c>TryAddWithoutValidation</c>: checked before binding, so a
        /// "Bearer …" that is logged or formatted (<c>Console.WriteLine($"Bearer {token}")</c>) binds nothing.
        /// </summary>
        private static bool IsHeaderAddName(ExpressionSyntax expression)
        {
            string? name = expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            };
            return name is "Add" or "TryAddWithoutValidation";
        }

        private static bool IsHeaderAdd(IInvocationOperation call, CredentialTargets targets)
            => call.TargetMethod.Name is "Add" or "TryAddWithoutValidation"
                && CredentialTargets.IsOrDerivesFrom(call.TargetMethod.ContainingType, targets.HttpHeaders);

        private static void CheckBearer(SyntaxToken token, SemanticModel model, CredentialTargets targets, CredentialReport report)
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
                || !IsHeaderAddName(invocation.Expression)
                || TokenSyntax(header, outermost) is ExpressionSyntax tokenSyntax && NonConstantSyntax.IsSurelyNotConstant(tokenSyntax)
                || model.GetOperation(invocation, report.CancellationToken) is not IInvocationOperation call
                || !IsHeaderAdd(call, targets)
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
    }
}
