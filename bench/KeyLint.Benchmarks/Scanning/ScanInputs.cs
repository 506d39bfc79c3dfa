using System;
using System.Text;
using KeyLint.Scanning;
using KeyLint.Tests;

namespace KeyLint.Benchmarks.Scanners
{
    /// <summary>The texts the scanning benchmarks run over.</summary>
    public enum ScanInput
    {
        /// <summary>C#-like source text without a key: literals, identifiers, comments, near misses ("task-", "sk-SK").</summary>
        KeyFree,

        /// <summary>The same text with a fake key of a random family every ~33 KB (about three per 100 KB).</summary>
        WithKeys,

        /// <summary>Adversarial: "sk-sk-sk-…", one run of key characters.</summary>
        SkRepeated,

        /// <summary>Adversarial: one run of random <c>[A-Za-z0-9_-]</c> starting with "sk-proj-", no marker.</summary>
        RunNoMarker,

        /// <summary>Adversarial: the same run with the marker every 1,000 characters.</summary>
        RunWithMarker,

        /// <summary>Adversarial: "T3BlbkFJT3BlbkFJ…", the marker repeated.</summary>
        MarkerRepeated,

        /// <summary>Adversarial: "sk-proj-sk-proj-…", many prefixes, no marker.</summary>
        ProjPrefixes,

        /// <summary>
        /// Adversarial for the classifier: key-length runs "sk-" + marker × 64 separated by spaces, so
        /// every marker is a candidate split that must be rejected.
        /// </summary>
        MarkerDenseRuns,

        /// <summary>Adversarial for the Azure format: "JQQJ9JQQJ9…", its signature repeated.</summary>
        SignatureRepeated,

        /// <summary>
        /// Adversarial for the Azure format: 84-character Azure-shaped keys with a wrong checksum,
        /// separated by spaces, so every one is decoded and hashed before it is rejected.
        /// </summary>
        AzureNearMisses,
    }

    /// <summary>Deterministic generators for <see cref="ScanInput"/>: the same text in every run.</summary>
    public static class ScanInputs
    {
        /// <summary>1 MiB of text: 1,048,576 characters, all ASCII, so also 1 MiB of UTF-8 source.</summary>
        public const int OneMiB = 1 << 20;

        private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private const string KeyChars = Alphanumerics + "-_";

        /// <summary>True for inputs on which a regex with an unbounded key-character loop backtracks quadratically.</summary>
        public static bool IsQuadraticForUnboundedRegex(ScanInput input)
            => input == ScanInput.SkRepeated || input == ScanInput.ProjPrefixes;

        public static bool IsAdversarial(ScanInput input) => input != ScanInput.KeyFree && input != ScanInput.WithKeys;

        /// <summary>Builds <paramref name="input"/> with exactly <paramref name="length"/> characters.</summary>
        public static string Create(ScanInput input, int length)
        {
            string text = input switch
            {
                ScanInput.KeyFree => SourceLike(length, withKeys: false),
                ScanInput.WithKeys => SourceLike(length, withKeys: true),
                ScanInput.SkRepeated => Repeat("sk-", length),
                ScanInput.RunNoMarker => KeyCharRun(length, markerEvery: 0),
                ScanInput.RunWithMarker => KeyCharRun(length, markerEvery: 1000),
                ScanInput.MarkerRepeated => Repeat(OpenAIKeyFormat.Marker, length),
                ScanInput.ProjPrefixes => Repeat("sk-proj-", length),
                ScanInput.MarkerDenseRuns => Repeat("sk-" + Repeat(OpenAIKeyFormat.Marker, 64 * 8) + " ", length),
                ScanInput.SignatureRepeated => Repeat(FakeAzureKeys.Signature, length),
                ScanInput.AzureNearMisses => Repeat(FakeAzureKeys.WithWrongChecksum(FakeAzureKeys.Create(1)) + " ", length),
                _ => throw new ArgumentOutOfRangeException(nameof(input)),
            };

            if (text.Length != length)
            {
                throw new InvalidOperationException($"{input}: {text.Length} characters instead of {length}.");
            }

            return text;
        }

        private static string Repeat(string unit, int length)
        {
            var builder = new StringBuilder(length + unit.Length);
            while (builder.Length < length)
            {
                builder.Append(unit);
            }

            builder.Length = length;
            return builder.ToString();
        }

