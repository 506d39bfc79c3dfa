using System;
using System.Text;
using KeyLint.Scanning;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// Text that resembles an OpenAI key but is none — other providers' keys, placeholders, redacted
    /// forms, wrong markers, mismatched or short segments, keys glued to other text — is not reported,
    /// and adversarial inputs of a megabyte give the right answer.
    /// </summary>
    /// <remarks>
    /// Every near miss is scanned between two real keys, and the test asserts exactly those two
    /// matches: a scanner that reports nothing, or loses its place after the near miss, fails.
    /// </remarks>
    public class KeyScannerNearMissTests
    {
        private const string Marker = FakeKeys.Marker;

        /// <summary><c>sk-proj-</c> + <paramref name="head"/> + marker + <paramref name="tail"/>.</summary>
        private static string ProjectShape(string head, string tail) => "sk-proj-" + head + Marker + tail;

        private static string Alnum(int seed, int length) => Scan.RandomText(seed, length, Scan.Alphanumerics);

        /// <summary>
        /// Asserts that <paramref name="nearMiss"/> holds no key on its own, and that between two real
        /// keys exactly those two keys are found.
        /// </summary>
        private static void AssertNotReported(string nearMiss)
        {
            Assert.Empty(Scan.All(nearMiss));
            Assert.False(KeyScanner.ContainsKey(nearMiss.AsSpan()));
            Assert.False(KeyScanner.IsKey(nearMiss.AsSpan(), out _));

            string before = FakeKeys.ProjectShort(1001);
            string after = FakeKeys.LegacyUser(1002);
            string text = before + " " + nearMiss + "\n" + after;
            Assert.Equal(
                new[]
                {
                    Scan.Match(0, before, KeyKind.Project, 8),
                    Scan.Match(before.Length + 1 + nearMiss.Length + 1, after, KeyKind.LegacyUser, 3),
                },
                Scan.All(text));
        }

        // ---------------------------------------------------------------- other providers

        [Fact]
        public void AnthropicKey_ShouldNotReport()
            => AssertNotReported("sk-ant-api03-" + Scan.RandomText(2001, 93, Scan.Base64Url) + "AA");

        [Fact]
        public void OpenRouterKey_ShouldNotReport()
            => AssertNotReported("sk-or-v1-" + Scan.RandomText(2002, 64, Scan.Hex));

        [Theory]
        [InlineData("sk_live_", 24)]
        [InlineData("sk_live_", 99)]
        [InlineData("sk_test_", 24)]
        [InlineData("sk_test_", 99)]
        public void StripeSecretKey_ShouldNotReport(string prefix, int length)
            => AssertNotReported(prefix + Scan.RandomText(2003 + length, length, Scan.Alphanumerics));

        [Fact]
        public void DeepSeekStyleKey_ShouldNotReport()
            => AssertNotReported("sk-" + Scan.RandomText(2004, 32, Scan.Hex));

        [Fact]
        public void SkWithFortyEightAlphanumericsWithoutMarker_ShouldNotReport()
            => AssertNotReported("sk-" + Scan.RandomText(2005, 48, Scan.Alphanumerics));

        [Theory]
        [InlineData("org-")]
        [InlineData("proj_")]
        public void OrganisationAndProjectIds_ShouldNotReport(string prefix)
            => AssertNotReported(prefix + Scan.RandomText(2006, 24, Scan.Alphanumerics));

        // ---------------------------------------------------------------- words and placeholders

        [Theory]
        [InlineData("sk-SK")]
        [InlineData("sk-button")]
        [InlineData("task-list")]
        [InlineData("sk-...")]
        [InlineData("sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
        [InlineData("sk-your-key-here")]
        [InlineData("sk-proj-REPLACE_ME")]
        [InlineData("sk-")]
        [InlineData("sk-proj-")]
        public void WordOrPlaceholder_ShouldNotReport(string text) => AssertNotReported(text);

        [Theory]
        [InlineData('x')]
        [InlineData('A')]
        [InlineData('0')]
        public void RepeatedCharacterAroundMarker_ShouldNotReport(char c)
        {
            string segment = new string(c, 20);
            AssertNotReported(ProjectShape(segment, segment));
            AssertNotReported("sk-" + segment + Marker + segment);
            AssertNotReported("sk-proj-" + new string(c, 74) + Marker + new string(c, 74));
        }

        [Fact]
        public void OneCaseOnEachSideOfMarker_ShouldNotReport()
            => AssertNotReported(ProjectShape(new string('x', 20), new string('X', 20)));

        [Theory]
        [InlineData("abcdefghijklmnopqrst")]
        [InlineData("KLMNOPQRSTUVWXYZabcd")]
        [InlineData("0123456789ABCDEFGHIJ")]
        [InlineData("9876543210zyxwvutsrq")]
        [InlineData("aXaXaXaXaXaXaXaXaXaX")]
        [InlineData("ab12ab12ab12ab12ab12")]
        public void PlaceholderSegmentsAroundMarker_ShouldNotReport(string placeholder)
        {
            AssertNotReported(ProjectShape(placeholder, placeholder));
            AssertNotReported("sk-" + placeholder + Marker + placeholder);
        }

        [Theory]
        [InlineData("abcdefghijklmnopqrst")]
        [InlineData("xxxxxxxxxxxxxxxxxxxx")]
        public void PlaceholderOnOneSideOnly_ShouldNotReport(string placeholder)
        {
            string random = Alnum(2010, 20);
            AssertNotReported(ProjectShape(placeholder, random));
            AssertNotReported(ProjectShape(random, placeholder));
        }

        // ---------------------------------------------------------------- redacted forms

        [Fact]
        public void DashboardRedactedForm_ShouldNotReport()
        {
            string redacted = FakeKeys.Redacted(FakeKeys.ProjectShort(2020), "sk-proj-");
            Assert.Contains(FakeKeys.Ellipsis, redacted);
            AssertNotReported(redacted);
            AssertNotReported("sk-proj-\u2026AbCd");
        }

        [Fact]
        public void DotsRedactedForm_ShouldNotReport() => AssertNotReported("sk-abc...def");

        [Fact]
        public void KeyTruncatedAfterMarker_ShouldNotReport()
        {
            string key = FakeKeys.ProjectShort(2021);
            int afterMarker = key.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
            AssertNotReported(key.Substring(0, afterMarker) + FakeKeys.Ellipsis + key.Substring(key.Length - 4));
            AssertNotReported(key.Substring(0, afterMarker) + "...");
        }

        // ---------------------------------------------------------------- glued to other text

        [Fact]
        public void KeyShapeGluedToPrecedingWord_ShouldNotReport()
        {
            AssertNotReported("task-" + FakeKeys.Segments(2030, 20, Scan.Alphanumerics));
            AssertNotReported("ask-proj-" + FakeKeys.Segments(2031, 20, Scan.Alphanumerics));
            AssertNotReported("a" + FakeKeys.ProjectShort(2032));
        }

        [Theory]
        [InlineData("x")]
        [InlineData("_")]
        [InlineData("-")]
        [InlineData("0")]
        [InlineData("my_")]
        public void KeyGluedToPrecedingKeyCharacter_ShouldNotReport(string glue)
        {
            AssertNotReported(glue + FakeKeys.ProjectShort(2033));
            AssertNotReported(glue + FakeKeys.Project(2034, 74));
            AssertNotReported(glue + FakeKeys.LegacyUser(2035));
            AssertNotReported(glue + FakeKeys.NamedService("my-service", 2036));
        }

        [Fact]
        public void KeyGluedToFollowingTextBreakingSimilarLength_ShouldNotReport()
        {
            AssertNotReported(FakeKeys.ProjectShort(2040) + "abc");
            AssertNotReported(FakeKeys.ProjectShort(2041) + "_old");
            AssertNotReported(FakeKeys.LegacyUser(2042) + "xyz");
            AssertNotReported(FakeKeys.Project(2043, 74) + "-" + Alnum(2044, 9));
            AssertNotReported(FakeKeys.NamedService("my-service", 2045) + "-backup");
        }

        [Fact]
        public void KeyGluedToFollowingCharWithinSimilarLength_ShouldReportWholeRun()
        {
            // The whole run is the candidate: one more character keeps the lengths similar (20 and 21),
            // so the run is a key, and the match covers it all.
            string run = FakeKeys.ProjectShort(2046) + "Q";
            Assert.Equal(new[] { Scan.Match(4, run, KeyKind.Project, 8) }, Scan.All("key=" + run + ";"));
        }

        [Fact]
        public void TwoKeysGluedTogether_ShouldNotReport()
        {
            AssertNotReported(FakeKeys.ProjectShort(2050) + FakeKeys.ProjectShort(2051));
            AssertNotReported(FakeKeys.LegacyUser(2052) + "-" + FakeKeys.LegacyUser(2053));
        }

        // ---------------------------------------------------------------- marker

        [Theory]
        [InlineData("t3blbkfj")]
        [InlineData("T3BLBKFJ")]
        [InlineData("T3BlbkFj")]
        [InlineData("t3BlbkFJ")]
        public void MarkerInWrongCase_ShouldNotReport(string wrongMarker)
        {
            AssertNotReported("sk-proj-" + Alnum(2060, 20) + wrongMarker + Alnum(2061, 20));
            AssertNotReported("sk-" + Alnum(2062, 20) + wrongMarker + Alnum(2063, 20));
        }

        [Fact]
        public void MarkerAlone_ShouldNotReport()
        {
            AssertNotReported(Marker);
            AssertNotReported("sk-" + Marker);
            AssertNotReported("sk-proj-" + Marker);
            AssertNotReported("sk-proj-" + Alnum(2070, 20) + Marker);
            AssertNotReported("sk-proj-" + Marker + Alnum(2071, 20));
            AssertNotReported(Alnum(2072, 20) + Marker + Alnum(2073, 20));
        }

        [Fact]
        public void MissingMarker_ShouldNotReport()
        {
            AssertNotReported("sk-proj-" + Alnum(2074, 48));
            AssertNotReported("sk-proj-" + Scan.RandomText(2075, 156, Scan.Base64Url).Replace(Marker, string.Empty));
        }

        // ---------------------------------------------------------------- segment lengths

        [Theory]
        [InlineData(20, 60)]
        [InlineData(60, 20)]
        [InlineData(16, 40)]
        [InlineData(20, 23)]
        [InlineData(23, 20)]
        [InlineData(74, 84)]
        [InlineData(58, 74)]
        public void SegmentLengthsFarApart_ShouldNotReport(int head, int tail)
        {
            AssertNotReported(ProjectShape(Alnum(2080 + head, head), Alnum(2081 + tail, tail)));
            AssertNotReported("sk-" + Alnum(2082 + head, head) + Marker + Alnum(2083 + tail, tail));
            AssertNotReported("sk-svcacct-" + Scan.RandomText(2084 + head, head, Scan.Base64Url) + Marker + Scan.RandomText(2085 + tail, tail, Scan.Base64Url));
        }

        [Theory]
        [InlineData(15)]
        [InlineData(12)]
        [InlineData(8)]
        [InlineData(1)]
        public void SegmentsShorterThanSixteen_ShouldNotReport(int length)
        {
            AssertNotReported(ProjectShape(Alnum(2090 + length, length), Alnum(2091 + length, length)));
            AssertNotReported("sk-" + Alnum(2092 + length, length) + Marker + Alnum(2093 + length, length));
            AssertNotReported("sk-None-" + Alnum(2094 + length, length) + Marker + Alnum(2095 + length, length));
        }

        // ---------------------------------------------------------------- named service names

        [Fact]
        public void NamedServiceKeyWithNameLongerThanForty_ShouldNotReport()
        {
            const string name = "long-service-name-0123456789-abcdefghijkl";
            Assert.Equal(41, name.Length);
            AssertNotReported(FakeKeys.NamedService(name, 2100));
        }

        [Theory]
        [InlineData("MyService")]
        [InlineData("my_service")]
        [InlineData("my.service")]
        public void NamedServiceKeyWithInvalidName_ShouldNotReport(string name)
            => AssertNotReported(FakeKeys.NamedService(name, 2101));

        // ---------------------------------------------------------------- adversarial inputs of a megabyte (results only, no timing)

        private const int Megabyte = 1 << 20;

        private static string RunOf(string unit, int atLeast) => Scan.Repeat(unit, (atLeast + unit.Length - 1) / unit.Length);

        [Fact]
        public void SkRepeatedForAMegabyte_ShouldNotReport()
        {
            AssertNotReported(RunOf("sk-", Megabyte));
            AssertNotReported(RunOf("sk- ", Megabyte));
        }

        [Fact]
        public void MegabyteRunOfKeyCharactersWithoutMarker_ShouldNotReport()
        {
            string run = "sk-proj-" + Scan.RandomText(3001, Megabyte, Scan.Base64Url);
            Assert.DoesNotContain(Marker, run);
            AssertNotReported(run);
        }

        [Fact]
        public void MegabyteRunOfKeyCharactersWithMarkers_ShouldNotReport()
        {
            // One run of key characters with the marker every 44 characters: far too long to be a key.
            var builder = new StringBuilder("sk-proj-");
            for (int seed = 0; builder.Length < Megabyte; seed++)
            {
                builder.Append(Scan.RandomText(3100 + seed, 36, Scan.Alphanumerics)).Append(Marker);
            }

            AssertNotReported(builder.ToString());
        }

        [Fact]
        public void KeyGluedToMegabyteRun_ShouldNotReport()
        {
            string run = Scan.RandomText(3002, Megabyte, Scan.Alphanumerics);
            AssertNotReported(run + FakeKeys.ProjectShort(3003));
            AssertNotReported(FakeKeys.ProjectShort(3004) + run);
            AssertNotReported(run + FakeKeys.ProjectShort(3005) + run);
        }

        /// <summary>
        /// <c>sk-</c> + the marker k times: a run with few distinct characters, which the scanner rules
        /// out in one pass when it is too long for any split. Its answer must be the one of trying
        /// every split as a legacy key (the only shape such a run can have).
        /// </summary>
        [Theory]
        [InlineData(2)]
        [InlineData(4)]
        [InlineData(5)]
        [InlineData(6)]
        [InlineData(7)]
        [InlineData(9)]
        [InlineData(16)]
        [InlineData(64)]
        public void MarkerRepeatedInOneRun_ShouldMatchEverySplitTried(int count)
        {
            string run = "sk-" + Scan.Repeat(Marker, count);
            bool anySplit = false;
            for (int marker = 3; marker + Marker.Length <= run.Length; marker += Marker.Length)
            {
                string head = run.Substring(3, marker - 3), tail = run.Substring(marker + Marker.Length);
                anySplit |= OpenAIKeyFormat.HaveSimilarLengths(head.Length, tail.Length)
                    && OpenAIKeyFormat.LooksRandom(head.AsSpan()) && OpenAIKeyFormat.LooksRandom(tail.AsSpan());
            }

            Assert.Equal(anySplit, OpenAIKeyFormat.TryClassify(run.AsSpan(), out _, out _));
            Assert.Equal(count == 5, anySplit); // 16 + marker + 16: the one count that has a key's shape
        }

        [Fact]
        public void MarkerRepeatedHundredThousandTimes_ShouldNotReport()
        {
            string markers = Scan.Repeat(Marker, 100_000);
            AssertNotReported(markers);
            AssertNotReported("sk-" + markers);
            AssertNotReported("sk-proj-" + markers);
            AssertNotReported(Scan.Repeat(Marker + " ", 100_000));
            AssertNotReported(Scan.Repeat("sk-" + Marker + " ", 100_000));
        }

        [Fact]
        public void ManyProjectPrefixesWithoutMarker_ShouldNotReport()
        {
            AssertNotReported(RunOf("sk-proj-", Megabyte));
            AssertNotReported(RunOf("sk-proj- ", Megabyte));
            AssertNotReported(RunOf("\"sk-proj-\",", Megabyte));
        }

        [Fact]
        public void ManyIncompleteKeysWithMarker_ShouldNotReport()
        {
            // Thousands of short runs that each hold the marker and each fail a different rule.
            string head = Alnum(3010, 20);
            string placeholder = new string('x', 20);
            AssertNotReported(RunOf(ProjectShape(head, string.Empty) + " ", Megabyte));
            AssertNotReported(RunOf(ProjectShape(head, placeholder) + " ", Megabyte));
            AssertNotReported(RunOf(ProjectShape(head, Alnum(3011, 60)) + " ", Megabyte));
            AssertNotReported(RunOf("x" + FakeKeys.ProjectShort(3012) + " ", Megabyte));
        }

        [Fact]
        public void ManyKeysGluedIntoOneRun_ShouldNotReport()
        {
            var builder = new StringBuilder();
            for (int seed = 0; builder.Length < Megabyte; seed++)
            {
                builder.Append(FakeKeys.ProjectShort(3200 + seed));
            }

            AssertNotReported(builder.ToString());
        }
    }
}
