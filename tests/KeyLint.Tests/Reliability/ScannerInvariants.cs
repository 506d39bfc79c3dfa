using System;
using System.Collections.Generic;
using System.Text;
using KeyLint.Scanning;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// The invariants <see cref="KeyScanner.Find"/> must keep on any text. Shared by the fuzz harness
    /// (fuzz/KeyLint.Fuzz links this file) and by <c>FuzzRegressionTests</c>, which replays the fuzz
    /// corpus and findings through it. Depends on KeyLint.Scanning only: no test framework.
    /// </summary>
    /// <remarks>
    /// A violation throws <see cref="ScannerInvariantException"/>, whose message names the invariant
    /// and the match (kind and span: <see cref="KeyMatch.ToString"/> shows no key text), never the text.
    /// </remarks>
    public static class ScannerInvariants
    {
        private const string Marker = "T3BlbkFJ";
        private const string KeyStart = "sk-";

        /// <summary>Checks every invariant on <paramref name="text"/>; returns the number of keys found.</summary>
        public static int Check(string text)
        {
            var matches = new List<KeyMatch>();
            foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
            {
                matches.Add(match);
            }

            for (int i = 0; i < matches.Count; i++)
            {
                KeyMatch match = matches[i];

                // Inside the text, ordered, non-overlapping.
                Require(match.Start >= 0 && match.Length > 0 && match.End <= text.Length, "match outside the text", match);
                Require(i == 0 || matches[i - 1].End < match.Start, "matches out of order or overlapping", match);

                ReadOnlySpan<char> key = text.AsSpan(match.Start, match.Length);
                if (match.Kind == KeyKind.Azure)
                {
                    // 84 letters and digits (or the 88 of the long form), JQQJ9 at 52, fenced by non-alphanumerics.
                    Require(match.Length == AzureKeyFormat.KeyLength || match.Length == AzureKeyFormat.LongFormLength, "Azure key of another length", match);
                    Require(match.Start == 0 || !AzureKeyFormat.IsKeyChar(text[match.Start - 1]), "Azure key glued to a letter or digit before it", match);
                    Require(match.End == text.Length || !AzureKeyFormat.IsKeyChar(text[match.End]), "Azure key glued to a letter or digit after it", match);
                    Require(key.Slice(AzureKeyFormat.SignatureOffset).StartsWith(AzureKeyFormat.Signature.AsSpan(), StringComparison.Ordinal), "Azure key without its signature at 52", match);
                    Require(AzureKeyFormat.IsKey(key), "Azure match that AzureKeyFormat.IsKey rejects", match);
                    Require(match.PrefixLength == 0, "Azure key with a prefix", match);
                }
                else
                {
                    // A whole maximal run of key characters that starts like a key and holds the marker.
                    Require(match.Start == 0 || !OpenAIKeyFormat.IsKeyChar(text[match.Start - 1]), "key glued to a key character before it", match);
                    Require(match.End == text.Length || !OpenAIKeyFormat.IsKeyChar(text[match.End]), "key glued to a key character after it", match);
                    foreach (char c in key)
                    {
                        Require(OpenAIKeyFormat.IsKeyChar(c), "non-key character inside a key", match);
                    }

                    Require(key.StartsWith(KeyStart.AsSpan(), StringComparison.Ordinal), "key does not start with sk-", match);
                    Require(key.IndexOf(Marker.AsSpan(), StringComparison.Ordinal) >= 0, "key without the marker", match);
                    Require(match.Length <= OpenAIKeyFormat.MaxKeyLength, "key longer than MaxKeyLength", match);
                    Require(match.PrefixLength >= KeyStart.Length && match.PrefixLength < match.Length, "prefix length out of range", match);
                }

                // Each match re-scans, alone, as exactly one key of the same kind and prefix.
                var alone = new List<KeyMatch>();
                foreach (KeyMatch again in KeyScanner.Find(key))
                {
                    alone.Add(again);
                }

                Require(alone.Count == 1 && alone[0].Equals(new KeyMatch(0, match.Length, match.Kind, match.PrefixLength)), "match does not re-scan as exactly one key", match);
                Require(KeyScanner.IsKey(key, out KeyKind kind) && kind == match.Kind, "IsKey disagrees with Find", match);

                // The redacted form: at most the prefix, an ellipsis and four characters, taken from the key.
                string redacted = KeyRedactor.Redact(text.AsSpan(), match);
                Require(redacted.Length <= match.PrefixLength + 1 + KeyRedactor.VisibleSuffixLength, "redaction longer than prefix + 1 + 4", match);
                int ellipsis = redacted.IndexOf(KeyRedactor.Ellipsis);
                Require(ellipsis >= 0 && ellipsis <= match.PrefixLength, "redaction without the ellipsis after the prefix", match);
                Require(key.StartsWith(redacted.AsSpan(0, ellipsis), StringComparison.Ordinal), "redaction does not start with the key's prefix", match);
                Require(key.EndsWith(redacted.AsSpan(ellipsis + 1), StringComparison.Ordinal), "redaction does not end with the key's last characters", match);
                Require(match.ToString().IndexOf(KeyStart, StringComparison.Ordinal) < 0, "KeyMatch.ToString shows key text", match);
            }

            // The OpenAI keys are the slow definition's (every whole maximal run, classified), less
            // those an Azure key found over the same characters took first.
            var azureKeys = matches.FindAll(m => m.Kind == KeyKind.Azure);
            List<KeyMatch> reference = ReferenceFind(text).FindAll(r => !azureKeys.Exists(a => a.Start < r.End && r.Start < a.End));
            List<KeyMatch> openAIKeys = matches.FindAll(m => m.Kind != KeyKind.Azure);
            Require(reference.Count == openAIKeys.Count, "Find and the run-by-run definition disagree on the count (" + openAIKeys.Count + " vs " + reference.Count + ")", null);
            for (int i = 0; i < Math.Min(reference.Count, openAIKeys.Count); i++)
            {
                Require(reference[i].Equals(openAIKeys[i]), "Find and the run-by-run definition disagree (" + reference[i] + " p" + reference[i].PrefixLength + ")", openAIKeys[i]);
            }

            Require(KeyScanner.ContainsKey(text.AsSpan()) == (matches.Count > 0), "ContainsKey disagrees with Find", null);
            bool hasMarker = text.IndexOf(Marker, StringComparison.Ordinal) >= 0 || text.IndexOf(AzureKeyFormat.Signature, StringComparison.Ordinal) >= 0;
            Require(KeyScanner.ContainsMarker(text.AsSpan()) == hasMarker, "ContainsMarker disagrees with IndexOf", null);
            return matches.Count;
        }

        /// <summary>The slow definition: split into maximal runs of key characters, classify each whole run.</summary>
        public static List<KeyMatch> ReferenceFind(string text)
        {
            var matches = new List<KeyMatch>();
            int i = 0;
            while (i < text.Length)
            {
                if (!OpenAIKeyFormat.IsKeyChar(text[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < text.Length && OpenAIKeyFormat.IsKeyChar(text[i]))
                {
                    i++;
                }

                if (OpenAIKeyFormat.TryClassify(text.AsSpan(start, i - start), out KeyKind kind, out int prefixLength))
                {
                    matches.Add(new KeyMatch(start, i - start, kind, prefixLength));
                }
            }

            return matches;
        }

        /// <summary>
        /// How a fuzz input's bytes become text: a first byte 0xFF means the rest is UTF-16LE code units
        /// (lone surrogates included), 0xFE means UTF-8; anything else is Latin-1, one byte per character,
        /// so AFL's byte mutations and dictionary map directly onto characters.
        /// </summary>
        public static string Decode(byte[] bytes)
        {
            if (bytes.Length > 0 && bytes[0] == 0xFF)
            {
                var chars = new char[(bytes.Length - 1) / 2];
                for (int i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)(bytes[1 + (2 * i)] | (bytes[2 + (2 * i)] << 8));
                }

                return new string(chars);
            }

            if (bytes.Length > 0 && bytes[0] == 0xFE)
            {
                return Encoding.UTF8.GetString(bytes, 1, bytes.Length - 1);
            }

            var latin1 = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                latin1[i] = (char)bytes[i];
            }

            return new string(latin1);
        }

        /// <summary>The inverse of <see cref="Decode"/> for UTF-16 text: 0xFF, then each code unit little-endian.</summary>
        public static byte[] EncodeUtf16(string text)
        {
            var bytes = new byte[1 + (2 * text.Length)];
            bytes[0] = 0xFF;
            for (int i = 0; i < text.Length; i++)
            {
                bytes[1 + (2 * i)] = (byte)text[i];
                bytes[2 + (2 * i)] = (byte)(text[i] >> 8);
            }

            return bytes;
        }

        private static void Require(bool condition, string invariant, KeyMatch? match)
        {
            if (!condition)
            {
                throw new ScannerInvariantException(invariant + (match is KeyMatch m ? ": " + m + " p" + m.PrefixLength : string.Empty));
            }
        }
    }

    /// <summary>A broken scanner invariant. Its message never holds text from the input.</summary>
    public sealed class ScannerInvariantException : Exception
    {
        public ScannerInvariantException(string message)
            : base(message)
        {
        }
    }
}