        private static string KeyCharRun(int length, int markerEvery)
        {
            var random = new Random(4242);
            var builder = new StringBuilder(length + 16);
            builder.Append("sk-proj-");
            while (builder.Length < length)
            {
                if (markerEvery > 0 && builder.Length % markerEvery == 0)
                {
                    builder.Append(OpenAIKeyFormat.Marker);
                }

                builder.Append(KeyChars[random.Next(KeyChars.Length)]);
            }

            builder.Length = length;
            string text = builder.ToString();
            if (markerEvery == 0 && text.Contains(OpenAIKeyFormat.Marker, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The random run holds the marker by chance: change the seed.");
            }

            return text;
        }

        // ------------------------------------------------------------------ source-like text

        private static readonly string[] Words =
        {
            "order", "customer", "invoice", "payment", "shipment", "product", "catalog", "inventory", "report", "session",
            "token", "request", "response", "handler", "service", "client", "options", "settings", "message", "queue",
            "task", "disk", "risk", "desk", "mask", "flask", "whisk", "kiosk", "ask", "bulk",
        };

        private static readonly string[] Templates =
        {
            "        private const string {0}Endpoint = \"https://api.example.com/v1/{1}s/{2}\";\n",
            "        private static readonly string[] {0}Names = {{ \"{1}\", \"{3}\", \"{1}-{3}\", \"sk-SK\", \"{1}_{2}\" }};\n",
            "        // Loads the {1} from the {3} store; falls back to the {1}-cache when the store is down.\n",
            "            var {1}Label = $\"{0} #{{id}} ({1}-{3}) at {{DateTime.UtcNow:O}}\";\n",
            "            string {1}Path = @\"C:\\data\\{1}s\\{3}\\\" + id + \".json\";\n",
            "            logger.LogInformation(\"Processed {{Count}} {1}s for {{{0}}} in {{Elapsed}} ms\", count, {1}, elapsed);\n",
            "            if (name.StartsWith(\"{1}-\", StringComparison.Ordinal)) {{ return \"{3}-{2}\"; }}\n",
            "        /// <summary>Gets or sets the {1} {3} used by <see cref=\"{0}Service\"/>.</summary>\n",
            "        public string {0}{2} {{ get; set; }} = \"{1}-{3}-{2}\";\n",
            "            var json = \"\"\"{{ \"{1}\": \"{3}\", \"id\": {2}, \"culture\": \"sk-SK\" }}\"\"\";\n",
            "            throw new InvalidOperationException(\"The {1} '\" + {1}Id + \"' has no {3}; ask the desk-top team.\");\n",
            "            headers.Add(\"X-Request-Id\", \"req_{2}{2}{2}\"); // task-{2}: remove after the migration\n",
            "            ReadOnlySpan<byte> {1}Bytes = \"{1}:{3}:{2}\"u8;\n",
            "            var hash = \"{4}\"; // base64 of a {1} digest\n",
        };

        /// <summary>
        /// Lines shaped like C# source — string literals of several forms, interpolations, comments,
        /// identifiers, base64 blobs, words ending in "sk-" — from a fixed seed. With
        /// <paramref name="withKeys"/>, a fake key of a random family every ~33 KB.
        /// </summary>
        private static string SourceLike(int length, bool withKeys)
        {
            var random = new Random(1234);
            var builder = new StringBuilder(length + 1024);
            int nextKeyAt = withKeys ? 16 * 1024 : int.MaxValue;
            int keySeed = 1;
            while (builder.Length < length)
            {
                if (builder.Length >= nextKeyAt)
                {
                    builder.Append("        private const string Key").Append(keySeed).Append(" = \"").Append(FakeKey(keySeed)).Append("\";\n");
                    keySeed++;
                    nextKeyAt += 33 * 1024;
                    continue;
                }

                string word = Words[random.Next(Words.Length)];
                string other = Words[random.Next(Words.Length)];
                string template = Templates[random.Next(Templates.Length)];
                builder.AppendFormat(template, Capitalize(word), word, random.Next(1000), other, Base64(random, 44));
            }

            if (withKeys && keySeed == 1)
            {
                throw new InvalidOperationException("No key was planted.");
            }

            builder.Length = length;
            return builder.ToString();
        }

        /// <summary>The number of keys <see cref="ScanInput.WithKeys"/> of <paramref name="length"/> characters holds.</summary>
        public static int CountKeys(string text)
        {
            int count = 0;
            foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
            {
                count++;
            }

            return count;
        }

        private static string FakeKey(int seed) => (seed % 6) switch
        {
            0 => FakeKeys.Project(seed),
            1 => FakeKeys.ProjectShort(seed),
            2 => FakeKeys.ServiceAccount(seed),
            3 => FakeKeys.Admin(seed),
            4 => FakeKeys.LegacyUser(seed),
            _ => FakeKeys.None(seed),
        };

        private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);

        private static string Base64(Random random, int length)
        {
            var bytes = new byte[length * 3 / 4];
            random.NextBytes(bytes);
            return Convert.ToBase64String(bytes);
        }
    }
}
