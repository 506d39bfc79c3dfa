using System;
using System.Text;

namespace KeyLint.Tests
{
    /// <summary>
    /// Makes fake OpenAI keys for tests: random text in the shape of each key family. None of them
    /// was ever issued by OpenAI. The format is spelled out here on purpose, independently of
    /// <c>KeyLint.Scanning</c>, so a mistake in the scanner's idea of a key cannot hide in both.
    /// Every key is derived from a seed: the same seed gives the same key in every run.
    /// </summary>
    internal static class FakeKeys
    {
        public const string Marker = "T3BlbkFJ";
        public const string Ellipsis = "\u2026";

        private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private const string Base64Url = Alphanumerics + "-_";

        /// <summary><c>sk-proj-</c> + 20 + marker + 20 (the 2024 short form, 56 characters).</summary>
        public static string ProjectShort(int seed = 1) => "sk-proj-" + Segments(seed, 20, Alphanumerics);

        /// <summary><c>sk-proj-</c> + n + marker + n, base64url (n = 58 and 74 are issued today).</summary>
        public static string Project(int seed = 1, int segmentLength = 74) => "sk-proj-" + Segments(seed, segmentLength, Base64Url);

        public static string ServiceAccount(int seed = 1, int segmentLength = 74) => "sk-svcacct-" + Segments(seed, segmentLength, Base64Url);

        /// <summary>An early named service key: <c>sk-&lt;name&gt;-</c> + 20 + marker + 20.</summary>
        public static string NamedService(string name = "my-service", int seed = 1) => "sk-" + name + "-" + Segments(seed, 20, Alphanumerics);

        public static string Admin(int seed = 1, int segmentLength = 58) => "sk-admin-" + Segments(seed, segmentLength, Base64Url);

        /// <summary>The classic user key: <c>sk-</c> + 20 + marker + 20 (51 characters).</summary>
        public static string LegacyUser(int seed = 1) => "sk-" + Segments(seed, 20, Alphanumerics);

        /// <summary>The 2024 base64url user key, about 42 + marker + 42.</summary>
        public static string LegacyUserLong(int seed = 1, int segmentLength = 42) => "sk-" + Segments(seed, segmentLength, Base64Url, firstIsAlphanumeric: true);

        public static string None(int seed = 1) => "sk-None-" + Segments(seed, 20, Alphanumerics);

        public static string NoneLong(int seed = 1, int segmentLength = 58) => "sk-None-" + Segments(seed, segmentLength, Base64Url);

        /// <summary>The redacted form messages must show: the prefix, an ellipsis, the last four characters.</summary>
        public static string Redacted(string key, string prefix) => prefix + Ellipsis + key.Substring(key.Length - 4);

        /// <summary>Two random segments around the marker.</summary>
        public static string Segments(int seed, int length, string alphabet, bool firstIsAlphanumeric = false)
        {
            var random = new Random(seed * 7919 + length);
            return Segment(random, length, alphabet, firstIsAlphanumeric) + Marker + Segment(random, length, alphabet, false);
        }

        private static string Segment(Random random, int length, string alphabet, bool firstIsAlphanumeric)
        {
            var builder = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                string from = i == 0 && firstIsAlphanumeric ? Alphanumerics : alphabet;
                builder.Append(from[random.Next(from.Length)]);
            }

            return builder.ToString();
        }
    }
}
