using System;

namespace KeyLint.Scanning
{
    /// <summary>
    /// Shows a key the way the OpenAI dashboard does — its prefix, an ellipsis and its last four
    /// characters (<c>sk-proj-…AbCd</c>) — so messages and logs can name a key without leaking it.
    /// </summary>
    public static class KeyRedactor
    {
        public const char Ellipsis = '\u2026';

        /// <summary>The number of trailing characters shown, as on the OpenAI dashboard.</summary>
        public const int VisibleSuffixLength = 4;

        public static string Redact(ReadOnlySpan<char> text, KeyMatch match)
            => Redact(text.Slice(match.Start, match.Length), match.PrefixLength);

        /// <summary>
        /// <paramref name="text"/> with every key in it redacted; the same string when it holds no
        /// key. For text that is echoed back to the user (an option's value, for example).
        /// </summary>
        public static string RedactAll(string text)
        {
            if (!KeyScanner.ContainsKey(text.AsSpan()))
            {
                return text;
            }

            var result = new System.Text.StringBuilder(text.Length);
            int copiedUpTo = 0;
            foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
            {
                result.Append(text, copiedUpTo, match.Start - copiedUpTo);
                result.Append(Redact(text.AsSpan(), match));
                copiedUpTo = match.Start + match.Length;
            }

            return result.Append(text, copiedUpTo, text.Length - copiedUpTo).ToString();
        }

        /// <summary>Redacts <paramref name="key"/> keeping <paramref name="prefixLength"/> leading characters.</summary>
        public static string Redact(ReadOnlySpan<char> key, int prefixLength)
        {
            // Never show more than the format prefix plus four characters, even for odd input.
            prefixLength = Math.Max(0, Math.Min(prefixLength, key.Length - 2 * VisibleSuffixLength));
            int suffixLength = Math.Min(VisibleSuffixLength, Math.Max(0, key.Length - prefixLength - VisibleSuffixLength));
            char[] result = new char[prefixLength + 1 + suffixLength];
            key.Slice(0, prefixLength).CopyTo(result);
            result[prefixLength] = Ellipsis;
            key.Slice(key.Length - suffixLength).CopyTo(result.AsSpan(prefixLength + 1));
            return new string(result);
        }
    }
}
