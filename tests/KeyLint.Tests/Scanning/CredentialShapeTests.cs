using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using KeyLint.Scanning;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// <see cref="CredentialShape"/> keeps every placeholder collected from public test code quiet
    /// (CredentialShapeData/test-code-credentials.txt), calls every generated random secret a secret
    /// (<see cref="SecretLikeStrings"/>), and decides each limit of its rule exactly.
    /// </summary>
    /// <remarks>
    /// Random parts are made from seeds (<see cref="Scan.RandomText"/>); no test writes a key out and
    /// no message shows one, only positions, lengths and family names.
    /// </remarks>
    public class CredentialShapeTests
    {
        private const string Ellipsis = "\u2026";

        // ---------------------------------------------------------------- helpers

        private static bool Secret(string value) => CredentialShape.LooksLikeSecret(value.AsSpan());

        private static string DataFile([CallerFilePath] string thisFile = "")
            => Path.Combine(Path.GetDirectoryName(thisFile)!, "CredentialShapeData", "test-code-credentials.txt");

        /// <summary>The data lines of the collected file: (source, value or redaction, count).</summary>
        private static IReadOnlyList<(string Source, string Value, int Count)> Collected()
        {
            string file = DataFile();
            Assert.True(File.Exists(file), "missing " + file);
            var lines = new List<(string, string, int)>();
            string? source = null;
            foreach (string line in File.ReadAllLines(file))
            {
                if (line.StartsWith("# source: ", StringComparison.Ordinal))
                {
                    source = line.Substring("# source: ".Length);
                }
                else if (line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal))
                {
                    int tab = line.LastIndexOf('\t');
                    Assert.True(tab > 0, "a data line is <value><TAB><count>");
                    Assert.NotNull(source);
                    lines.Add((source!, line.Substring(0, tab), int.Parse(line.Substring(tab + 1), System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            return lines;
        }

        private static bool IsRedacted(string value) => value.StartsWith("<len=", StringComparison.Ordinal);

        public static TheoryData<string> CollectedPlaceholders()
        {
            var data = new TheoryData<string>();
            foreach (string value in Collected().Select(l => l.Value).Where(v => !IsRedacted(v)).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal))
            {
                data.Add(value);
            }

            return data;
        }

        /// <summary><paramref name="length"/> lowercase hex digits from <c>new Random(seed)</c>, checked to look like a secret on their own.</summary>
        private static string RandomHex(int seed, int length = 32)
        {
            string hex = Scan.RandomText(seed, length, Scan.Hex);
            Assert.True(Secret(hex), $"seed {seed}: {length} random hex digits must look like a secret");
            return hex;
        }

        private static string Cycle(string alphabet, int length)
            => new string(Enumerable.Range(0, length).Select(i => alphabet[i % alphabet.Length]).ToArray());

        // ---------------------------------------------------------------- collected test code

        [Theory]
        [MemberData(nameof(CollectedPlaceholders))]
        public void CollectedTestCodeConstant_ShouldNotLookLikeSecret(string value)
        {
            Assert.False(Secret(value));
        }

        /// <summary>The numbers docs/rules/KL0007.md gives for the collection.</summary>
        [Fact]
        public void CollectedData_ShouldHaveTheNumbersTheRulePageGives()
        {
            var lines = Collected();
            Assert.Equal(780, lines.Sum(l => l.Count));
            Assert.Equal(193, lines.Select(l => l.Source).Distinct().Count());
            Assert.Equal(32, lines.Select(l => string.Join("/", l.Source.Split('/').Take(2))).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal(123, lines.Where(l => !IsRedacted(l.Value)).Select(l => l.Value).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(774, lines.Where(l => !IsRedacted(l.Value)).Sum(l => l.Count));

            // The six values the rule reports: bearer tokens of microsoft/botbuilder-dotnet's tests.
            var redacted = lines.Where(l => IsRedacted(l.Value)).ToArray();
            Assert.Equal(6, redacted.Length);
            Assert.Equal(6, redacted.Sum(l => l.Count));
            Assert.All(redacted, l => Assert.StartsWith("microsoft/botbuilder-dotnet/", l.Source, StringComparison.Ordinal));
        }

        /// <summary>A redacted value shows its length, its shape and four of its characters, nothing more.</summary>
        [Fact]
        public void RedactedCollectedValue_ShouldShowFourCharactersAtMost()
        {
            var redaction = new Regex("^<len=(\\d+) (hex|base62|base64url|base64|JWT|ASCII), [!-~]{2}" + Ellipsis + "[!-~]{2}>$");
            foreach (var (source, value, _) in Collected().Where(l => IsRedacted(l.Value)))
            {
                Match match = redaction.Match(value);
                Assert.True(match.Success, "a redacted line of " + source + " is not in the redacted form");
                Assert.True(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= CredentialShape.MinLength);
            }
        }

        [Fact]
        public void CollectedData_ShouldHoldNoOpenAIOrAzureKey()
        {
            Assert.Empty(Scan.All(File.ReadAllText(DataFile())));
        }

        // ---------------------------------------------------------------- generated secrets

        [Theory]
        [MemberData(nameof(SecretLikeStrings.FamilyNames), MemberType = typeof(SecretLikeStrings))]
        public void GeneratedSecret_ShouldLookLikeSecret(string family)
        {
            var quiet = SecretLikeStrings.Of(SecretLikeStrings.Named(family))
                .Select((value, index) => (value, index))
                .Where(s => !Secret(s.value))
                .Select(s => s.index)
                .ToArray();

            Assert.True(quiet.Length == 0, $"{family}: strings {string.Join(", ", quiet)} do not look like secrets");
        }

        [Fact]
        public void GeneratedSecrets_ShouldNumberAsTheRulePageSays()
        {
            Assert.Equal(19, SecretLikeStrings.Families.Count);
            Assert.Equal(5500, SecretLikeStrings.Families.Sum(f => SecretLikeStrings.Of(f).Count()));
            Assert.All(SecretLikeStrings.Families, f => Assert.Equal(f.Count, SecretLikeStrings.Of(f).Distinct(StringComparer.Ordinal).Count()));
        }

        [Fact]
        public void GeneratedSecrets_ShouldBeTheSameInEveryRun()
        {
            foreach (SecretLikeStrings.Family family in SecretLikeStrings.Families)
            {
                Assert.Equal(SecretLikeStrings.Of(family), SecretLikeStrings.Of(family));
            }
        }

        // ---------------------------------------------------------------- placeholders named in the brief

        [Theory]
        [InlineData("ApiKey")]
        [InlineData("NOKEY")]
        [InlineData("key")]
        [InlineData("apikey")]
        [InlineData("fake_key")]
        [InlineData("fake-key")]
        [InlineData("test-key")]
        [InlineData("INVALID_KEY")]
        [InlineData("your-api-key")]
        [InlineData("your-openai-api-key-goes-here")]
        [InlineData("REPLACE_WITH_YOUR_OPENAI_API_KEY")]
        [InlineData("sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
        [InlineData("sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")]
        [InlineData("00000000000000000000000000000000")]
        [InlineData("00000000-0000-0000-0000-000000000000")]
        [InlineData("12345678-1234-1234-1234-123456789012")]
        [InlineData("0123456789abcdef0123456789abcdef")]
        [InlineData("1234567890abcdefghijklmnopqrstuv")]
        [InlineData("abcdefghijklmnopqrstuvwxyz0123456789")]
        [InlineData("a1b2c3d4e5f6g7h8i9j0k1l2")]
        [InlineData("abc123abc123abc123abc123")]
        [InlineData("not-a-real-key-but-long-enough-to-look-like-one")]
        [InlineData("my-azure-openai-resource-key")]
        [InlineData("ChangeMeBeforeRunningTheseTests")]
        public void Placeholder_ShouldNotLookLikeSecret(string value)
        {
            Assert.False(Secret(value));
        }

        // ---------------------------------------------------------------- length

        [Fact]
        public void RandomText_ShouldLookLikeSecretFromTwentyCharacters()
        {
            string text = Scan.RandomText(301, CredentialShape.MinLength, Scan.Alphanumerics);
            Assert.True(Secret(text));
            Assert.False(Secret(text.Substring(0, CredentialShape.MinLength - 1)));
            Assert.False(Secret(text.Substring(1)));
        }

        [Fact]
        public void WhiteSpaceAround_ShouldBeTrimmedBeforeTheLengthIsCounted()
        {
            string text = Scan.RandomText(301, CredentialShape.MinLength, Scan.Alphanumerics);
            Assert.True(Secret("  " + text + "\t\r\n"));
            Assert.True(Secret("\u00A0" + text + "\u2003"));
            Assert.False(Secret("    " + text.Substring(0, CredentialShape.MinLength - 1) + "    "));
        }

        [Fact]
        public void EmptyOrWhiteSpace_ShouldNotLookLikeSecret()
        {
            Assert.False(CredentialShape.LooksLikeSecret(ReadOnlySpan<char>.Empty));
            Assert.False(CredentialShape.LooksLikeSecret(default));
            Assert.False(Secret(new string(' ', 100)));
            Assert.False(Secret("\t\r\n\u00A0\u2003"));
        }

        // ---------------------------------------------------------------- characters

        /// <summary>The characters as UTF-16 code units: lone surrogates would otherwise share one test-case name, and xunit would skip all but one.</summary>
        [Theory]
        [InlineData(0x20)]
        [InlineData(0x09)]
        [InlineData(0x0A)]
        [InlineData(0x00)]
        [InlineData(0x7F)]
        [InlineData(0xA0)]
        [InlineData(0xE9)]
        [InlineData(0x430)]
        [InlineData(0xFF21)]
        [InlineData(0xD800)]
        [InlineData(0xDC00)]
        [InlineData(0xD83D, 0xDD11)]
        public void CharacterThatIsNotVisibleAscii_Inside_ShouldNotLookLikeSecret(params int[] codeUnits)
        {
            string inside = new string(codeUnits.Select(unit => (char)unit).ToArray());
            string hex = RandomHex(302);
            Assert.False(Secret(hex.Substring(0, 16) + inside + hex.Substring(16)));
            Assert.False(Secret(hex + inside + "x"));
        }

        [Fact]
        public void LoneSurrogates_ShouldNotLookLikeSecret()
        {
            Assert.False(Secret(new string('\uD800', 40)));
            Assert.False(Secret(new string('\uDFFF', 40)));
            Assert.False(Secret(Cycle("\uDC00\uD800", 41)));
            Assert.False(Secret(RandomHex(303) + "\uD800"));
        }

        [Fact]
        public void EveryVisibleAsciiCharacter_ShouldBeAllowed()
        {
            string hex = RandomHex(304);
            for (char c = '!'; c <= '~'; c++)
            {
                Assert.True(Secret(hex + c), $"U+{(int)c:X4} at the end of random hex");
            }
        }

        // ---------------------------------------------------------------- distinct characters, runs

        [Fact]
        public void SevenDistinctCharacters_ShouldNotLookLikeSecret_Eight_Should()
        {
            Assert.False(Secret(Cycle("q7z9kxw", 28)));
            Assert.True(Secret(Cycle("q7z9kxwm", 32)));
        }

        [Theory]
        [InlineData("aaaaaaaaaaaaaaaaaaaaaaaa")]
        [InlineData("abcdefghijklmnopqrstuvwx")]
        [InlineData("zyxwvutsrqponmlkjihgfedc")]
        [InlineData("aAbBcCdDeEfFgGhHiIjJkKlL")]
        [InlineData("01234567890123456789")]
        [InlineData("98765432109876543210")]
        [InlineData("a1b2c3d4e5f6g7h8i9j0")]
        [InlineData("1a2b3c4d5e6f7g8h9i0j")]
        public void SequentialOrRepetitive_ShouldNotLookLikeSecret(string value)
        {
            Assert.False(Secret(value));
        }

        /// <summary>
        /// 21 characters, so 20 neighbour pairs: 13 close ones (a run "abc…" of 14 letters) are fewer
        /// than two thirds, 14 are not. The rest, "Q7Z9KTM…", has no close pair, one or two apart.
        /// </summary>
        [Theory]
        [InlineData(13, true)]
        [InlineData(14, false)]
        public void CloseNeighbours_ShouldBeFewerThanTwoThirds(int closePairs, bool secret)
        {
            string run = "abcdefghijklmnopqrstuvwxyz".Substring(0, closePairs + 1);
            string value = run + "Q7Z9KTM3R".Substring(0, 21 - run.Length);
            Assert.Equal(secret, Secret(value));
        }

        /// <summary>
        /// 21 characters, so 19 pairs two apart: 12 close ones ("a1b2c3…" of 14 characters) are fewer
        /// than two thirds, 13 are not. No neighbours are close.
        /// </summary>
        [Theory]
        [InlineData(12, true)]
        [InlineData(13, false)]
        public void CloseCharactersTwoApart_ShouldBeFewerThanTwoThirds(int closePairs, bool secret)
        {
            string interleaved = "a1b2c3d4e5f6g7h8i9".Substring(0, closePairs + 2);
            string value = interleaved + "QZ9KTM3".Substring(0, 21 - interleaved.Length);
            Assert.Equal(secret, Secret(value));
        }

        // ---------------------------------------------------------------- placeholder words

        public static TheoryData<string> PlaceholderWords()
        {
            var data = new TheoryData<string>();
            foreach (string word in CredentialShape.PlaceholderWords)
            {
                data.Add(word);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(PlaceholderWords))]
        public void PlaceholderWord_AsAWord_ShouldNotLookLikeSecret(string word)
        {
            string hex = RandomHex(305);
            string capitalised = char.ToUpperInvariant(word[0]) + word.Substring(1);
            Assert.False(Secret(word + "-" + hex));
            Assert.False(Secret(word.ToUpperInvariant() + "_" + hex));
            Assert.False(Secret(hex + "." + capitalised));
            Assert.False(Secret("sk-" + word + "-" + hex));
            Assert.False(Secret("my" + capitalised + "Key-" + hex));
        }

        [Theory]
        [MemberData(nameof(PlaceholderWords))]
        public void PlaceholderWord_StartingAWordAtTheStartOrAfterPunctuation_ShouldNotLookLikeSecret(string word)
        {
            string hex = RandomHex(306);
            Assert.False(Secret(word + "key-" + hex));
            Assert.False(Secret(hex + "/" + word + "ing"));
        }

        [Theory]
        [MemberData(nameof(PlaceholderWords))]
        public void PlaceholderWord_GluedToADigit_OrInsideAnotherWord_ShouldLookLikeSecret(string word)
        {
            string hex = RandomHex(307, 40);
            string digitFirst = "7" + hex.Substring(1);
            Assert.True(Secret(digitFirst + word));
            Assert.True(Secret(word + digitFirst));
            Assert.True(Secret(digitFirst + "-x" + word));
            Assert.True(Secret(digitFirst + "-my" + word + "key"));
        }

        [Fact]
        public void WordsThatOnlyDescribeTheValue_ShouldNotSilenceARandomValue()
        {
            // key, token, secret, api: a real token may carry them; only words that say "not real" do.
            string hex = RandomHex(308);
            Assert.True(Secret("key-" + hex));
            Assert.True(Secret("token_" + hex));
            Assert.True(Secret("secret." + hex));
            Assert.True(Secret("api-" + hex));
        }

        // ---------------------------------------------------------------- mostly words

        /// <summary>
        /// Three words and "q7z9k" (five pieces that are neither words nor runs): 15 of 20 letters and
        /// digits are in words, exactly three quarters, so the value is mostly words.
        /// </summary>
        [Theory]
        [InlineData("alpha-bravo-delta-q7z9k", false)]
        [InlineData("alpha-bravo-delta-q7z9k3", true)]
        [InlineData("alpha-bravo-Delta-q7z9k", false)]
        [InlineData("alpha-bravo-DELTA-q7z9k", false)]
        [InlineData("alphaBravoDelta-q7z9k", false)]
        [InlineData("alpha-bravo-DElta-q7z9k", true)]
        [InlineData("alpha-bravo-dltxa-q7z9k", true)]
        [InlineData("alpha-bravo-dlxat-q7z9k", false)]
        [InlineData("alpha-bravo-dltxr-q7z9k", true)]
        [InlineData("alpha-bravo-delta0q7z9k", true)]
        [InlineData("alpha-bravo-12345-q7z9k", false)]
        [InlineData("alpha-bravo-12346-q7z9k", true)]
        [InlineData("alpha-bravo-xxxxx-q7z9k", false)]
        [InlineData("alpha-bravo-ab-cd-q7z9k", true)]
        public void ShareOfWordsAndRuns_ShouldBeBelowThreeQuarters(string value, bool secret)
        {
            Assert.Equal(secret, Secret(value));
        }

        [Fact]
        public void OnlyPunctuation_ShouldNotLookLikeSecret()
        {
            Assert.False(Secret("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"));
        }

        // ---------------------------------------------------------------- any input

        [Fact]
        public void TenMegabytes_ShouldBeDecidedInLinearWork()
        {
            const int length = 10 * 1024 * 1024;
            string random = Scan.RandomText(309, length, Scan.Alphanumerics);
            long reads = 0;
            Assert.True(CredentialShape.LooksLikeSecret(random.AsSpan(), ref reads));
            Assert.InRange(reads, length, 13L * length);

            Assert.False(Secret(new string('a', length)));
            Assert.False(Secret(new string(' ', length)));
            Assert.False(Secret(Cycle("Fake", length)));
            Assert.False(Secret(random + "\uD800"));
        }

        public static TheoryData<string> WorstCases() => new TheoryData<string>
        {
            Cycle("redacted-", 9000),
            Cycle("replace_", 9000),
            Cycle("insert.", 9000),
            Cycle("Fake", 9000),
            Cycle("fakeX", 9000),
            Cycle("placeholde-", 9000),
            Cycle("q7z9kxwm", 9000),
            Cycle("ab", 9000),
            Cycle("-", 9000),
            new string('7', 9000),
            Scan.RandomText(310, 9000, Scan.Base64Url),
        };

        [Theory]
        [MemberData(nameof(WorstCases))]
        public void AnyInput_ShouldCostFewerThanThirteenReadsPerCharacter(string value)
        {
            long reads = 0;
            _ = CredentialShape.LooksLikeSecret(value.AsSpan(), ref reads);
            Assert.InRange(reads, 0, 13L * value.Length);
        }

        [Fact]
        public void Deciding_ShouldAllocateNothing()
        {
            string[] values = SecretLikeStrings.Families.SelectMany(f => SecretLikeStrings.Of(f).Take(20))
                .Concat(Collected().Select(l => l.Value))
                .Concat(new[] { "", " ", new string('\uD800', 30), "fake-" + RandomHex(311) })
                .ToArray();
            _ = Secret(values[0]);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int secrets = 0;
            foreach (string value in values)
            {
                if (CredentialShape.LooksLikeSecret(value.AsSpan()))
                {
                    secrets++;
                }
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(secrets > 0);
        }
    }
}
