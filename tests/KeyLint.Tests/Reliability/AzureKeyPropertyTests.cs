using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using KeyLint.Scanning;
using KeyLint.Tests.Scanning;
using Xunit.Abstractions;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Property tests of <see cref="KeyScanner.Find"/> on identifiable Azure keys, with CsCheck: a
    /// naive reference finder written here (every 84-character window, the published layout, the
    /// runtime's Marvin, the boundary rule; OpenAI keys by the run-by-run definition; overlaps by
    /// the first marker) agrees with the scanner on texts made of keys, near misses, markers, OpenAI
    /// keys, base62 runs and separators; adversarial texts stay within the scanner's step bound;
    /// no text makes it throw.
    /// </summary>
    /// <remarks>
    /// Failure messages show texts through <see cref="AzureKeyText.Show"/>, which cuts every run that
    /// could hold a key, and matches through <see cref="KeyMatch.ToString"/> (kinds and spans only).
    /// </remarks>
    public class AzureKeyPropertyTests
    {
        private readonly ITestOutputHelper _output;

        public AzureKeyPropertyTests(ITestOutputHelper output) => _output = output;

        private const string OpenAIMarker = FakeKeys.Marker;
        private const string Signature = AzureKeyText.Signature;

        /// <summary>
        /// How many times the scanner may read each character, at most: the bound of
        /// <c>ScannerPropertyTests.AdversarialInput_ShouldTakeLinearWork</c> (four for the OpenAI
        /// format, one more for the Azure signature).
        /// </summary>
        private const int MaxStepsPerCharacter = 5;

        // ---------------------------------------------------------------- the reference

        /// <summary>
        /// The slow definition of what <see cref="KeyScanner.Find"/> returns on any text: every Azure key
        /// (naive windows) and every OpenAI key (whole runs), then, in the order of their markers (the
        /// Azure signature at 52; the first OpenAI marker of the run), each key that does not overlap a
        /// key already taken.
        /// </summary>
        internal static List<KeyMatch> Reference(string text)
        {
            var candidates = new List<(int Marker, KeyMatch Match)>();
            foreach (KeyMatch azure in AzureKeyText.ReferenceFind(text))
            {
                candidates.Add((azure.Start + AzureKeyText.SignatureOffset, azure));
            }

            foreach (KeyMatch openAI in ScannerInvariants.ReferenceFind(text))
            {
                candidates.Add((text.IndexOf(OpenAIMarker, openAI.Start, openAI.Length, StringComparison.Ordinal), openAI));
            }

            var taken = new List<KeyMatch>();
            int end = 0;
            foreach ((int _, KeyMatch match) in candidates.OrderBy(c => c.Marker))
            {
                if (match.Start >= end)
                {
                    taken.Add(match);
                    end = match.End;
                }
            }

            return taken;
        }

        // ---------------------------------------------------------------- generators

        private static readonly Gen<char> GenService = Gen.Char["ABEYabcdefghijklmnopz09"];

        private static readonly Gen<string> GenAzureKey = Gen.Select(
            Gen.Int[1, 1_000_000], GenService, Gen.Char["ABCDEFGHIJKL"], Gen.Char["ABCZa9"],
            (seed, service, month, year) => FakeAzureKeys.Create(seed, service, year, month));

        private static readonly Gen<string> GenBase62 = Gen.Char[AzureKeyText.Base62].Array[1, 90].Select(chars => new string(chars));

        /// <summary>Keys that are almost keys, and a few that are keys in unusual forms (early base64 checksum, markers inside).</summary>
        private static readonly Gen<string> GenNearMiss = Gen.Select(
            GenAzureKey, Gen.Int[0, 13], Gen.Int[0, 83], Gen.Char[AzureKeyText.Base62 + "+/-_ =\u00e9"], Gen.Int[1, 1_000_000],
            (key, variant, offset, c, seed) => variant switch
            {
                0 => FakeAzureKeys.WithWrongChecksum(key),
                1 => FakeAzureKeys.Create(seed, kind: 'D'),
                2 => FakeAzureKeys.Create(seed, kind: 'H'),
                3 => FakeAzureKeys.Create(seed, month: 'M'),
                4 => FakeAzureKeys.Create(seed, providerSignature: "ACOH"),
                5 => key.Substring(0, 83),
                6 => key.Substring(1),
                7 => AzureKeyText.Replace(key, offset, c),
                8 => key.Substring(0, 80) + AzureKeyText.Base64Checksum(key.Substring(0, 80)),
                9 => key.Substring(Math.Min(offset, 80)),
                10 => key.Substring(0, Math.Max(offset, 5)),
                11 => AzureKeyText.Build(Scan.RandomText(seed, 52, Scan.Alphanumerics), Scan.RandomText(seed + 1, 12, Scan.Alphanumerics), service: c == '+' ? 'A' : 'B', reserved: "AAB"),
                12 => AzureKeyText.Build(InsertAt(Scan.RandomText(seed, 52, Scan.Alphanumerics), offset % 45, OpenAIMarker), Scan.RandomText(seed + 1, 12, Scan.Alphanumerics)),
                _ => AzureKeyText.Build(Scan.RandomText(seed, 52, Scan.Alphanumerics), InsertAt(Scan.RandomText(seed + 1, 12, Scan.Alphanumerics), offset % 5, OpenAIMarker)),
            });

        /// <summary>
        /// Azure keys inside OpenAI-shaped runs: "sk-" before a key holding the OpenAI marker, a
        /// segment after it, or an Azure key as part of an OpenAI segment — the overlaps the
        /// first-marker rule decides.
        /// </summary>
        private static readonly Gen<string> GenOverlap = Gen.Select(
            Gen.Int[1, 1_000_000], Gen.Int[0, 44], Gen.Int[0, 4], Gen.Int[0, 3], Gen.Int[0, 70],
            (seed, randomOffset, platformOffset, shape, extra) =>
            {
                string random = Scan.RandomText(seed, 52, Scan.Alphanumerics);
                string platform = Scan.RandomText(seed + 1, 12, Scan.Alphanumerics);
                string filler = Scan.RandomText(seed + 2, extra, Scan.Base64Url);
                return shape switch
                {
                    0 => "sk-" + AzureKeyText.Build(InsertAt(random, randomOffset, OpenAIMarker), platform) + (extra % 2 == 0 ? string.Empty : "-" + filler),
                    1 => "sk-" + AzureKeyText.Build(random, InsertAt(platform, platformOffset, OpenAIMarker)) + "-" + filler,
                    2 => "sk-proj-" + AzureKeyText.Build(random, platform) + "-" + filler + OpenAIMarker + Scan.RandomText(seed + 3, 85 + extra, Scan.Alphanumerics),
                    _ => "sk-proj-" + Scan.RandomText(seed + 3, 85 + extra, Scan.Alphanumerics) + OpenAIMarker + filler + "_" + AzureKeyText.Build(random, platform),
                };
            });

        private static readonly Gen<string> GenSeparator = Gen.OneOfConst(
            " ", "-", "_", "+", "/", "=", "\"", "'", "\n", "\r\n", ":", ".", ",", "\u00e9", "\uD800", "\uDC00", "\u00a0", string.Empty);

        private static readonly Gen<string> GenMarkerPiece = Gen.OneOfConst(
            Signature, OpenAIMarker, "JQQJ", "QQJ9", "JQQJ99", "JQQJ99BC", "AAAB", "ACOG", "AAABACOG", "sk-", "sk-proj-", "T3BlbkF", "9", "Ab==", "==", "x=");

        /// <summary>Marker pieces that cannot make an OpenAI key (no "sk-"): for filler that must hold no key.</summary>
        private static readonly Gen<string> GenAzureMarkerPiece = Gen.OneOfConst(Signature, "JQQJ99BC", "AAABACOG", "QQJ9", OpenAIMarker);

        private static readonly Gen<string> GenFragment = Gen.Frequency(
            (4, GenAzureKey),
            (4, GenNearMiss),
            (2, GenOverlap),
            (2, ScannerPropertyTests.GenKey.Select(k => k.Key)),
            (4, GenMarkerPiece),
            (3, GenBase62),
            (6, GenSeparator));

        private static string InsertAt(string text, int index, string value) => text.Substring(0, index) + value + text.Substring(index + value.Length);

        // ---------------------------------------------------------------- agreement with the reference

        /// <summary>
        /// Texts of 0–14 fragments glued with no separator enforced: the scanner agrees with the
        /// reference, and so do ContainsKey and IsKey; the fuzz harness's invariants hold.
        /// </summary>
        [Fact]
        public void Find_ShouldAgreeWithTheReference_OnTextsOfKeysNearMissesMarkersAndSeparators()
        {
            int keys = 0;
            int azureKeys = 0;
            GenFragment.Array[0, 14].Select(string.Concat).Sample(
                text =>
                {
                    List<KeyMatch> expected = Reference(text);
                    List<KeyMatch> found = ReferenceScanner.Scanner(text);
                    Assert.True(expected.SequenceEqual(found), "expected " + ReferenceScanner.Show(expected) + ", found " + ReferenceScanner.Show(found));
                    Assert.Equal(expected.Count > 0, KeyScanner.ContainsKey(text.AsSpan()));
                    Assert.Equal(expected.Count == 1 && expected[0].Start == 0 && expected[0].Length == text.Length, KeyScanner.IsKey(text.AsSpan(), out _));

                    // The fuzz harness's invariants hold on texts with Azure keys too.
                    ScannerInvariants.Check(text);
                    keys += found.Count;
                    azureKeys += found.Count(m => m.Kind == KeyKind.Azure);
                },
                iter: 3000,
                print: text => "length " + text.Length + ": " + AzureKeyText.Show(text));
            _output.WriteLine($"{keys} keys found, {azureKeys} of them Azure");
            Assert.True(azureKeys > 1000, "the generator should plant many Azure keys, not " + azureKeys);
        }

        /// <summary>Fragments always fenced by a non-key character: every Azure key and every near miss is decided on its own.</summary>
        [Fact]
        public void Find_ShouldAgreeWithTheReference_OnFencedFragments()
        {
            Gen<string> fenced = Gen.Select(Gen.Frequency((3, GenAzureKey), (3, GenNearMiss), (1, GenOverlap)), Gen.OneOfConst(" ", "\n", "\"", "=", "/", "+", ";"), (piece, fence) => piece + fence);
            fenced.Array[1, 10].Select(string.Concat).Sample(
                text =>
                {
                    List<KeyMatch> expected = Reference(text);
                    List<KeyMatch> found = ReferenceScanner.Scanner(text);
                    Assert.True(expected.SequenceEqual(found), "expected " + ReferenceScanner.Show(expected) + ", found " + ReferenceScanner.Show(found));
                },
                iter: 2000,
                print: text => "length " + text.Length + ": " + AzureKeyText.Show(text));
        }

        /// <summary>Azure keys planted in filler that holds no key by construction: found exactly where they were planted.</summary>
        [Fact]
        public void AzureKeysPlantedInFiller_ShouldBeFoundExactly()
        {
            Gen<string> filler = Gen.Frequency(
                    (3, Gen.Char[" \t\n\"'=:;,./\\+-_()[]{}<>\u00e9\u4e2d\uD800"].Array[1, 20].Select(c => new string(c))),
                    (2, Gen.Char[AzureKeyText.Base62].Array[0, 40].Select(c => new string(c))),
                    (1, GenAzureMarkerPiece))
                .Array[0, 4].Select(pieces => string.Concat(pieces) + " ");
            Gen.Int[0, 6].SelectMany(count => Gen.Select(filler.Array[count + 1], GenAzureKey.Array[count], (fillers, keys) => (fillers, keys))).Sample(
                planted =>
                {
                    var text = new StringBuilder(" ");
                    var expected = new List<KeyMatch>();
                    for (int i = 0; i < planted.keys.Length; i++)
                    {
                        text.Append(planted.fillers[i]);
                        expected.Add(new KeyMatch(text.Length, AzureKeyText.Length, KeyKind.Azure, 0));
                        text.Append(planted.keys[i]).Append(' ');
                    }

                    text.Append(planted.fillers[planted.keys.Length]);
                    List<KeyMatch> found = ReferenceScanner.Scanner(text.ToString());
                    Assert.True(expected.SequenceEqual(found), "expected " + ReferenceScanner.Show(expected) + ", found " + ReferenceScanner.Show(found));
                },
                iter: 2000,
                print: planted => string.Join(" | ", planted.fillers.Select(AzureKeyText.Show)) + " with " + planted.keys.Length + " keys");
        }

        // ---------------------------------------------------------------- no exception, invariants

        /// <summary>Any text — arbitrary UTF-16, lone surrogates, or fragments — completes, with matches in range, in order, not overlapping, each a key.</summary>
        [Fact]
        public void Find_ShouldNeverThrow_AndKeepItsInvariants()
        {
            Gen<string> anyText = Gen.Frequency(
                (2, Gen.String),
                (2, Gen.Char.Array[0, 300].Select(c => new string(c))),
                (3, GenFragment.Array[0, 10].Select(string.Concat)),
                (1, Gen.Select(GenFragment.Array[0, 10].Select(string.Concat), Gen.Int[0, 10_000], (t, cut) => t.Substring(0, t.Length == 0 ? 0 : cut % t.Length))));
            anyText.Sample(
                text =>
                {
                    List<KeyMatch> found = ReferenceScanner.Scanner(text);
                    int end = 0;
                    foreach (KeyMatch match in found)
                    {
                        Assert.True(match.Start >= end && match.End <= text.Length, "out of order or range: " + ReferenceScanner.Show(found));
                        end = match.End;
                        if (match.Kind == KeyKind.Azure)
                        {
                            Assert.True(AzureKeyText.ReferenceFind(text).Contains(match), "not an Azure key by the reference: " + match);
                            Assert.Equal(0, match.PrefixLength);
                        }
                        else
                        {
                            Assert.True(OpenAIKeyFormat.TryClassify(text.AsSpan(match.Start, match.Length), out _, out _), "not an OpenAI key: " + match);
                        }
                    }

                    _ = KeyScanner.ContainsKey(text.AsSpan());
                    _ = KeyScanner.HasMarkerOutsideKeys(text.AsSpan());
                    _ = KeyRedactor.RedactAll(text);
                },
                iter: 5000,
                print: text => "length " + text.Length + ": " + AzureKeyText.Show(text));
        }

        // ---------------------------------------------------------------- linear work

        public static TheoryData<string> AdversarialShapes => new TheoryData<string>
        {
            "SignatureRun", "SignatureAndKindRun", "SignaturesInBase62", "SignaturesSpaced", "BothMarkersRun", "SkSignatureMarkerRun",
            "FixedFieldsPeriod33", "FixedFieldsPeriod48", "FixedFieldsPeriod85",
            "KeysSpaced", "NearMissesSpaced", "KeysGlued", "KeysDashed", "AzureInsideOpenAIRuns",
        };

        /// <summary>
        /// Work, counted as the characters the scanner reads (<see cref="KeyMatchEnumerator.Steps"/>):
        /// on Azure-adversarial shapes of 256 Ki characters it stays within the bound per character,
        /// and doubling the input at most doubles it (2.2× for the edges). Results are exact.
        /// </summary>
        /// <remarks>
        /// The shapes with a candidate passing every fixed field about every 21–24 characters
        /// (<see cref="DenseCandidateShapes"/>) count more than <see cref="MaxStepsPerCharacter"/>: they
        /// are held here to the most any text can count (one step a character for the search and 100 per
        /// candidate, at most 4 candidates in 85 characters: 5.71), and to the bound of 5 by
        /// <see cref="DenseFixedFieldCandidates_ShouldStayWithinTheStepBound"/>, skipped as a product bug.
        /// </remarks>
        [Theory]
        [MemberData(nameof(AdversarialShapes))]
        public void AdversarialInput_ShouldTakeLinearWorkAndGiveExactResults(string shape)
        {
            (string text1, int keys1) = Adversarial(shape);
            string text2 = text1 + text1;
            (long steps1, int found1) = Steps(text1);
            (long steps2, int found2) = Steps(text2);
            _output.WriteLine($"{shape}: {steps1:N0} steps for {text1.Length:N0} characters ({(double)steps1 / text1.Length:F2} a character), {steps2:N0} for {text2.Length:N0}");

            Assert.Equal(keys1, found1);
            Assert.Equal(2 * keys1, found2);
            List<KeyMatch> expected = Reference(text1);
            Assert.Equal(keys1, expected.Count);
            Assert.True(expected.SequenceEqual(ReferenceScanner.Scanner(text1)), "Find and the reference disagree on " + shape);
            double bound = DenseCandidateShapes.Contains(shape) ? MostStepsPerCharacterForAzureCandidates : MaxStepsPerCharacter;
            Assert.InRange(steps1, text1.Length, (long)(bound * text1.Length));
            Assert.InRange(steps2, text2.Length, (long)(2.2 * steps1));
        }

        /// <summary>Shapes whose candidates pass every fixed field every 24 (period 48) or 21¼ (period 85) characters.</summary>
        private static readonly string[] DenseCandidateShapes = { "FixedFieldsPeriod48", "FixedFieldsPeriod85" };

        /// <summary>
        /// The most steps a character any text can cost the Azure scan: 1 for the marker search, plus
        /// 100 (2 for the boundaries, 14 for the fixed fields, 84 for the characters) for each candidate
        /// passing the fixed fields and boundaries, which can be at most 4 in 85 characters
        /// (<see cref="FixedFieldsTemplate"/>; a search of every period up to 200 finds no denser one).
        /// </summary>
        private const double MostStepsPerCharacterForAzureCandidates = 1 + (100 * 4 / 85.0) + 0.01;

        /// <summary>
        /// The bound of <see cref="MaxStepsPerCharacter"/> on the densest fixed-field candidates. The
        /// scan once counted all 84 characters for each of them (5.17 and 5.70 steps a character) although
        /// it reads far fewer: each candidate's window holds another candidate's boundary within its
        /// first 9–33 characters, where the letter-or-digit loop stops. It counts what it reads now.
        /// </summary>
        [Theory]
        [InlineData("FixedFieldsPeriod48")]
        [InlineData("FixedFieldsPeriod85")]
        public void DenseFixedFieldCandidates_ShouldStayWithinTheStepBound(string shape)
        {
            string text = Adversarial(shape).Text;
            Assert.InRange(Steps(text).Steps, text.Length, MaxStepsPerCharacter * (long)text.Length);
        }

        private static (long Steps, int Keys) Steps(string text)
        {
            KeyMatchEnumerator matches = KeyScanner.Find(text.AsSpan());
            int keys = 0;
            while (matches.MoveNext())
            {
                keys++;
            }

            return (matches.Steps, keys);
        }

        /// <summary>An adversarial text of 256 Ki characters (ending in a non-key character) and the exact number of keys in it.</summary>
        internal static (string Text, int Keys) Adversarial(string shape)
        {
            const int length = 256 * 1024;
            string Fill(string block) => new StringBuilder(length + block.Length).Insert(0, block, length / block.Length).Append(' ', length % block.Length).ToString();
            int Blocks(string block) => length / block.Length;
            switch (shape)
            {
                case "SignatureRun":
                    // A signature every 5 characters, one run: every one is a candidate glued on both sides.
                    return (Fill(Signature), 0);
                case "SignatureAndKindRun":
                    // JQQJ99 repeated: the signature and the kind match for every candidate, the month never.
                    return (Fill(Signature + "9"), 0);
                case "SignaturesInBase62":
                    return (Fill("a0" + Signature), 0);
                case "SignaturesSpaced":
                    return (Fill(Signature + " "), 0);
                case "BothMarkersRun":
                    return (Fill(OpenAIMarker + Signature), 0);
                case "SkSignatureMarkerRun":
                    return (Fill("sk-" + Signature + OpenAIMarker + "-"), 0);
                case "FixedFieldsPeriod33":
                    // The densest single candidate per period whose fixed fields and boundaries all match.
                    return (Fill(FixedFieldsTemplate(33, 0)), 0);
                case "FixedFieldsPeriod48":
                    return (Fill(FixedFieldsTemplate(48, 0, 13)), 0);
                case "FixedFieldsPeriod85":
                    // Four candidates every 85 characters, each passing the fixed fields and the boundaries.
                    return (Fill(FixedFieldsTemplate(85, 0, 9, 42, 51)), 0);
                case "KeysSpaced":
                {
                    string block = FakeAzureKeys.Create(300) + " ";
                    return (Fill(block), Blocks(block));
                }

                case "NearMissesSpaced":
                {
                    // Every candidate passes everything but the checksum: the most work one candidate can take.
                    string block = FakeAzureKeys.WithWrongChecksum(FakeAzureKeys.Create(301)) + "\n";
                    return (Fill(block), 0);
                }

                case "KeysGlued":
                    // Keys back to back: every candidate is glued to its neighbours.
                    return (Fill(FakeAzureKeys.Create(302) + FakeAzureKeys.Create(303)), 0);
                case "KeysDashed":
                {
                    // Keys joined by '-': each is a key, and together they form one long OpenAI-style run with no OpenAI marker.
                    string block = FakeAzureKeys.Create(304) + "-";
                    return (Fill(block), Blocks(block));
                }

                case "AzureInsideOpenAIRuns":
                {
                    // "sk-" + an Azure key holding the OpenAI marker: an OpenAI key and an Azure key over the same characters.
                    string azure = AzureKeyText.Build(InsertAt(Scan.RandomText(305, 52, Scan.Alphanumerics), 38, OpenAIMarker), Scan.RandomText(306, 12, Scan.Alphanumerics));
                    string block = "sk-" + azure + " ";
                    return (Fill(block), Blocks(block));
                }

                default:
                    throw new ArgumentOutOfRangeException(nameof(shape));
            }
        }

        /// <summary>
        /// A block of <paramref name="period"/> characters that, repeated, puts a candidate at each of
        /// <paramref name="starts"/> (modulo the period) whose boundaries, JQQJ9, kind, month, AAA and
        /// ACOG all match: each costs the scanner a full read of its 84 characters. The rest is 'x'.
        /// </summary>
        private static string FixedFieldsTemplate(int period, params int[] starts)
        {
            var block = new char?[period];
            void Put(int position, char c)
            {
                int at = ((position % period) + period) % period;
                if (block[at] is char existing && existing != c)
                {
                    throw new InvalidOperationException($"the candidates clash at {at} (period {period})");
                }

                block[at] = c;
            }

            foreach (int start in starts)
            {
                Put(start - 1, ' ');
                Put(start + 84, ' ');
                for (int i = 0; i < 5; i++)
                {
                    Put(start + 52 + i, Signature[i]);
                }

                Put(start + 57, '9');
                for (int i = 0; i < 3; i++)
                {
                    Put(start + 72 + i, 'A');
                }

                for (int i = 0; i < 4; i++)
                {
                    Put(start + 76 + i, "ACOG"[i]);
                }
            }

            // The months last: any of A–L will do, so one already placed by another candidate's field is kept.
            foreach (int start in starts)
            {
                int at = (start + 59) % period;
                if (block[at] is char existing && (existing < 'A' || existing > 'L'))
                {
                    throw new InvalidOperationException($"the month clashes at {at} (period {period})");
                }

                block[at] ??= 'C';
            }

            string text = new string(block.Select(c => c ?? 'x').ToArray());

            // The text is a run of these blocks: the candidates must be the only signatures in it.
            string twice = text + text + text;
            int signatures = 0;
            for (int i = twice.IndexOf(Signature, StringComparison.Ordinal); i >= 0; i = twice.IndexOf(Signature, i + 1, StringComparison.Ordinal))
            {
                signatures++;
            }

            if (signatures != 3 * starts.Length)
            {
                throw new InvalidOperationException("the template holds further signatures");
            }

            return text;
        }
    }
}
