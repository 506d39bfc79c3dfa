using System;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KeyLint.Analyzers
{
    /// <summary>What a candidate position of a file turned out to be, in Roslyn's terms.</summary>
    internal static class KeyLocations
    {
        /// <summary>True for tokens whose value is string text: every form a C# string can take.</summary>
        public static bool IsStringTextToken(SyntaxToken token)
        {
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.Utf8StringLiteralToken:
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                case SyntaxKind.InterpolatedStringTextToken:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The node a diagnostic covers when the key cannot be pointed at character by character
        /// (it is written with escapes): the literal, or the whole interpolated string.
        /// </summary>
        public static SyntaxNode? WholeStringNode(SyntaxToken token)
        {
            SyntaxNode? parent = token.Parent;
            return parent is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated }
                ? interpolated
                : parent;
        }

        /// <summary>How a KL0005 message names the place a key was found in.</summary>
        public static string? DescribeNonCodeTrivia(SyntaxTrivia trivia)
        {
            switch (trivia.Kind())
            {
                case SyntaxKind.SingleLineCommentTrivia:
                case SyntaxKind.MultiLineCommentTrivia:
                    return "a comment";
                case SyntaxKind.SingleLineDocumentationCommentTrivia:
                case SyntaxKind.MultiLineDocumentationCommentTrivia:
                    return "a documentation comment";
                case SyntaxKind.DisabledTextTrivia:
                    return "disabled code";
                case SyntaxKind.WhitespaceTrivia:
                case SyntaxKind.EndOfLineTrivia:
                case SyntaxKind.SkippedTokensTrivia:
                    return null;
                default:
                    // #region, #error, #warning, #pragma and the other directives carry free text too.
                    return trivia.IsDirective ? "a preprocessor directive" : null;
            }
        }

        /// <summary>The message arguments of a key written in code.</summary>
        public static object[] MessageArguments(DiagnosticDescriptor descriptor, KeyKind kind, ReadOnlySpan<char> key, string redacted)
            => descriptor == KeyLintDescriptors.KL0002_HardcodedServiceAccountKey ? new object[] { KeyLintDescriptors.DisplayName(kind), redacted }
                : descriptor == KeyLintDescriptors.KL0008_HardcodedAzureKey ? AzureKeyMessageArguments(key, redacted, HardcodedPlace)
                : new object[] { redacted };

        /// <summary>How a KL0008 message says a key is in code, as opposed to "in a comment" or "in appsettings.json".</summary>
        public const string HardcodedPlace = "hardcoded";

        /// <summary>KL0008's arguments: the service the key was issued for, the redacted key, where it is.</summary>
        public static object[] AzureKeyMessageArguments(ReadOnlySpan<char> key, string redacted, string place)
            => new object[] { AzureKeyFormat.ServiceName(key), redacted, place };
    }
}
