using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using KeyLint.Scanning;
using Xunit.Abstractions;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Property tests of <see cref="KeyScanner.Find"/> with CsCheck: keys of every kind, made by
    /// <see cref="FakeKeys"/> with random seeds and segment lengths, planted in random text (ASCII,
    /// other Unicode, lone surrogates, near-key fragments) are found exactly — kind, span and prefix —
    /// and single-character damage to a key makes it disappear.
    /// </summary>
    /// <remarks>
    /// Failure messages never show a whole key: the inputs are printed with every planted key
    /// redacted, and <see cref="KeyMatch.ToString"/> shows only kinds and spans.
    /// </remarks>
    public class ScannerPropertyTests
    {
        private readonly ITestOutputHelper _output;

        public ScannerPropertyTests(ITestOutputHelper output) => _output = output;

        private const string Marker = FakeKeys.Marker;

        /// <summary>The shortest possible key: "sk-" + 16 + marker + 16. Shorter runs can never be keys.</summary>
        private const int ShortestKey = 3 + 16 + 8 + 16;

        private const string KeyChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        /// <summary>Characters that are not key characters: each separates a key from its neighbours.</summary>
        private const string NonKeyChars = " \t\r\n\"'`.,:;=()[]{}<>/\\|!?@#$%^&*+~\u00e9\u00df\u4e2d\u00a0\u2028\u0085\uD800\uDBFF\uDC00\uDFFF\uFFFF\u0000";

        /// <summary>Filler characters: printable ASCII, whitespace, other Unicode, lone surrogates.</summary>
        private static readonly string FillerChars =
            new string(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).ToArray()) + NonKeyChars + "\u0130\u017F\u212A\uFF21";

        private static readonly string[] NearKeyFragments =
        {
            "sk-", "sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-", Marker, "proj-", "svcacct-", "admin-", "None-", "-", "_", "sk_", "T3BlbkF", "3BlbkFJ",
        };

        private static readonly string[] Separators =
        {
            " ", "\"", "'", "\n", "\r\n", ".", ",", ":", "=", "(", ")", "{", "}", "/", "\\", "`", "@", "\uD800", "\uDC00", "\uD83D\uDE00", "\u4e2d", "\u00e9", "\u2028", "\u0000",
        };

        /// <summary>A key planted in a text, with what the scanner must report for it.</summary>
        internal sealed record PlantedKey(string Key, KeyKind Kind, int PrefixLength, string Form)
        {
            /// <summary>Shown in failure messages: the form and the redacted key, never the key.</summary>
            public override string ToString() => Form + ":" + KeyRedactor.Redact(Key.AsSpan(), PrefixLength);
        }

        /// <summary>Early named service keys: names of [a-z0-9-], never starting like a prefix word (proj, svcacct, admin).</summary>
        private static readonly Gen<string> GenServiceName = Gen.Select(
            Gen.Char["bcdefghijklmnoqrtuvwxyz0123456789"],
            Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"].Array[0, 39],
            (first, rest) => first + new string(rest));

        internal static readonly Gen<PlantedKey> GenKey = Gen.Select(
            Gen.Int[0, 8],
            Gen.Int[1, 1_000_000],
            Gen.Int[16, 256],
            GenServiceName,
            (form, seed, length, name) => Plant(form, seed, length, name));

        internal static PlantedKey Plant(int form, int seed, int length, string name) => form switch
        {
            0 => new PlantedKey(FakeKeys.ProjectShort(seed), KeyKind.Project, 8, "ProjectShort"),
            1 => new PlantedKey(FakeKeys.Project(seed, length), KeyKind.Project, 8, "Project" + length),
            2 => new PlantedKey(FakeKeys.ServiceAccount(seed, length), KeyKind.ServiceAccount, 11, "ServiceAccount" + length),
            3 => new PlantedKey(FakeKeys.NamedService(name, seed), KeyKind.NamedService, 3 + name.Length + 1, "NamedService"),
            4 => new PlantedKey(FakeKeys.Admin(seed, length), KeyKind.Admin, 9, "Admin" + length),
            5 => new PlantedKey(FakeKeys.LegacyUser(seed), KeyKind.LegacyUser, 3, "LegacyUser"),
            6 => new PlantedKey(FakeKeys.LegacyUserLong(seed, length), KeyKind.LegacyUser, 3, "LegacyUserLong" + length),
            7 => new PlantedKey(FakeKeys.None(seed), KeyKind.LegacyNone, 8, "None"),
            _ => new PlantedKey(FakeKeys.NoneLong(seed, length), KeyKind.LegacyNone, 8, "NoneLong" + length),
        };

        private static readonly Gen<string> GenFillerPiece = Gen.OneOf(
            Gen.Char[FillerChars].Array[0, 40].Select(chars => new string(chars)),
            Gen.Char[KeyChars].Array[1, 40].Select(chars => new string(chars)),
            Gen.OneOfConst(NearKeyFragments));

        /// <summary>Filler whose runs of key characters stay shorter than any key, so it holds no key by construction.</summary>
        private static readonly Gen<string> GenFiller = GenFillerPiece.Array[0, 8].Select(pieces => BreakLongRuns(string.Concat(pieces)));

        private static readonly Gen<string> GenSeparator = Gen.OneOfConst(Separators).Array[1, 3].Select(string.Concat);

        /// <summary>A text of filler and planted keys, each key fenced by at least one non-key character on each side.</summary>
        internal sealed class PlantedText
        {
            public PlantedText(string[] fillers, PlantedKey[] keys, string[] separators)
            {
                Fillers = fillers;
                Keys = keys;
                var text = new StringBuilder();
                var expected = new List<KeyMatch>();
                for (int i = 0; i < keys.Length; i++)
                {
                    text.Append(fillers[i]).Append(separators[2 * i]);
                    expected.Add(new KeyMatch(text.Length, keys[i].Key.Length, keys[i].Kind, keys[i].PrefixLength));
                    text.Append(keys[i].Key).Append(separators[(2 * i) + 1]);
                }

                text.Append(fillers[keys.Length]);
                Text = text.ToString();
                Expected = expected;
            }

            public string[] Fillers { get; }

            public PlantedKey[] Keys { get; }

            public string Text { get; }

            public List<KeyMatch> Expected { get; }

            /// <summary>The text with each planted key replaced by its redacted form: safe to print.</summary>
            public override string ToString()
            {
                var shown = new StringBuilder();
                int from = 0;
                for (int i = 0; i < Keys.Length; i++)
                {
                    shown.Append(Escape(Text.Substring(from, Expected[i].Start - from))).Append('<').Append(Keys[i]).Append('>');
                    from = Expected[i].End;
                }

                shown.Append(Escape(Text.Substring(from)));
                return "length " + Text.Length + ", expected " + ReferenceScanner.Show(Expected) + ", text: " + shown;
            }
        }

        private static readonly Gen<PlantedText> GenPlantedText = Gen.Int[0, 5].SelectMany(count => Gen.Select(
            GenFiller.Array[count + 1],
            GenKey.Array[count],
            GenSeparator.Array[2 * count],
            (fillers, keys, separators) => new PlantedText(fillers, keys, separators)));

        [Fact]
        public void KeysPlantedInRandomText_ShouldBeFoundExactlyWithTheirKindsAndSpans()
        {
            GenPlantedText.Sample(
                planted =>
                {
                    List<KeyMatch> found = ReferenceScanner.Scanner(planted.Text);
                    Assert.Equal(planted.Expected, found);
                    Assert.Equal(planted.Expected.Count > 0, KeyScanner.ContainsKey(planted.Text.AsSpan()));
                    foreach (KeyMatch match in found)
                    {
                        Assert.True(KeyScanner.IsKey(planted.Text.AsSpan(match.Start, match.Length), out KeyKind kind));
                        Assert.Equal(match.Kind, kind);
                    }
                },
                iter: 3000,
                print: planted => planted.ToString());
        }

        [Fact]
        public void EveryKeyForm_ShouldBeFoundAloneAndWithLoneSurrogatesAround()
        {
            GenKey.Sample(
                planted =>
                {
                    Assert.True(KeyScanner.IsKey(planted.Key.AsSpan(), out KeyKind kind), planted.ToString());
                    Assert.Equal(planted.Kind, kind);
                    string text = "\uDC00" + planted.Key + "\uD800";
                    Assert.Equal(new[] { new KeyMatch(1, planted.Key.Length, planted.Kind, planted.PrefixLength) }, ReferenceScanner.Scanner(text));
                },
                iter: 3000,
                print: planted => planted.ToString());
        }

        /// <summary>Changing one character of the marker leaves a run with no marker: no key.</summary>
        [Fact]
        public void KeyWithAChangedMarkerCharacter_ShouldNotBeReported()
        {
            Gen.Select(GenKey, Gen.Int[0, 7], Gen.Char[KeyChars + NonKeyChars], GenSeparator, GenSeparator).Sample(
                (planted, index, replacement, before, after) =>
                {
                    int marker = MarkerIndex(planted);
                    if (planted.Key[marker + index] == replacement)
                    {
                        return;
                    }

                    string mutated = Replace(planted.Key, marker + index, replacement);
                    string text = before + mutated + after;

                    // Exact expectation: with no marker left anywhere, no key can be found.
                    if (text.Contains(Marker, StringComparison.Ordinal))
                    {
                        return;
                    }

                    Assert.Empty(ReferenceScanner.Scanner(text));
                    Assert.False(KeyScanner.ContainsKey(text.AsSpan()));
                },
                iter: 3000,
                print: t => t.Item1 + " marker[" + t.Item2 + "] -> U+" + ((int)t.Item3).ToString("X4"));
        }

        /// <summary>Changing the 's', the 'k' or the '-' of "sk-" leaves a run that does not start with "sk-": no key.</summary>
        [Fact]
        public void KeyWithAChangedPrefixCharacter_ShouldNotBeReported()
        {
            Gen.Select(GenKey, Gen.Int[0, 2], Gen.Char[KeyChars + NonKeyChars], GenSeparator, GenSeparator).Sample(
                (planted, index, replacement, before, after) =>
                {
                    if (planted.Key[index] == replacement)
                    {
                        return;
                    }

                    string text = before + Replace(planted.Key, index, replacement) + after;

                    // Exact expectation: with no "sk-" left anywhere, no run can start like a key.
                    if (text.Contains("sk-", StringComparison.Ordinal))
                    {
                        return;
                    }

                    Assert.Empty(ReferenceScanner.Scanner(text));
                },
                iter: 3000,
                print: t => t.Item1 + " prefix[" + t.Item2 + "] -> U+" + ((int)t.Item3).ToString("X4"));
        }

        /// <summary>A key character glued in front makes the run start with something other than "sk-": no key.</summary>
        [Fact]
        public void KeyCharacterGluedBeforeTheKey_ShouldMakeItNotReported()
        {
            Gen.Select(GenKey, Gen.Char[KeyChars], GenSeparator, GenSeparator).Sample(
                (planted, glued, before, after) =>
                {
                    string text = before + glued + planted.Key + after;
                    Assert.Empty(ReferenceScanner.Scanner(text));
                    Assert.False(KeyScanner.ContainsKey(text.AsSpan()));
                },
                iter: 3000,
                print: t => "'" + t.Item2 + "' + " + t.Item1);
        }

        private static readonly Gen<string> GenFragment = Gen.Frequency(
            (4, Gen.OneOfConst(NearKeyFragments)),
            (3, Gen.Char[FillerChars].Array[0, 12].Select(chars => new string(chars))),
            (3, Gen.Char[KeyChars].Array[1, 30].Select(chars => new string(chars))),
            (1, Gen.Select(Gen.Char[KeyChars], Gen.Int[1, 700], (c, n) => new string(c, n))),
            (3, GenKey.Select(k => k.Key)),
            (2, Gen.Select(GenKey, Gen.Int[0, 1000], Gen.Int[0, 1000], (k, a, b) => Piece(k.Key, a, b))));

        /// <summary>
        /// Text made of key pieces, whole keys glued together, long runs and near-key fragments with
        /// no separator enforced: the scanner agrees with the slow definition (classify every whole
        /// maximal run), which has no marker jumps and no bounded walks.
        /// </summary>
        [Fact]
        public void ArbitraryFragments_ShouldMatchTheRunByRunDefinition()
        {
            GenFragment.Array[0, 12].Select(string.Concat).Sample(
                text =>
                {
                    List<KeyMatch> expected = ReferenceScanner.Find(text);
                    Assert.Equal(expected, ReferenceScanner.Scanner(text));
                    Assert.Equal(expected.Count > 0, KeyScanner.ContainsKey(text.AsSpan()));
                    Assert.Equal(text.Contains(Marker, StringComparison.Ordinal), KeyScanner.ContainsMarker(text.AsSpan()));
                },
                iter: 3000,
                print: text => "length " + text.Length + ": " + Escape(RedactPlanted(text)));
        }

        /// <summary>The shapes <see cref="Adversarial"/> makes.</summary>
        public static TheoryData<string> AdversarialShapes => new TheoryData<string>
        {
            "MarkerRun", "MarkersSpaced", "PrefixAndMarkerRun", "KeysSpaced", "KeysGluedPairwise",
            "LongRunThenKey", "PlaceholderKeys", "MaximalRunsWithMarkers", "KeyCharsRun",
        };

        /// <summary>
        /// Adversarial shapes at two sizes. Results are exact at both sizes, and twice the input gives
        /// exactly twice the keys. Work is counted, not timed, in
        /// <see cref="AdversarialInput_ShouldTakeLinearWork"/>.
        /// </summary>
        [Theory]
        [MemberData(nameof(AdversarialShapes))]
        public void AdversarialInputAtSizeNAndTwoN_ShouldGiveExactResults(string shape)
        {
            (string text1, int keys1) = Adversarial(shape);

            // Size 2n is the size-n text twice: every block ends with a non-key character, or the
            // whole text is one run that is no key, so the copies cannot merge into a new key.
            string text2 = text1 + text1;
            int keys2 = ReferenceScanner.Scanner(text2).Count;

            foreach ((string text, int keys) in new[] { (text1, keys1), (text2, keys2) })
            {
                List<KeyMatch> found = ReferenceScanner.Scanner(text);
                Assert.Equal(keys, found.Count);
                Assert.Equal(ReferenceScanner.Find(text), found);
            }

            Assert.Equal(2 * keys1, keys2);
            Assert.Equal(
                ReferenceScanner.Scanner(text1).Concat(ReferenceScanner.Scanner(text1).Select(m => new KeyMatch(m.Start + text1.Length, m.Length, m.Kind, m.PrefixLength))),
                ReferenceScanner.Scanner(text2));
        }

        /// <summary>
        /// Work, counted as the characters the scanner reads (<see cref="KeyMatchEnumerator.Steps"/>:
        /// its vectorised searches, walks and classification alike), not timed: on every adversarial
        /// shape it reads each character a small bounded number of times, and doubling the input at
        /// most doubles the work (2.2× allowed for the edges).
        /// </summary>
        [Theory]
        [MemberData(nameof(AdversarialShapes))]
        public void AdversarialInput_ShouldTakeLinearWork(string shape)
        {
            static long Steps(string text)
            {
                KeyMatchEnumerator matches = KeyScanner.Find(text.AsSpan());
                while (matches.MoveNext())
                {
                }

                return matches.Steps;
            }

            string text1 = Adversarial(shape).Text;
            string text2 = text1 + text1;
            long steps1 = Steps(text1);
            long steps2 = Steps(text2);
            _output.WriteLine($"{shape}: {steps1:N0} steps for {text1.Length:N0} characters, {steps2:N0} for {text2.Length:N0}");
            Assert.InRange(steps1, text1.Length, MaxStepsPerCharacter * text1.Length);
            Assert.InRange(steps2, text2.Length, (long)(2.2 * steps1));
        }

        /// <summary>
        /// How many times the scanner may read each character of its input, at most: four for the
        /// OpenAI format, one more for the search of the Azure signature, which reads the text once too.
        /// </summary>
        private const int MaxStepsPerCharacter = 5;

        /// <summary>The scanner documents that it allocates nothing: checked on the adversarial shapes.</summary>
        [Fact]
        public void Find_ShouldAllocateNothing()
        {
            string[] texts = { Adversarial("MarkerRun").Text, Adversarial("KeysSpaced").Text, Adversarial("MaximalRunsWithMarkers").Text };
            int Count(string text)
            {
                int count = 0;
                foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
                {
                    count += match.Length > 0 ? 1 : 0;
                }

                return count;
            }

            foreach (string text in texts)
            {
                Count(text);
            }

            foreach (string text in texts)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                Count(text);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.Equal(0, allocated);
            }
        }

        /// <summary>An adversarial text of 256 Ki characters and the exact number of keys in it.</summary>
        internal static (string Text, int Keys) Adversarial(string shape)
        {
            const int length = 256 * 1024;
            string key = FakeKeys.Project(7);
            string Fill(string block, int count) => new StringBuilder(block.Length * count).Insert(0, block, count).ToString();
            switch (shape)
            {
                case "MarkerRun":
                    // One run of markers: one candidate every 8 characters, one run far longer than any key.
                    return (Fill(Marker, length / Marker.Length), 0);
                case "MarkersSpaced":
                    return (Fill(Marker + " ", length / 9) + Fill(" ", length % 9), 0);
                case "PrefixAndMarkerRun":
                    // "sk-" and the marker alternating in one run.
                    return (Fill("sk-" + Marker + "a", length / 12) + Fill(" ", length % 12), 0);
                case "KeysSpaced":
                {
                    string block = key + " ";
                    return (Fill(block, length / block.Length) + Fill(" ", length % block.Length), length / block.Length);
                }

                case "KeysGluedPairwise":
                {
                    // Two keys glued into one run are no key; a third, fenced, is one.
                    string block = key + FakeKeys.Admin(8) + " " + FakeKeys.ServiceAccount(9) + "\n";
                    return (Fill(block, length / block.Length) + Fill(" ", length % block.Length), length / block.Length);
                }

                case "LongRunThenKey":
                {
                    // A run far longer than a key with a marker in the middle, then a key: the walk left is bounded.
                    string block = Fill("a", 1500) + Marker + Fill("b", 1500) + " " + key + " ";
                    return (Fill(block, length / block.Length) + Fill(" ", length % block.Length), length / block.Length);
                }

                case "PlaceholderKeys":
                {
                    // Key-shaped placeholders: the classifier runs on every one and rejects every one.
                    string block = "sk-proj-" + Fill("x", 40) + Marker + Fill("x", 40) + " sk-" + "abcdefghijklmnopqrst" + Marker + "abcdefghijklmnopqrst" + " ";
                    return (Fill(block, length / block.Length) + Fill(" ", length % block.Length), 0);
                }

                case "MaximalRunsWithMarkers":
                {
                    // Runs just under the longest key, a marker every 8 characters: many splits to try per run.
                    string run = ("sk-" + Fill(Marker, 66)).Substring(0, 530);
                    string block = run + " ";
                    int blocks = length / block.Length;
                    int perBlock = ReferenceScanner.Find(block).Count;
                    return (Fill(block, blocks) + Fill(" ", length % block.Length), perBlock * blocks);
                }

                case "KeyCharsRun":
                    // One run of key characters with no marker at all: a single vectorised search.
                    return (Fill("sk-Ab0_", length / 7) + Fill("-", length % 7), 0);
                default:
                    throw new ArgumentOutOfRangeException(nameof(shape));
            }
        }

        private static int MarkerIndex(PlantedKey planted)
        {
            // The marker sits between the two segments, which have equal lengths in every FakeKeys form.
            int segment = (planted.Key.Length - planted.PrefixLength - Marker.Length) / 2;
            int index = planted.PrefixLength + segment;
            Assert.Equal(Marker, planted.Key.Substring(index, Marker.Length));
            return index;
        }

        private static string Replace(string text, int index, char replacement)
            => text.Substring(0, index) + replacement + text.Substring(index + 1);

        private static string Piece(string key, int a, int b)
        {
            int start = Math.Min(a, b) % key.Length;
            int end = Math.Max(start + 1, Math.Max(a, b) % (key.Length + 1));
            return key.Substring(start, end - start);
        }

        /// <summary>Inserts a space into every run of key characters that reaches <see cref="ShortestKey"/> - 1.</summary>
        private static string BreakLongRuns(string text)
        {
            var builder = new StringBuilder(text.Length + 8);
            int run = 0;
            foreach (char c in text)
            {
                if (OpenAIKeyFormat.IsKeyChar(c))
                {
                    if (run == ShortestKey - 1)
                    {
                        builder.Append(' ');
                        run = 0;
                    }

                    run++;
                }
                else
                {
                    run = 0;
                }

                builder.Append(c);
            }

            return builder.ToString();
        }

        /// <summary>
        /// For failure messages of texts with no known plan: every run that holds the marker is
        /// shortened to its first 12 characters, so no key can be printed whole, found or not.
        /// </summary>
        private static string RedactPlanted(string text)
        {
            var builder = new StringBuilder();
            int i = 0;
            while (i < text.Length)
            {
                if (!OpenAIKeyFormat.IsKeyChar(text[i]))
                {
                    builder.Append(text[i++]);
                    continue;
                }

                int start = i;
                while (i < text.Length && OpenAIKeyFormat.IsKeyChar(text[i]))
                {
                    i++;
                }

                string run = text.Substring(start, i - start);
                builder.Append(run.Contains(Marker, StringComparison.Ordinal) ? run.Substring(0, Math.Min(12, run.Length)) + "…(" + run.Length + ")" : run);
            }

            return builder.ToString();
        }

        private static string Escape(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                builder.Append(c < 0x20 || c > 0x7E ? "\\u" + ((int)c).ToString("X4") : c.ToString());
            }

            return builder.ToString();
        }
    }
}
