using System;
using System.Linq;
using System.Threading;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// The piece of syntax a key fix rewrites, and how: the whole expression, only the key's
    /// characters inside a longer literal, or the bytes of a UTF-8 literal.
    /// </summary>
    internal sealed class Site
    {
        private enum Shape
        {
            /// <summary>The expression's value holds the key, maybe with text the source does not spell out around it.</summary>
            WholeExpression,

            /// <summary>A UTF-8 literal whose value is exactly the key.</summary>
            Utf8Literal,

            /// <summary>The key is part of a literal or interpolated string that spells it out.</summary>
            InsideString,
        }

        private readonly Shape _shape;
        private readonly string _valueBefore;
        private readonly string _valueAfter;
        private readonly TextSpan _keySpanInReplaced;

        private Site(Shape shape, ExpressionSyntax replaced, string valueBefore = "", string valueAfter = "", TextSpan keySpanInReplaced = default)
        {
            _shape = shape;
            Replaced = replaced;
            _valueBefore = valueBefore;
            _valueAfter = valueAfter;
            _keySpanInReplaced = keySpanInReplaced;
            ConstDeclarator = ConstantContexts.EnclosingConstDeclarator(replaced);
        }

        /// <summary>The expression the fix replaces.</summary>
        public ExpressionSyntax Replaced { get; }

        /// <summary>The const declaration whose initializer holds the key: it must stop being const.</summary>
        public VariableDeclaratorSyntax? ConstDeclarator { get; }

        /// <param name="anyConstant">
        /// KL0007: the expression is a credential of any shape; it is replaced whole, without looking for a key in it.
        /// </param>
        public static Site? Find(SyntaxNode root, TextSpan span, SemanticModel model, CancellationToken cancellationToken, bool anyConstant = false)
        {
            SyntaxToken token = root.FindToken(span.Start);
            if (KeyLocations.IsStringTextToken(token) && token.Span.Contains(span) && token.Span != span)
            {
                bool isUtf8 = IsUtf8(token);
                string key = root.SyntaxTree.GetText(cancellationToken).ToString(span);
                if (token.Parent is LiteralExpressionSyntax literal)
                {
                    if (token.ValueText == key)
                    {
                        return new Site(isUtf8 ? Shape.Utf8Literal : Shape.WholeExpression, literal);
                    }

                    return isUtf8 ? null : new Site(Shape.InsideString, literal, keySpanInReplaced: new TextSpan(span.Start - literal.SpanStart, span.Length));
                }

                if (token.Parent?.Parent is InterpolatedStringExpressionSyntax interpolated)
                {
                    return new Site(Shape.InsideString, interpolated, keySpanInReplaced: new TextSpan(span.Start - interpolated.SpanStart, span.Length));
                }

                return null;
            }

            if (anyConstant)
            {
                return root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax credential && credential.Span == span
                    ? new Site(Shape.WholeExpression, credential)
                    : null;
            }

            // The key is not spelled out: written with escapes, or assembled from constants.
            if (root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression
                || model.GetConstantValue(expression, cancellationToken) is not { HasValue: true, Value: string value })
            {
                return null;
            }

            KeyMatchEnumerator matches = KeyScanner.Find(value.AsSpan());
            if (!matches.MoveNext())
            {
                return null;
            }

            KeyMatch match = matches.Current;
            if (matches.MoveNext())
            {
                // Two keys in one expression: no single read can replace both.
                return null;
            }

            if (expression is LiteralExpressionSyntax { Token: var literalToken } && IsUtf8(literalToken))
            {
                return match.Length == value.Length ? new Site(Shape.Utf8Literal, expression) : null;
            }

            return new Site(Shape.WholeExpression, expression, value.Substring(0, match.Start), value.Substring(match.End));
        }

        private static bool IsUtf8(SyntaxToken token)
            => token.IsKind(SyntaxKind.Utf8StringLiteralToken)
                || token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken)
                || token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken);

        /// <summary>
        /// How many forms of the replacement to try, simplest first. A UTF-8 literal has two: the
        /// bytes as an array, then as the <c>ReadOnlySpan&lt;byte&gt;</c> the literal was, which fits
        /// wherever the literal did (<c>"…"u8.ToArray()</c>, for one).
        /// </summary>
        public int Variants => _shape == Shape.Utf8Literal ? 2 : 1;

        /// <summary>
        /// True when the read is the replacement's whole value, or is turned into bytes: then a null
        /// read reaches the target (the replacement of a key inside a longer text is an interpolated
        /// string, never null).
        /// </summary>
        public bool PassesTheReadOn => _shape == Shape.Utf8Literal || (_shape == Shape.WholeExpression && _valueBefore.Length == 0 && _valueAfter.Length == 0);

        /// <summary>The expression that replaces <see cref="Replaced"/>, reading the key with <paramref name="read"/>.</summary>
        public ExpressionSyntax? BuildReplacement(string read, TypeNames types, int variant = 0)
        {
            string text;
            switch (_shape)
            {
                case Shape.WholeExpression when _valueBefore.Length == 0 && _valueAfter.Length == 0:
                    // Parenthesised so "?? throw" keeps its meaning in any context: the simplifier drops
                    // redundant parentheses; without it, they are written only where needed.
                    text = !types.IsShort || (read.Contains(" ?? ") && !TakesAnyExpression(Replaced)) ? "(" + read + ")" : read;
                    break;
                case Shape.WholeExpression:
                    text = "$\"" + EscapeForInterpolation(_valueBefore) + "{" + Hole(read) + "}" + EscapeForInterpolation(_valueAfter) + "\"";
                    break;
                case Shape.Utf8Literal when variant == 0:
                    text = types.Encoding + ".UTF8.GetBytes(" + read + ")";
                    break;
                case Shape.Utf8Literal:
                    text = "new " + types.ReadOnlySpanOfByte + "(" + types.Encoding + ".UTF8.GetBytes(" + read + "))";
                    break;
                default:
                    text = SpliceIntoString(read);
                    break;
            }

            ExpressionSyntax expression = SyntaxFactory.ParseExpression(text);
            if (expression.ContainsDiagnostics || expression.FullSpan.Length != text.Length)
            {
                return null;
            }

            // Mark the hole this fix made, so its parentheses can go once names are simplified.
            int hole = text.IndexOf(Hole(read), StringComparison.Ordinal);
            if (hole >= 0 && _shape != Shape.Utf8Literal && !(_shape == Shape.WholeExpression && _valueBefore.Length == 0 && _valueAfter.Length == 0))
            {
                SyntaxNode parenthesized = expression.FindNode(new TextSpan(hole, Hole(read).Length), getInnermostNodeForTie: true);
                if (parenthesized is ParenthesizedExpressionSyntax)
                {
                    expression = expression.ReplaceNode(parenthesized, parenthesized.WithAdditionalAnnotations(HoleAnnotation));
                }
            }

            return expression;
        }

        /// <summary>Whether the type names of a UTF-8 replacement matter (<see cref="TypeNames"/>).</summary>
        public bool UsesEncoding => _shape == Shape.Utf8Literal;

        /// <summary>Places where any expression, a <c>??</c> included, stands without parentheses.</summary>
        private static bool TakesAnyExpression(ExpressionSyntax replaced) => replaced.Parent switch
        {
            EqualsValueClauseSyntax or ArgumentSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or InitializerExpressionSyntax => true,
            AssignmentExpressionSyntax assignment => assignment.Right == replaced,
            _ => false,
        };

        /// <summary>Marks the parenthesised expression of an interpolation hole a fix created.</summary>
        public static readonly SyntaxAnnotation HoleAnnotation = new SyntaxAnnotation("KeyLint.Hole");

        /// <summary>
        /// Drops the parentheses of the holes a fix created where nothing needs them any more:
        /// after simplification, <c>global::</c> is usually gone and no ':' is left at the top level.
        /// </summary>
        public static SyntaxNode UnwrapHoles(SyntaxNode root)
            => root.ReplaceNodes(
                root.GetAnnotatedNodes(HoleAnnotation).OfType<ParenthesizedExpressionSyntax>(),
                (original, rewritten) =>
                {
                    var parenthesized = (ParenthesizedExpressionSyntax)rewritten;
                    bool needsParentheses = parenthesized.Expression is ConditionalExpressionSyntax
                        || parenthesized.Expression.DescendantNodesAndSelf().OfType<AliasQualifiedNameSyntax>().Any();
                    return needsParentheses ? parenthesized : parenthesized.Expression.WithTriviaFrom(parenthesized);
                });

        /// <summary>Replaces the key's characters in the string's source text with an interpolation hole.</summary>
        private string SpliceIntoString(string read)
        {
            string source = Replaced.ToString();
            string before = source.Substring(0, _keySpanInReplaced.Start);
            string after = source.Substring(_keySpanInReplaced.End);

            if (Replaced is InterpolatedStringExpressionSyntax interpolated)
            {
                string start = interpolated.StringStartToken.Text;
                int dollars = start.Count(c => c == '$');
                bool isRaw = start.EndsWith("\"\"\"", StringComparison.Ordinal);
                int braces = isRaw ? dollars : 1;
                return before + new string('{', braces) + Hole(read) + new string('}', braces) + after;
            }

            SyntaxToken token = ((LiteralExpressionSyntax)Replaced).Token;
            if (token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
            {
                // A raw string needs one more '$' than its longest run of braces, and as many braces per hole.
                int count = LongestBraceRun(source) + 1;
                return new string('$', count) + before + new string('{', count) + Hole(read) + new string('}', count) + after;
            }

            // Regular and verbatim strings: "$" in front ("$@" for verbatim), braces doubled.
            return "$" + DoubleBraces(before) + "{" + Hole(read) + "}" + DoubleBraces(after);
        }

        /// <summary>
        /// An interpolation hole's expression, parenthesised: a ':' at its top level (as in
        /// <c>global::</c>) would start a format string. The simplifier removes parentheses it can.
        /// </summary>
        private static string Hole(string read) => "(" + read + ")";

        private static string EscapeForInterpolation(string value) => DoubleBraces(SymbolDisplay.FormatLiteral(value, quote: false));

        private static string DoubleBraces(string text) => text.Replace("{", "{{").Replace("}", "}}");

        private static int LongestBraceRun(string text)
        {
            int longest = 0, run = 0;
            char previous = '\0';
            foreach (char c in text)
            {
                bool isBrace = c == '{' || c == '}';
                run = isBrace ? (c == previous ? run + 1 : 1) : 0;
                longest = Math.Max(longest, run);
                previous = c;
            }

            return longest;
        }
    }
}
