using System;
using System.Threading;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// What a diagnostic points at, to tell distinct keys apart when setting names are given out:
    /// the key, found the way the analyzer found it; for KL0007 the constant credential. Never shown
    /// to anyone: it only keys a dictionary.
    /// </summary>
    internal static class KeyIdentity
    {
        public static string Of(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            TextSpan span = diagnostic.Location.SourceSpan;
            if (diagnostic.Id == RuleIdentifiers.HardcodedCredential)
            {
                SyntaxNode credential = root.FindNode(span, getInnermostNodeForTie: true);
                return model.GetConstantValue(credential, cancellationToken) is { HasValue: true, Value: string constant }
                    ? "credential:" + constant
                    : Unidentified(span);
            }

            SyntaxToken token = root.FindToken(span.Start);
            if (KeyLocations.IsStringTextToken(token) && token.Span.Contains(span))
            {
                string source = root.SyntaxTree.GetText(cancellationToken).ToString(span);
                return KeyScanner.IsKey(source.AsSpan(), out _) ? source : FirstKey(token.ValueText) ?? Unidentified(span);
            }

            SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
            return model.GetConstantValue(node, cancellationToken) is { HasValue: true, Value: string value }
                ? FirstKey(value) ?? Unidentified(span)
                : Unidentified(span);
        }

        /// <summary>A key the fix cannot read back is its own distinct key: it never shares a setting.</summary>
        private static string Unidentified(TextSpan span) => "at:" + span.Start;

        private static string? FirstKey(string value)
        {
            KeyMatchEnumerator matches = KeyScanner.Find(value.AsSpan());
            return matches.MoveNext() ? value.Substring(matches.Current.Start, matches.Current.Length) : null;
        }
    }
}
