using System;
using System.Collections.Generic;
using System.Linq;
using KeyLint.Scanning;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// Every limit of <see cref="OpenAIKeyFormat"/> pinned on both sides, with the answer the format's
    /// own reasoning gives: segment lengths (16..256, similar lengths), the distinct-character rule
    /// at a second marker, <see cref="OpenAIKeyFormat.LooksRandom"/> (classes, distinct characters,
    /// sequences), named service keys (name length and characters, alphanumeric segments), prefix
    /// words, the marker and the key characters.
    /// </summary>
    /// <remarks>
    /// Keys are built from seeded random segments (<see cref="Segment"/>) or from short cycled
    /// alphabets around <see cref="OpenAIKeyFormat.Marker"/>; no key is written out, and no message
    /// shows one (only lengths and positions).
    /// </remarks>
    public class OpenAIKeyFormatBoundaryTests
    {
        private const string Marker = OpenAIKeyFormat.Marker;

        // ---------------------------------------------------------------- helpers

        /// <summary><paramref name="length"/> characters of [A-Za-z0-9] from <c>new Random(seed)</c>, checked to look random.</summary>
        internal static string Segment(int seed, int length)
        {
            string segment = Scan.RandomText(seed, length, Scan.Alphanumerics);
            Assert.True(OpenAIKeyFormat.LooksRandom(segment.AsSpan()), $"seed {seed}: the random segment of {length} must look random");
            return segment;
        }

        /// <summary><c>sk-</c> + <paramref name="word"/> + a random head + the marker + a random tail.</summary>
        private static string Key(string word, int head, int tail, int seed)
            => OpenAIKeyFormat.KeyStart + word + Segment(seed, head) + Marker + Segment(seed + 1, tail);

        /// <summary><c>sk-</c> + name + <c>-</c> + a random head + the marker + a random tail: a named service key's shape.</summary>
        private static string Named(string name, int seed, int head = 20, int tail = 20)
            => OpenAIKeyFormat.KeyStart + name + "-" + Segment(seed, head) + Marker + Segment(seed + 1, tail);

        /// <summary><paramref name="alphabet"/> repeated to <paramref name="length"/> characters.</summary>
        internal static string Cycle(string alphabet, int length)
            => new string(Enumerable.Range(0, length).Select(i => alphabet[i % alphabet.Length]).ToArray());

        internal static string Replace(string text, int index, char c) => text.Substring(0, index) + c + text.Substring(index + 1);

        /// <summary>The number of neighbours one code apart (an ascending or descending step), counted here independently.</summary>
        private static int Sequences(string segment)
        {
            int count = 0;
            for (int i = 1; i < segment.Length; i++)
            {
                if (segment[i] - segment[i - 1] == 1 || segment[i - 1] - segment[i] == 1)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>
        /// Asserts that <paramref name="run"/> is exactly one key of <paramref name="kind"/>, for
        /// <see cref="OpenAIKeyFormat.TryClassify(ReadOnlySpan{char}, out KeyKind, out int)"/> and for the scanner, alone and in text.
        /// </summary>
        private static void AssertKey(string run, KeyKind kind, int prefixLength)
        {
            Assert.True(OpenAIKeyFormat.TryClassify(run.AsSpan(), out KeyKind foundKind, out int foundPrefix), $"a run of {run.Length} must be a key");
            Assert.Equal(kind, foundKind);
            Assert.Equal(prefixLength, foundPrefix);
            Assert.Equal(new[] { new KeyMatch(0, run.Length, kind, prefixLength) }, Scan.All(run));
            Assert.Equal(new[] { new KeyMatch(5, run.Length, kind, prefixLength) }, Scan.All("key=\"" + run + "\"\n"));
        }

        /// <summary>Asserts that the run of key characters <paramref name="run"/> is no key, alone and in text.</summary>
        private static void AssertNoKey(string run)
        {
            Assert.False(OpenAIKeyFormat.TryClassify(run.AsSpan(), out _, out _), $"a run of {run.Length} must be no key");
            Assert.Empty(Scan.All(run));
            Assert.Empty(Scan.All("key=\"" + run + "\"\n"));
        }

        public static IEnumerable<object[]> PrefixWords() => new[]
        {
            new object[] { "", KeyKind.LegacyUser, 3 },
            new object[] { "proj-", KeyKind.Project, 8 },
            new object[] { "svcacct-", KeyKind.ServiceAccount, 11 },
            new object[] { "admin-", KeyKind.Admin, 9 },
            new object[] { "None-", KeyKind.LegacyNone, 8 },
        };

        // ---------------------------------------------------------------- segment lengths: 16..256

        [Theory]
        [MemberData(nameof(PrefixWords))]
        public void SegmentsOfSixteen_AreAKey_SegmentsOfFifteenAreNot(string word, KeyKind kind, int prefixLength)
        {
            Assert.Equal(16, OpenAIKeyFormat.MinSegmentLength);
            AssertKey(Key(word, 16, 16, 100), kind, prefixLength);

            // The segments of 15 look random (7 distinct of min(10, 15/2)): only their length rules them out.
            AssertNoKey(Key(word, 15, 15, 102));
            AssertNoKey(Key(word, 15, 16, 104));
            AssertNoKey(Key(word, 16, 15, 106));
        }

        [Theory]
        [MemberData(nameof(PrefixWords))]
        public void SegmentsOf256_AreAKey_SegmentsOf257AreNot(string word, KeyKind kind, int prefixLength)
        {
            Assert.Equal(256, OpenAIKeyFormat.MaxSegmentLength);
            AssertKey(Key(word, 256, 256, 110), kind, prefixLength);
            AssertKey(Key(word, 255, 256, 112), kind, prefixLength);

            AssertNoKey(Key(word, 257, 257, 114));
            AssertNoKey(Key(word, 256, 257, 116));
            AssertNoKey(Key(word, 257, 256, 118));
        }

        /// <summary>
        /// Similar lengths: both within 16..256 and at most max(2, shorter / 8) apart (integer division).
        /// </summary>
        [Theory]
        [InlineData(16, 16, true)]
        [InlineData(15, 15, false)]
        [InlineData(15, 16, false)]
        [InlineData(16, 15, false)]
        [InlineData(16, 18, true)]
        [InlineData(18, 16, true)]
        [InlineData(16, 19, false)]
        [InlineData(19, 16, false)]
        [InlineData(23, 25, true)]
        [InlineData(23, 26, false)]
        [InlineData(24, 27, true)]
        [InlineData(27, 24, true)]
        [InlineData(24, 28, false)]
        [InlineData(28, 24, false)]
        [InlineData(80, 90, true)]
        [InlineData(90, 80, true)]
        [InlineData(80, 91, false)]
        [InlineData(91, 80, false)]
        [InlineData(200, 225, true)]
        [InlineData(200, 226, false)]
        [InlineData(255, 256, true)]
        [InlineData(256, 256, true)]
        [InlineData(256, 257, false)]
        [InlineData(257, 256, false)]
        [InlineData(257, 257, false)]
        [InlineData(16, 256, false)]
        [InlineData(0, 0, false)]
        public void HaveSimilarLengths_ShouldBeTrueExactlyWithinTheLimits(int head, int tail, bool expected)
            => Assert.Equal(expected, OpenAIKeyFormat.HaveSimilarLengths(head, tail));

        [Theory]
        [InlineData(16, 18, true)]
        [InlineData(18, 16, true)]
        [InlineData(16, 19, false)]
        [InlineData(19, 16, false)]
        [InlineData(24, 27, true)]
        [InlineData(27, 24, true)]
        [InlineData(24, 28, false)]
        [InlineData(28, 24, false)]
        [InlineData(80, 90, true)]
        [InlineData(90, 80, true)]
        [InlineData(80, 91, false)]
        [InlineData(91, 80, false)]
        public void ProjectKeyWithSegmentsOfDifferentLengths_IsAKeyExactlyWithinTheLimits(int head, int tail, bool isKey)
        {
            string run = Key("proj-", head, tail, 120 + head + tail);
            if (isKey)
            {
                AssertKey(run, KeyKind.Project, 8);
            }
            else
            {
                AssertNoKey(run);
            }
        }

        // ---------------------------------------------------------------- distinct characters at a second marker

        /// <summary>
        /// Ten characters, none one code from its neighbours (cyclically), with no marker when repeated:
        /// <paramref name="first"/>, the marker's F k T J 3, <paramref name="second"/>, the marker's b B l.
        /// </summary>
        private static string TenCharacters(char first, char second) => first + "FkTJ3" + second + "bBl";

        /// <summary>
        /// <c>sk-</c> + (20 + marker + 20) + marker + 48 from ten characters: the head holds a marker,
        /// so the run has two, and only the split at the second is a key. With exactly ten distinct
        /// characters after <c>sk-</c> any segment can look random (it needs min(10, n/2)), so the run
        /// of 107 — longer than the 94 a run with fewer could hold — is not ruled out: a legacy key.
        /// With nine, no segment of 48 looks random: no key.
        /// </summary>
        [Theory]
        [InlineData('x', 'Q')] // both from 64 to 127, like the marker's letters
        [InlineData('-', '0')] // both below 64, like the marker's '3'
        [InlineData('-', '_')] // one on each side of 64
        [InlineData('9', 'z')]
        public void LegacyKeyWithTwoMarkersAndExactlyTenDistinctCharacters_IsAKey(char first, char second)
        {
            string ten = TenCharacters(first, second);
            string run = "sk-" + Cycle(ten, 20) + Marker + Cycle(ten, 20) + Marker + Cycle(ten, 48);
            Assert.Equal(107, run.Length);
            Assert.Equal(10, run.Substring(3).Distinct().Count());
            Assert.Equal(0, Sequences(run.Substring(3)));
            AssertKey(run, KeyKind.LegacyUser, 3);

            string nine = TenCharacters(first, first);
            string nineRun = "sk-" + Cycle(nine, 20) + Marker + Cycle(nine, 20) + Marker + Cycle(nine, 48);
            Assert.Equal(9, nineRun.Substring(3).Distinct().Count());
            AssertNoKey(nineRun);
        }

        /// <summary>
        /// <c>sk-J</c> + marker + <paramref name="middle"/> + J… + marker + <c>J</c>, <paramref name="length"/>
        /// characters: two markers and no split with a key's shape (the first head and the last tail have
        /// one character), so no key whatever the rule decides; only the work done tells whether the
        /// distinct-character rule ruled the run out at the second marker.
        /// </summary>
        private static string TwoMarkerRun(string middle, int length)
            => "sk-J" + Marker + middle + new string('J', length - 21 - middle.Length) + Marker + "J";

        /// <summary>
        /// With d &lt; 10 distinct characters after <c>sk-</c> a segment has at most 2d + 1 characters, so a
        /// run longer than 44 (<c>sk-</c>, a 40-character name, <c>-</c>) + (2d + 1) + 8 + (2d + 1) is ruled
        /// out in one pass at its second marker; from ten distinct characters on, never. A character
        /// outside ASCII (never in a run the scanner reads) makes the count give up: not ruled out.
        /// </summary>
        /// <remarks>
        /// The characters read (the tests' measure of work): the two marker searches read
        /// length + 3 up to the end of the second marker (the second starts again one past the first
        /// marker's start), the rule reads the length − 3 after <c>sk-</c>: 2 × length when it rules the
        /// run out. Otherwise the split at the second marker reads nothing (its tail has one
        /// character) and the search for a third marker reads the last 8: 2 × length + 8.
        /// </remarks>
        [Theory]
        [InlineData("", 86, true)] // the marker's 8 distinct characters: 44 + 17 + 8 + 17 = 86
        [InlineData("", 87, false)]
        [InlineData("x", 90, true)] // 9: 44 + 19 + 8 + 19 = 90
        [InlineData("x", 91, false)]
        [InlineData("-", 90, true)]
        [InlineData("-", 91, false)]
        [InlineData("_", 90, true)]
        [InlineData("_", 91, false)]
        [InlineData("0", 91, false)]
        [InlineData("xQ", 95, true)] // 10: never ruled out by the count, not even past 94
        [InlineData("-_", 95, true)]
        [InlineData("09", 95, true)]
        [InlineData("xQ", 531, true)]
        [InlineData("\u00E9x", 91, true)] // nine ASCII characters and one outside ASCII
        [InlineData("\u0080", 91, true)] // eight and the first character outside ASCII
        [InlineData("\uFFFF", 87, true)]
        public void RunWithTwoMarkers_IsRuledOutAtTheSecondExactlyWhenTooLongForItsDistinctCharacters(string middle, int length, bool readsOn)
        {
            string run = TwoMarkerRun(middle, length);
            Assert.Equal(length, run.Length);
            Assert.True(length <= OpenAIKeyFormat.MaxKeyLength);

            long steps = 0;
            Assert.False(OpenAIKeyFormat.TryClassify(run.AsSpan(), out _, out _, ref steps));
            Assert.Equal(readsOn ? (2L * length) + 8 : 2L * length, steps);
        }

        /// <summary>
        /// The characters read for a run with one marker whose first split is a key: the marker search
        /// (from after <c>sk-</c> to the end of the marker), the named-key check when its shape fits
        /// (20 after the marker, a name of 1..40 and a dash: body + tail), and both segments when their
        /// lengths are similar.
        /// </summary>
        [Theory]
        [InlineData("legacy", 25 + 3, 0, 40)] // the marker at 23; no name fits before a segment of 20
        [InlineData("project", 25 + 8, 0, 40)] // a prefix word is read before any name
        [InlineData("project74", 79 + 8, 0, 148)]
        [InlineData("named", 31 + 8, 31 + 20, 40)]
        [InlineData("namedAfterAdmin", 36 + 8, 36 + 20, 40)] // the admin split's lengths (30, 20) are not similar: not read
        [InlineData("legacyWithDash", 22 + 8, 22 + 20, 22 + 20)] // the name fits but the segment holds a dash: read as a legacy key of 22 + 20
        public void WorkDone_ForAOneMarkerKey_IsTheSearchTheNameCheckAndTheSegments(string shape, int search, int nameCheck, int segments)
        {
            string head = Segment(480, 20);
            string tail = Segment(481, 20);
            string run = shape switch
            {
                "legacy" => "sk-" + head + Marker + tail,
                "project" => "sk-proj-" + head + Marker + tail,
                "project74" => "sk-proj-" + Segment(482, 74) + Marker + Segment(483, 74),
                "named" => "sk-my-service-" + head + Marker + tail,
                "namedAfterAdmin" => "sk-admin-dashboard-" + head + Marker + tail,
                _ => "sk-a-" + Replace(head, 5, '-') + Marker + tail,
            };

            long steps = 0;
            Assert.True(OpenAIKeyFormat.TryClassify(run.AsSpan(), out _, out _, ref steps));
            Assert.Equal(search + nameCheck + segments, steps);
        }

        // ---------------------------------------------------------------- LooksRandom

        /// <summary>A pool of 20 characters alternating letters and digits, none one code from another it meets when cycled.</summary>
        private const string Pool = "A0c2E4g6I8k1M3o5Q7s9";

        /// <summary>A segment of n characters needs min(10, n / 2) distinct ones (integer division).</summary>
        [Theory]
        [InlineData(4, 2, true)]
        [InlineData(16, 8, true)]
        [InlineData(16, 7, false)]
        [InlineData(17, 8, true)]
        [InlineData(17, 7, false)]
        [InlineData(19, 9, true)]
        [InlineData(19, 8, false)]
        [InlineData(20, 10, true)]
        [InlineData(20, 9, false)]
        [InlineData(21, 10, true)]
        [InlineData(21, 9, false)]
        [InlineData(40, 10, true)]
        [InlineData(40, 9, false)]
        [InlineData(74, 10, true)]
        [InlineData(74, 9, false)]
        [InlineData(256, 10, true)]
        [InlineData(256, 9, false)]
        public void LooksRandom_NeedsMinOfTenAndHalfTheLengthDistinctCharacters(int length, int distinct, bool expected)
        {
            string segment = Cycle(Pool.Substring(0, distinct), length);
            Assert.Equal(distinct, segment.Distinct().Count());
            Assert.Equal(0, Sequences(segment));
            Assert.Equal(expected, OpenAIKeyFormat.LooksRandom(segment.AsSpan()));
        }

        /// <summary>
        /// A segment needs two of the classes upper case, lower case, digits ('-' and '_' are in none).
        /// Each alphabet has ten distinct characters and no sequence, repeated to 20; in the two-class
        /// ones the second class is one character at an edge of its range.
        /// </summary>
        [Theory]
        [InlineData("acegikmoqs", false)]
        [InlineData("ACEGIKMOQS", false)]
        [InlineData("0246813579", false)]
        [InlineData("aceg-ikm_o", false)]
        [InlineData("ACEG-IKM_O", false)]
        [InlineData("0246-8135_", false)]
        [InlineData("acegikmoqA", true)]
        [InlineData("acegikmoqZ", true)]
        [InlineData("ACEGIKMOQa", true)]
        [InlineData("ACEGIKMOQz", true)]
        [InlineData("ACEGIKMOQ0", true)]
        [InlineData("ACEGIKMOQ9", true)]
        [InlineData("acegikmoq0", true)]
        [InlineData("acegikmoq9", true)]
        [InlineData("02468135A7", true)]
        [InlineData("02468135Z7", true)]
        [InlineData("02468135a7", true)]
        [InlineData("02468135z7", true)]
        public void LooksRandom_NeedsTwoCharacterClasses(string alphabet, bool expected)
        {
            string segment = Cycle(alphabet, 20);
            Assert.Equal(10, segment.Distinct().Count());
            Assert.Equal(0, Sequences(segment));
            Assert.Equal(expected, OpenAIKeyFormat.LooksRandom(segment.AsSpan()));
        }

        /// <summary>A segment is no ascending or descending sequence: fewer than half its characters may be one code from the previous one.</summary>
        [Theory]
        [InlineData("abcdefghij" + "A0C2E4G6I8", 9, true)]
        [InlineData("abcdefghijk" + "A0C2E4G6I", 10, false)]
        [InlineData("jihgfedcba" + "A0C2E4G6I8", 9, true)]
        [InlineData("kjihgfedcba" + "A0C2E4G6I", 10, false)]
        [InlineData("0123456789" + "AcEgIkMoQs", 9, true)]
        [InlineData("9876543210" + "AcEgIkMoQs", 9, true)]
        [InlineData("ABCDEFGHIJK" + "0c2e4g6i8", 10, false)]
        [InlineData("abAB01cdCD23efEF45gh", 10, false)]
        [InlineData("abAB01cdCD23efEF45gz", 9, true)]
        [InlineData("baBA10dcDC32feFE54hg", 10, false)]
        [InlineData("baBA10dcDC32feFE54zg", 9, true)]
        [InlineData("abcdefghijk" + "A0C2E4G6I8", 10, true)] // 21 characters: 10 × 2 < 21
        [InlineData("abcdefghijkl" + "A0C2E4G6I", 11, false)]
        public void LooksRandom_RejectsSegmentsWithHalfTheirCharactersInSequence(string segment, int sequences, bool expected)
        {
            Assert.Equal(sequences, Sequences(segment));
            Assert.True(segment.Distinct().Count() >= 10);
            Assert.Equal(expected, OpenAIKeyFormat.LooksRandom(segment.AsSpan()));
        }

        /// <summary>
        /// Distinct characters are counted alike below 64 ('0'–'9', '-') and from 64 ('A'–'Z', '_', 'a'–'z'):
        /// a segment of 20 with ten is random, with nine it is not.
        /// </summary>
        [Theory]
        [InlineData("024681357X", true)] // nine below 64, one above
        [InlineData("02468135X", false)]
        [InlineData("0246-8135X", true)]
        [InlineData("0246-813X", false)]
        [InlineData("acegiACEG_", true)] // all ten from 64
        [InlineData("acegiACEG", false)]
        [InlineData("0a2c4-eXgZ", true)] // five and five
        [InlineData("0a2c4-eXg", false)]
        public void LooksRandom_CountsDistinctCharactersOnBothSidesOf64(string alphabet, bool expected)
        {
            string segment = Cycle(alphabet, 20);
            Assert.Equal(alphabet.Length, segment.Distinct().Count());
            Assert.Equal(0, Sequences(segment));
            Assert.Equal(expected, OpenAIKeyFormat.LooksRandom(segment.AsSpan()));
        }

        [Theory]
        [InlineData('\u0080')]
        [InlineData('\u00E9')]
        [InlineData('\uFFFF')]
        public void LooksRandom_DoesNotCountACharacterOutsideAscii(char outside)
        {
            // Nine ASCII characters and one outside ASCII, repeated to 20: nine distinct, not random.
            Assert.False(OpenAIKeyFormat.LooksRandom(Cycle("A0c2E4g6I" + outside, 20).AsSpan()));
            Assert.True(OpenAIKeyFormat.LooksRandom(Cycle("A0c2E4g6Ik", 20).AsSpan()));
        }

        // ---------------------------------------------------------------- named service keys

        [Theory]
        [InlineData("a")]
        [InlineData("z")]
        [InlineData("0")]
        [InlineData("9")]
        [InlineData("-")]
        [InlineData("a-")]
        [InlineData("-a")]
        [InlineData("z9")]
        [InlineData("9z")]
        [InlineData("0-a")]
        public void NameOfLowercaseLettersDigitsAndDashes_GivesANamedServiceKey(string name)
            => AssertKey(Named(name, 300), KeyKind.NamedService, 3 + name.Length + 1);

        [Theory]
        [InlineData("A")]
        [InlineData("Z")]
        [InlineData("_")]
        public void OneCharacterNameOutsideTheNameCharacters_GivesALegacyKey(string name)
        {
            // Not a name: the 22 characters before the marker are one segment, within 2 of the 20 after it.
            AssertKey(Named(name, 310), KeyKind.LegacyUser, 3);
        }

        [Theory]
        [InlineData("Aa")]
        [InlineData("aA")]
        [InlineData("Za")]
        [InlineData("aZ")]
        [InlineData("_a")]
        [InlineData("a_")]
        [InlineData("my-Service")]
        [InlineData("my_service")]
        public void NameWithAnUppercaseLetterOrUnderscore_IsNoKey(string name)
        {
            // Not a name, and 3 + name + 20 characters before the marker are too many for a legacy key.
            AssertNoKey(Named(name, 320));
        }

        [Fact]
        public void NameOfFortyCharacters_GivesANamedServiceKey_FortyOneIsNoKey()
        {
            Assert.Equal(40, OpenAIKeyFormat.MaxServiceNameLength);
            string forty = Cycle("svc-0123456789abcdefghijklmnopqrstuvwxyz", 40);
            string fortyOne = Cycle("svc-0123456789abcdefghijklmnopqrstuvwxyz", 41);

            AssertKey(Named(forty, 330), KeyKind.NamedService, 44);
            AssertNoKey(Named(fortyOne, 330));
        }

        [Fact]
        public void EmptyName_GivesALegacyKey()
        {
            // "sk--" + 20: no name, so the 21 characters before the marker are one segment.
            AssertKey(Named(string.Empty, 340), KeyKind.LegacyUser, 3);
        }

        [Fact]
        public void NameNotFollowedByADash_GivesALegacyKey()
        {
            // Where the dash should be (21 characters before the marker) is a letter or a digit.
            AssertKey("sk-a" + "0" + Segment(350, 20) + Marker + Segment(351, 20), KeyKind.LegacyUser, 3);
            AssertKey("sk-a" + "Q" + Segment(352, 20) + Marker + Segment(353, 20), KeyKind.LegacyUser, 3);
            AssertKey("sk-a-" + Segment(352, 20) + Marker + Segment(353, 20), KeyKind.NamedService, 5);
        }

        [Theory]
        [InlineData(0, '-')]
        [InlineData(19, '-')]
        [InlineData(0, '_')]
        [InlineData(19, '_')]
        public void DashOrUnderscoreInTheSegmentBeforeTheMarker_IsNoNamedKey(int position, char c)
        {
            string head = Segment(360, 20);
            string tail = Segment(361, 20);
            AssertKey("sk-a-" + head + Marker + tail, KeyKind.NamedService, 5);

            // Not a named key: with the name "a" the 22 characters before the marker make a legacy key,
            // with a longer name nothing does.
            string changed = Replace(head, position, c);
            AssertKey("sk-a-" + changed + Marker + tail, KeyKind.LegacyUser, 3);
            AssertNoKey("sk-my-service-" + changed + Marker + tail);
        }

        [Theory]
        [InlineData(0, '-')]
        [InlineData(19, '-')]
        [InlineData(0, '_')]
        [InlineData(19, '_')]
        public void DashOrUnderscoreInTheSegmentAfterTheMarker_IsNoNamedKey(int position, char c)
        {
            string head = Segment(370, 20);
            string tail = Segment(371, 20);
            AssertKey("sk-my-service-" + head + Marker + tail, KeyKind.NamedService, 14);

            string changed = Replace(tail, position, c);
            AssertKey("sk-a-" + head + Marker + changed, KeyKind.LegacyUser, 3);
            AssertNoKey("sk-my-service-" + head + Marker + changed);
        }

        [Fact]
        public void NamedKeyNeedsSegmentsOfExactlyTwenty()
        {
            Assert.Equal(20, OpenAIKeyFormat.ShortSegmentLength);
            AssertKey(Named("my-service", 380, 20, 20), KeyKind.NamedService, 14);

            AssertNoKey(Named("my-service", 380, 20, 19));
            AssertNoKey(Named("my-service", 380, 20, 21));
            AssertNoKey(Named("my-service", 380, 19, 20));
            AssertNoKey(Named("my-service", 380, 21, 20));

            // With the name "a", what is no named key may still be a legacy key: 22 and 21 are similar, 22 and 19 are not.
            AssertKey(Named("a", 382, 20, 21), KeyKind.LegacyUser, 3);
            AssertNoKey(Named("a", 382, 20, 19));
        }

        // ---------------------------------------------------------------- prefix words

        [Theory]
        [MemberData(nameof(PrefixWords))]
        public void PrefixWord_GivesItsKindAndPrefixLength(string word, KeyKind kind, int prefixLength)
        {
            AssertKey(Key(word, 20, 20, 400), kind, prefixLength);
            AssertKey(Key(word, 58, 58, 402), kind, prefixLength);
            AssertKey(Key(word, 74, 74, 404), kind, prefixLength);
        }

        [Theory]
        [InlineData("proj-")]
        [InlineData("svcacct-")]
        [InlineData("admin-")]
        [InlineData("None-")]
        public void PrefixWordFollowedByTenMoreCharacters_IsNoKey(string word)
        {
            // 10 + 20 after the word is not similar to 20, and the text before the 20 is no name
            // followed by a dash: neither a key of the word's kind nor a named key.
            AssertNoKey("sk-" + word + "x1y2z3w4q5" + Segment(410, 20) + Marker + Segment(411, 20));
        }

        [Theory]
        [InlineData("proj-backend", 16)]
        [InlineData("svcacct-sync", 16)]
        [InlineData("admin-dashboard", 19)]
        public void NamedKeyNamedAfterAPrefixWord_IsANamedServiceKey(string name, int prefixLength)
            => AssertKey(Named(name, 420), KeyKind.NamedService, prefixLength);

        [Fact]
        public void NamedKeyWithAPlaceholderSegment_IsNoKey()
        {
            // The name and the dash are right, but a segment of one repeated letter is no random segment,
            // whether the name is read first or after a prefix word.
            string placeholder = new string('x', 20);
            string random = Segment(425, 20);
            foreach (string name in new[] { "my-service", "admin-dashboard", "proj-backend" })
            {
                AssertNoKey("sk-" + name + "-" + placeholder + Marker + random);
                AssertNoKey("sk-" + name + "-" + random + Marker + placeholder);
                AssertKey("sk-" + name + "-" + random + Marker + Segment(426, 20), KeyKind.NamedService, 3 + name.Length + 1);
            }
        }

        [Fact]
        public void NamedKeyNamedAfterNone_IsNoKey()
        {
            // "None" has an upper case letter: no name.
            AssertNoKey(Named("None-dashboard", 430));
        }

        /// <summary>A prefix word with one character changed is no prefix word: the run is read as a name or as a legacy key.</summary>
        [Theory]
        [InlineData("Proj-", 20, null)]
        [InlineData("proj_", 20, null)]
        [InlineData("PROJ-", 20, null)]
        [InlineData("svcacct_", 20, null)]
        [InlineData("Admin-", 20, null)]
        [InlineData("NONE-", 20, null)]
        [InlineData("none-", 20, KeyKind.NamedService)] // the name "none"
        [InlineData("Proj-", 58, KeyKind.LegacyUser)] // 63 and 58 are similar (58 / 8 = 7)
        [InlineData("Admin-", 58, KeyKind.LegacyUser)]
        [InlineData("svcacct_", 58, null)] // 66 and 58 are not
        [InlineData("none-", 58, KeyKind.LegacyUser)]
        public void MisspeltPrefixWord_IsNoPrefixWord(string word, int segmentLength, KeyKind? kind)
        {
            string run = Key(word, segmentLength, segmentLength, 440 + segmentLength);
            if (kind is KeyKind expected)
            {
                AssertKey(run, expected, expected == KeyKind.NamedService ? 3 + word.Length : 3);
            }
            else
            {
                AssertNoKey(run);
            }
        }

        /// <summary>
        /// The Try pattern: when no split is a key, kind and prefix length are left at their defaults
        /// (as <see cref="KeyScanner.IsKey"/> does), not at the values of the last split tried.
        /// </summary>
        [Fact]
        public void TryClassifyOfNoKey_ShouldLeaveKindAndPrefixLengthAtTheirDefaults()
        {
            string head = Segment(445, 20);
            foreach (string run in new[] { "sk-proj-" + head + Marker, "sk-admin-" + head + Marker + head + head, "sk-svcacct-" + head + Marker + "xxxxxxxxxxxxxxxxxxxx" })
            {
                Assert.False(OpenAIKeyFormat.TryClassify(run.AsSpan(), out KeyKind kind, out int prefixLength));
                Assert.Equal(default(KeyKind), kind);
                Assert.Equal(0, prefixLength);
            }
        }

        // ---------------------------------------------------------------- the marker

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        [InlineData(6)]
        [InlineData(7)]
        public void MarkerWithOneCharacterChanged_IsNoKey(int position)
        {
            string head = Segment(450, 20);
            string tail = Segment(451, 20);
            AssertKey("sk-proj-" + head + Marker + tail, KeyKind.Project, 8);

            char original = Marker[position];
            char flipped = char.IsDigit(original) ? (char)(original + 1) : char.IsUpper(original) ? char.ToLowerInvariant(original) : char.ToUpperInvariant(original);
            foreach (char replacement in new[] { flipped, 'x' })
            {
                string changed = Replace(Marker, position, replacement);
                AssertNoKey("sk-proj-" + head + changed + tail);
                AssertNoKey("sk-" + head + changed + tail);
            }
        }

        // ---------------------------------------------------------------- key characters

        [Theory]
        [InlineData('a', true)]
        [InlineData('z', true)]
        [InlineData('A', true)]
        [InlineData('Z', true)]
        [InlineData('0', true)]
        [InlineData('9', true)]
        [InlineData('-', true)]
        [InlineData('_', true)]
        [InlineData('@', false)]
        [InlineData('[', false)]
        [InlineData('`', false)]
        [InlineData('{', false)]
        [InlineData('/', false)]
        [InlineData(':', false)]
        [InlineData('.', false)]
        [InlineData(',', false)]
        [InlineData('+', false)]
        [InlineData('=', false)]
        [InlineData(' ', false)]
        [InlineData('\0', false)]
        [InlineData('\u00C1', false)]
        [InlineData('\u00E1', false)]
        [InlineData('\u0141', false)]
        [InlineData('\u212A', false)] // Kelvin sign, which lower-cases to 'k'
        [InlineData('\uFF21', false)] // full-width A
        public void IsKeyChar_ShouldBeTrueExactlyForLettersDigitsDashAndUnderscore(char c, bool expected)
            => Assert.Equal(expected, OpenAIKeyFormat.IsKeyChar(c));

        [Fact]
        public void CharacterOutsideAsciiInsideAKey_SplitsItsRun()
        {
            string head = Segment(460, 20);
            string tail = Segment(461, 20);
            foreach (char c in new[] { '\u00E9', '\u0080', '\u0130', '\u212A' })
            {
                Assert.Empty(Scan.All("sk-proj-" + Replace(head, 10, c) + Marker + tail));
                Assert.Empty(Scan.All("sk-proj-" + head + Marker + Replace(tail, 10, c)));
                Assert.Empty(Scan.All("sk-" + Replace(head, 0, c) + Marker + tail));
            }
        }

        [Fact]
        public void RunNotStartingWithSk_IsNoKey()
        {
            string rest = Segment(470, 20) + Marker + Segment(471, 20);
            AssertKey("sk-" + rest, KeyKind.LegacyUser, 3);
            foreach (string start in new[] { "Sk-", "sK-", "SK-", "sk_", "xk-", "sx-", "s-", "k-" })
            {
                Assert.False(OpenAIKeyFormat.TryClassify((start + rest).AsSpan(), out _, out _), start);
                Assert.Empty(Scan.All(start + rest));
            }
        }
    }

    /// <summary>
    /// The limits of <see cref="KeyScanner"/>'s walk: keys at the very start and end of the text, the
    /// longest key and a run one character longer, text that ends right after a marker, keys one
    /// character apart, and the search for the <c>sk-</c> that starts a marker's run.
    /// </summary>
    public class KeyScannerBoundaryTests
    {
        private const string Marker = OpenAIKeyFormat.Marker;

        private static string Segment(int seed, int length) => OpenAIKeyFormatBoundaryTests.Segment(seed, length);

        [Fact]
        public void LongestKey_IsFoundAnywhereInTheText()
        {
            // sk-svcacct- and two segments of 256: the longest key there is.
            string key = FakeKeys.ServiceAccount(500, 256);
            Assert.Equal(11 + 256 + 8 + 256, key.Length);
            Assert.Equal(OpenAIKeyFormat.MaxKeyLength, key.Length);

            Assert.Equal(new[] { new KeyMatch(0, key.Length, KeyKind.ServiceAccount, 11) }, Scan.All(key));
            Assert.Equal(new[] { new KeyMatch(0, key.Length, KeyKind.ServiceAccount, 11) }, Scan.All(key + " and more"));
            Assert.Equal(new[] { new KeyMatch(2, key.Length, KeyKind.ServiceAccount, 11) }, Scan.All("k=" + key));
            Assert.Equal(new[] { new KeyMatch(1, key.Length, KeyKind.ServiceAccount, 11) }, Scan.All("\"" + key + "\""));
        }

        [Fact]
        public void RunOfMaxKeyLength_IsTheLongestKey_AndOneMoreIsNoKeyAtTheEndOfTheTextOrBeforeMore()
        {
            string exactly = FakeKeys.ServiceAccount(501, 256);
            string oneMore = exactly + "Q";
            Assert.Equal(OpenAIKeyFormat.MaxKeyLength, exactly.Length);
            Assert.True(OpenAIKeyFormat.TryClassify(exactly.AsSpan(), out KeyKind kind, out int prefixLength));
            Assert.Equal((KeyKind.ServiceAccount, 11), (kind, prefixLength));

            // One more character: a run no key can be, and the longest segment is past its bound too.
            Assert.False(OpenAIKeyFormat.TryClassify(oneMore.AsSpan(), out _, out _));
            Assert.Empty(Scan.All(oneMore));
            Assert.Empty(Scan.All("k=" + oneMore));
            Assert.Empty(Scan.All(oneMore + "."));
            Assert.Empty(Scan.All("k=" + oneMore + " then text"));

            // The key right after such a run is still found.
            string next = FakeKeys.ProjectShort(502);
            Assert.Equal(new[] { new KeyMatch(oneMore.Length + 1, next.Length, KeyKind.Project, 8) }, Scan.All(oneMore + "\n" + next));
        }

        [Fact]
        public void LegacyKeyWithSegmentsOf256_AtTheEndOfTheText()
        {
            string key = "sk-" + Segment(503, 256) + Marker + Segment(504, 256);
            string text = "old: " + key;
            Assert.Equal(new[] { new KeyMatch(5, key.Length, KeyKind.LegacyUser, 3) }, Scan.All(text));
            Assert.Empty(Scan.All(text + "Z"));
        }

        [Fact]
        public void TextEndingRightAfterTheMarker_HoldsNoKey()
        {
            string head = Segment(510, 20);
            Assert.Empty(Scan.All("sk-proj-" + head + Marker));
            Assert.Empty(Scan.All("sk-" + head + Marker));
            Assert.Empty(Scan.All("x sk-proj-" + head + Marker));
            for (int cut = 1; cut < Marker.Length; cut++)
            {
                Assert.Empty(Scan.All("sk-proj-" + head + Marker.Substring(0, cut)));
            }

            string key = FakeKeys.ProjectShort(511);
            Assert.Equal(new[] { new KeyMatch(0, key.Length, KeyKind.Project, 8) }, Scan.All(key + " sk-proj-" + head + Marker));

            // The tail at the very end of the text: 18 is within 2 of 20, 17 is not.
            string eighteen = "sk-proj-" + head + Marker + Segment(512, 18);
            Assert.Equal(new[] { new KeyMatch(3, eighteen.Length, KeyKind.Project, 8) }, Scan.All("k: " + eighteen));
            Assert.Empty(Scan.All("k: sk-proj-" + head + Marker + Segment(513, 17)));
        }

        [Theory]
        [InlineData(" ")]
        [InlineData(",")]
        [InlineData(";")]
        [InlineData("\n")]
        [InlineData("\"")]
        [InlineData(".")]
        [InlineData("@")]
        [InlineData("\u00E9")]
        public void KeysOfBothFormatsSeparatedByOneCharacter_AreEachFound(string separator)
        {
            string project = FakeKeys.Project(520, 58);
            string azure = FakeAzureKeys.Create(521);
            string legacy = FakeKeys.LegacyUser(522);
            string text = project + separator + azure + separator + legacy;

            Assert.Equal(
                new[]
                {
                    new KeyMatch(0, project.Length, KeyKind.Project, 8),
                    new KeyMatch(project.Length + 1, azure.Length, KeyKind.Azure, 0),
                    new KeyMatch(project.Length + 1 + azure.Length + 1, legacy.Length, KeyKind.LegacyUser, 3),
                },
                Scan.All(text));

            string reversed = legacy + separator + azure + separator + project;
            Assert.Equal(
                new[]
                {
                    new KeyMatch(0, legacy.Length, KeyKind.LegacyUser, 3),
                    new KeyMatch(legacy.Length + 1, azure.Length, KeyKind.Azure, 0),
                    new KeyMatch(legacy.Length + 1 + azure.Length + 1, project.Length, KeyKind.Project, 8),
                },
                Scan.All(reversed));
        }

        [Theory]
        [InlineData(' ')]
        [InlineData('.')]
        [InlineData('\u00E9')]
        public void NonKeyCharacterBetweenSkAndTheMarker_LeavesNoKey(char c)
        {
            string tail = Segment(531, 20);
            string nineteen = Segment(530, 19);

            // Right after sk-, right before the marker: the marker's run does not start with sk-.
            Assert.Empty(Scan.All("sk-" + c + nineteen + Marker + tail));
            Assert.Empty(Scan.All("sk-" + nineteen + c + Marker + tail));
            Assert.Empty(Scan.All("sk-proj-" + c + nineteen + Marker + tail));
            Assert.Empty(Scan.All("sk-proj-" + nineteen + c + Marker + tail));
        }

        [Fact]
        public void KeyWhoseHeadHoldsAGluedSk_IsFoundFromTheSkThatStartsTheRun()
        {
            string tail = Segment(541, 20);

            // The "sk-" nearest the marker is glued to the run before it; the first one starts the run.
            string right = "sk-" + "sk-" + Segment(540, 17) + Marker + tail;
            Assert.Equal(new[] { new KeyMatch(1, right.Length, KeyKind.LegacyUser, 3) }, Scan.All(" " + right));
            Assert.Equal(new[] { new KeyMatch(0, right.Length, KeyKind.LegacyUser, 3) }, Scan.All(right));

            string oneApart = "sk-" + "x" + "sk-" + Segment(542, 16) + Marker + tail;
            Assert.Equal(new[] { new KeyMatch(0, oneApart.Length, KeyKind.LegacyUser, 3) }, Scan.All(oneApart));
            Assert.Equal(new[] { new KeyMatch(2, oneApart.Length, KeyKind.LegacyUser, 3) }, Scan.All("\n\n" + oneApart));

            // Without an "sk-" that starts the run, a glued one starts no key.
            Assert.Empty(Scan.All("x" + right));
            Assert.Empty(Scan.All("xsk-" + Segment(543, 20) + Marker + tail));
        }

        [Fact]
        public void HasMarkerOutsideKeys_CountsEveryMarkerOnce()
        {
            string key = FakeKeys.ProjectShort(550);
            string azure = FakeAzureKeys.Create(551);

            Assert.False(KeyScanner.HasMarkerOutsideKeys(string.Empty.AsSpan()));
            Assert.False(KeyScanner.HasMarkerOutsideKeys(key.AsSpan()));
            Assert.False(KeyScanner.HasMarkerOutsideKeys(azure.AsSpan()));
            Assert.False(KeyScanner.HasMarkerOutsideKeys((key + " " + azure).AsSpan()));
            Assert.True(KeyScanner.HasMarkerOutsideKeys(Marker.AsSpan()));
            Assert.True(KeyScanner.HasMarkerOutsideKeys((Marker + Marker).AsSpan()));
            Assert.True(KeyScanner.HasMarkerOutsideKeys((Marker + " " + key).AsSpan()));
            Assert.True(KeyScanner.HasMarkerOutsideKeys((key + " " + Marker).AsSpan()));
            Assert.True(KeyScanner.HasMarkerOutsideKeys((azure + " " + AzureKeyFormat.Signature).AsSpan()));

            // A key whose tail holds a second marker: both are in the key.
            string twoMarkers = "sk-proj-" + Segment(552, 30) + Marker + Segment(553, 11) + Marker + Segment(554, 11);
            Assert.Equal(new[] { new KeyMatch(0, twoMarkers.Length, KeyKind.Project, 8) }, Scan.All(twoMarkers));
            Assert.False(KeyScanner.HasMarkerOutsideKeys(twoMarkers.AsSpan()));
            Assert.True(KeyScanner.HasMarkerOutsideKeys((twoMarkers + "." + Marker).AsSpan()));
        }
    }
}
