using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using KeyLint.Scanning;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// Helpers for the tests of identifiable Azure keys: building keys field by field (the checksum
    /// always from <see cref="FakeAzureKeys.Checksum"/>, never from the scanner), a reference
    /// definition of a key written from the published layout, and text safe to print.
    /// </summary>
    internal static class AzureKeyText
    {
        public const int Length = 84;
        public const string Signature = "JQQJ9";
        public const int SignatureOffset = 52;
        public const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        /// <summary>[A-Za-z0-9]: what a key is written with and what glues it to its neighbours.</summary>
        public static bool IsAlphanumeric(char c) => c < 128 && char.IsAsciiLetterOrDigit(c);

        /// <summary>
        /// A key made of the given fields, with the checksum Microsoft's generator would write for them.
        /// Every field must be base64 characters (the checksum decodes the first 80 characters as base64).
        /// </summary>
        public static string Build(
            string random52,
            string platform12,
            char service = 'B',
            char year = 'B',
            char month = 'C',
            char kind = '9',
            string reserved = "AAA",
            string signature = Signature,
            string providerSignature = "ACOG")
        {
            string body = random52 + signature + kind + year + month + platform12 + reserved + service + providerSignature;
            if (body.Length != 80)
            {
                throw new ArgumentException("the fields must make 80 characters, not " + body.Length);
            }

            return body + FakeAzureKeys.Checksum(body);
        }

        /// <summary>The key with its first 80 characters kept and the checksum written anew for them.</summary>
        public static string WithChecksumFor(string key) => key.Substring(0, 80) + FakeAzureKeys.Checksum(key.Substring(0, 80));

        /// <summary>The checksum as early keys wrote it: the first four base64 digits of its bytes in memory order.</summary>
        public static string Base64Checksum(string first80)
        {
            int checksum = FakeAzureKeys.RuntimeMarvin32(Convert.FromBase64String(first80), FakeAzureKeys.ChecksumSeed);
            return Convert.ToBase64String(BitConverter.GetBytes(checksum)).Substring(0, 4);
        }

        /// <summary>The four checksum bytes in memory order (little-endian), as the generator writes them.</summary>
        public static byte[] ChecksumBytes(string first80)
            => BitConverter.GetBytes(FakeAzureKeys.RuntimeMarvin32(Convert.FromBase64String(first80), FakeAzureKeys.ChecksumSeed));

        public static string Replace(string text, int index, char replacement)
            => text.Substring(0, index) + replacement + text.Substring(index + 1);

        public static string Replace(string text, int index, string replacement)
            => text.Substring(0, index) + replacement + text.Substring(index + replacement.Length);

        /// <summary>
        /// The reference definition of one key, from the published layout: 84 characters of
        /// [A-Za-z0-9], JQQJ9 at 52, kind 9, month A–L, AAA at 72, ACOG at 76, and a checksum written
        /// in base62 (today's keys) or base64 (early keys) computed by the runtime's Marvin.
        /// </summary>
        public static bool ReferenceIsKey(string window)
        {
            if (window.Length != Length || !window.All(IsAlphanumeric))
            {
                return false;
            }

            if (window.Substring(SignatureOffset, 5) != Signature
                || window[57] != '9'
                || window[59] < 'A' || window[59] > 'L'
                || window.Substring(72, 3) != "AAA"
                || window.Substring(76, 4) != "ACOG")
            {
                return false;
            }

            string body = window.Substring(0, 80);
            string written = window.Substring(80);
            return written == FakeAzureKeys.Checksum(body) || written == Base64Checksum(body);
        }

        /// <summary>
        /// The naive finder: every 84-character window not glued to a letter or digit on either side,
        /// or, followed by two letters or digits and "==", the 88-character long form.
        /// </summary>
        public static List<KeyMatch> ReferenceFind(string text)
        {
            var matches = new List<KeyMatch>();
            for (int start = 0; start + Length <= text.Length; start++)
            {
                int end = start + Length;
                bool longForm = end + 4 <= text.Length && IsAlphanumeric(text[end]) && IsAlphanumeric(text[end + 1]) && text[end + 2] == '=' && text[end + 3] == '=';
                int length = longForm ? Length + 4 : Length;
                bool gluedBefore = start > 0 && IsAlphanumeric(text[start - 1]);
                bool gluedAfter = start + length < text.Length && IsAlphanumeric(text[start + length]);
                if (!gluedBefore && !gluedAfter && text[start + SignatureOffset] == 'J' && ReferenceIsKey(text.Substring(start, Length)))
                {
                    matches.Add(new KeyMatch(start, length, KeyKind.Azure, 0));
                }
            }

            return matches;
        }

        /// <summary>
        /// The text for a failure message: every run of [A-Za-z0-9_-] of 16 or more characters (every
        /// key of either format lies in one) cut to its first four characters and its length, other
        /// characters outside printable ASCII escaped.
        /// </summary>
        public static string Show(string text)
        {
            var shown = new StringBuilder();
            int i = 0;
            while (i < text.Length)
            {
                if (!OpenAIKeyFormat.IsKeyChar(text[i]))
                {
                    char c = text[i++];
                    shown.Append(c < 0x20 || c > 0x7E ? "\\u" + ((int)c).ToString("X4") : c.ToString());
                    continue;
                }

                int start = i;
                while (i < text.Length && OpenAIKeyFormat.IsKeyChar(text[i]))
                {
                    i++;
                }

                int length = i - start;
                shown.Append(length >= 16 ? text.Substring(start, 4) + "\u2026(" + length + ")" : text.Substring(start, length));
            }

            return shown.ToString();
        }

        /// <summary><paramref name="value"/> as <paramref name="width"/> base62 digits, lowest first: distinct platform fields for searches.</summary>
        public static string Base62Digits(long value, int width)
        {
            var digits = new char[width];
            for (int i = 0; i < width; i++)
            {
                digits[i] = Base62[(int)(value % 62)];
                value /= 62;
            }

            return new string(digits);
        }
    }
}
