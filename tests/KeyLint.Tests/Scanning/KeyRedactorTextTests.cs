using System;
using KeyLint.Scanning;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// <see cref="KeyRedactor"/> with exact outputs: <see cref="KeyRedactor.RedactAll"/> over whole
    /// texts (the same instance when there is no key; every key of both formats redacted in place,
    /// the rest unchanged), <see cref="KeyRedactor.Redact(ReadOnlySpan{char}, KeyMatch)"/> on a span of
    /// a text, and <see cref="KeyRedactor.Redact(ReadOnlySpan{char}, int)"/> on tiny inputs and odd prefix lengths.
    /// </summary>
    public class KeyRedactorTextTests
    {
        private const string Ellipsis = "\u2026";

        /// <summary>
        /// Asserts two texts are equal without printing them: when the redactor is wrong, the actual
        /// text may hold a key.
        /// </summary>
        private static void AssertSameText(string expected, string actual)
        {
            if (string.Equals(expected, actual, StringComparison.Ordinal))
            {
                return;
            }

            int at = 0;
            while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
            {
                at++;
            }

            Assert.Fail($"the texts differ from index {at}: {expected.Length} characters expected, {actual.Length} found");
        }

        // ---------------------------------------------------------------- Redact(key, prefixLength): exact outputs

        /// <summary>
        /// Never more than the prefix and four characters, and at least four characters hidden: up to
        /// 8 characters, no prefix and what is left after hiding four; from 9 on, the last four and a
        /// prefix of at most length − 8.
        /// </summary>
        [Theory]
        [InlineData("", 0, Ellipsis)]
        [InlineData("", 8, Ellipsis)]
        [InlineData("", -1, Ellipsis)]
        [InlineData("a", 0, Ellipsis)]
        [InlineData("a", 3, Ellipsis)]
        [InlineData("ab", 8, Ellipsis)]
        [InlineData("abc", 3, Ellipsis)]
        [InlineData("abcd", 0, Ellipsis)]
        [InlineData("abcd", 3, Ellipsis)]
        [InlineData("abcd", 100, Ellipsis)]
        [InlineData("abcde", 0, Ellipsis + "e")]
        [InlineData("abcde", 3, Ellipsis + "e")]
        [InlineData("abcdef", 8, Ellipsis + "ef")]
        [InlineData("abcdef", -1, Ellipsis + "ef")]
        [InlineData("abcdefg", 1, Ellipsis + "efg")]
        [InlineData("abcdefgh", 0, Ellipsis + "efgh")]
        [InlineData("abcdefgh", 3, Ellipsis + "efgh")]
        [InlineData("abcdefgh", 8, Ellipsis + "efgh")]
        [InlineData("abcdefghi", 0, Ellipsis + "fghi")]
        [InlineData("abcdefghi", -1, Ellipsis + "fghi")]
        [InlineData("abcdefghi", 1, "a" + Ellipsis + "fghi")]
        [InlineData("abcdefghi", 3, "a" + Ellipsis + "fghi")]
        [InlineData("abcdefghi", 100, "a" + Ellipsis + "fghi")]
        [InlineData("abcdefghij", -5, Ellipsis + "ghij")]
        [InlineData("abcdefghij", 1, "a" + Ellipsis + "ghij")]
        [InlineData("abcdefghij", 2, "ab" + Ellipsis + "ghij")]
        [InlineData("abcdefghij", 3, "ab" + Ellipsis + "ghij")]
        [InlineData("abcdefghijk", 0, Ellipsis + "hijk")]
        [InlineData("abcdefghijk", 1, "a" + Ellipsis + "hijk")]
        [InlineData("abcdefghijk", 8, "abc" + Ellipsis + "hijk")]
        [InlineData("abcdefghijkl", 3, "abc" + Ellipsis + "ijkl")]
        [InlineData("abcdefghijkl", 4, "abcd" + Ellipsis + "ijkl")]
        [InlineData("abcdefghijkl", 5, "abcd" + Ellipsis + "ijkl")]
        [InlineData("abcdefghijklm", 3, "abc" + Ellipsis + "jklm")]
        [InlineData("abcdefghijklm", 8, "abcde" + Ellipsis + "jklm")]
        public void Redact_ShouldGiveExactlyThePrefixAnEllipsisAndTheVisibleSuffix(string input, int prefixLength, string expected)
            => Assert.Equal(expected, KeyRedactor.Redact(input.AsSpan(), prefixLength));

        [Fact]
        public void Redact_WithAPrefixLongerThanTheKey_ShouldStillHideEightCharacters()
        {
            string key = FakeKeys.LegacyUser(600);
            Assert.Equal(51, key.Length);
            foreach (int prefixLength in new[] { 43, 44, 51, 52, 1000, int.MaxValue })
            {
                AssertSameText(key.Substring(0, 43) + Ellipsis + key.Substring(47), KeyRedactor.Redact(key.AsSpan(), prefixLength));
            }

            AssertSameText(key.Substring(0, 42) + Ellipsis + key.Substring(47), KeyRedactor.Redact(key.AsSpan(), 42));
            AssertSameText(Ellipsis + key.Substring(47), KeyRedactor.Redact(key.AsSpan(), int.MinValue));
        }

        // ---------------------------------------------------------------- Redact(text, match)

        [Fact]
        public void RedactMatch_ShouldRedactOnlyTheMatchedSpanWithItsPrefixLength()
        {
            const string text = "--abcdefghijklm--";

            Assert.Equal("abc" + Ellipsis + "jklm", KeyRedactor.Redact(text.AsSpan(), new KeyMatch(2, 13, KeyKind.LegacyUser, 3)));
            Assert.Equal("ab" + Ellipsis + "ghij", KeyRedactor.Redact(text.AsSpan(), new KeyMatch(2, 10, KeyKind.LegacyUser, 3)));
            Assert.Equal("abcde" + Ellipsis + "jklm", KeyRedactor.Redact(text.AsSpan(), new KeyMatch(2, 13, KeyKind.Project, 100)));
            Assert.Equal(Ellipsis + "jklm", KeyRedactor.Redact(text.AsSpan(), new KeyMatch(2, 13, KeyKind.Azure, 0)));
            Assert.Equal("--abcdef" + Ellipsis + "lm--", KeyRedactor.Redact(text.AsSpan(), new KeyMatch(0, 17, KeyKind.Project, 8)));
            Assert.Equal(Ellipsis + "m--", KeyRedactor.Redact(text.AsSpan(), new KeyMatch(10, 7, KeyKind.Project, 8)));
            Assert.Equal(Ellipsis, KeyRedactor.Redact(text.AsSpan(), new KeyMatch(17, 0, KeyKind.Project, 8)));
        }

        [Fact]
        public void RedactMatch_ShouldRedactKeysOfBothFormatsFoundInText()
        {
            string project = FakeKeys.Project(610, 74);
            string azure = FakeAzureKeys.Create(611);
            string text = "p=" + project + "\na=" + azure + "\n";

            var matches = Scan.All(text);
            Assert.Equal(
                new[]
                {
                    new KeyMatch(2, project.Length, KeyKind.Project, 8),
                    new KeyMatch(2 + project.Length + 3, azure.Length, KeyKind.Azure, 0),
                },
                matches);
            AssertSameText(FakeKeys.Redacted(project, "sk-proj-"), KeyRedactor.Redact(text.AsSpan(), matches[0]));
            AssertSameText(Ellipsis + azure.Substring(80), KeyRedactor.Redact(text.AsSpan(), matches[1]));
        }

        // ---------------------------------------------------------------- RedactAll

        [Fact]
        public void RedactAll_WithoutAKey_ShouldReturnTheSameInstance()
        {
            string head = Scan.RandomText(620, 20, Scan.Alphanumerics);
            foreach (string text in new[]
            {
                string.Empty,
                "no key here",
                FakeKeys.Marker,
                "sk-proj-" + head + FakeKeys.Marker,
                "x" + FakeKeys.ProjectShort(621),
                FakeAzureKeys.WithWrongChecksum(FakeAzureKeys.Create(622)),
                "JQQJ9 " + FakeKeys.Marker + " sk-",
            })
            {
                string result = KeyRedactor.RedactAll(text);
                Assert.True(ReferenceEquals(text, result), $"a text of {text.Length} characters without a key must come back as the same instance");
            }
        }

        [Theory]
        [MemberData(nameof(Scan.FormsAsData), MemberType = typeof(Scan))]
        public void RedactAll_OfAWholeKey_ShouldGiveItsRedactedForm(string form)
        {
            (string key, _, int prefixLength) = Scan.Key(form, 630);
            AssertSameText(FakeKeys.Redacted(key, key.Substring(0, prefixLength)), KeyRedactor.RedactAll(key));
        }

        [Fact]
        public void RedactAll_OfAWholeAzureKey_ShouldGiveItsLastFour()
        {
            string key = FakeAzureKeys.Create(631);
            AssertSameText(Ellipsis + key.Substring(80), KeyRedactor.RedactAll(key));
        }

        [Fact]
        public void RedactAll_ShouldRedactEveryKeyOfBothFormatsInPlaceAndKeepTheRest()
        {
            string project = FakeKeys.Project(640, 58);
            string legacy = FakeKeys.LegacyUser(641);
            string azure = FakeAzureKeys.Create(642);
            string named = FakeKeys.NamedService("billing-bot", 643);
            string azure2 = FakeAzureKeys.Create(644);
            string none = FakeKeys.None(645);

            // A key at the very start and one at the very end, two keys one character apart, a lone marker and signature.
            string text = project + " then OPENAI_API_KEY=" + legacy + ";\nAZURE_OPENAI_API_KEY=\"" + azure + "\", "
                + named + "," + azure2 + "\n# T3BlbkFJ and JQQJ9 alone stay\n" + none;
            Assert.Equal(6, Scan.All(text).Count);

            string expected = FakeKeys.Redacted(project, "sk-proj-") + " then OPENAI_API_KEY=" + FakeKeys.Redacted(legacy, "sk-")
                + ";\nAZURE_OPENAI_API_KEY=\"" + Ellipsis + azure.Substring(80) + "\", "
                + FakeKeys.Redacted(named, "sk-billing-bot-") + "," + Ellipsis + azure2.Substring(80)
                + "\n# T3BlbkFJ and JQQJ9 alone stay\n" + FakeKeys.Redacted(none, "sk-None-");

            string result = KeyRedactor.RedactAll(text);
            AssertSameText(expected, result);
            Assert.False(KeyScanner.ContainsKey(result.AsSpan()));
        }

        [Fact]
        public void RedactAll_OfKeysOneCharacterApart_ShouldKeepTheSeparators()
        {
            string a = FakeKeys.ProjectShort(650);
            string b = FakeAzureKeys.Create(651);
            string c = FakeKeys.Admin(652, 58);

            AssertSameText(
                FakeKeys.Redacted(a, "sk-proj-") + " " + Ellipsis + b.Substring(80) + "." + FakeKeys.Redacted(c, "sk-admin-"),
                KeyRedactor.RedactAll(a + " " + b + "." + c));
            AssertSameText(
                "(" + FakeKeys.Redacted(c, "sk-admin-") + ")",
                KeyRedactor.RedactAll("(" + c + ")"));
        }
    }
}
