using System;
using KeyLint.Scanning;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// <see cref="KeyRedactor"/> shows a key as its prefix, an ellipsis and its last four characters,
    /// and never shows more than the prefix plus four characters of any input.
    /// </summary>
    public class KeyRedactorTests
    {
        private const string Ellipsis = "\u2026";

        /// <summary>The prefix a redacted key of each form keeps, written out independently of the scanner.</summary>
        private static string PrefixOf(string form) => form switch
        {
            "ProjectShort" or "Project58" or "Project74" => "sk-proj-",
            "ServiceAccount74" => "sk-svcacct-",
            "NamedService" => "sk-my-service-",
            "Admin58" => "sk-admin-",
            "NoneShort" or "NoneLong" => "sk-None-",
            _ => "sk-",
        };

        [Theory]
        [MemberData(nameof(Scan.FormsAsData), MemberType = typeof(Scan))]
        public void KeyOfEveryKind_ShouldRedactToPrefixEllipsisAndLastFour(string form)
        {
            (string key, _, int prefixLength) = Scan.Key(form, 11);
            string prefix = PrefixOf(form);
            Assert.Equal(prefix.Length, prefixLength);

            string redacted = KeyRedactor.Redact(key.AsSpan(), prefixLength);

            Assert.Equal(prefix + Ellipsis + key.Substring(key.Length - 4), redacted);
            Assert.Equal(FakeKeys.Redacted(key, prefix), redacted);
            Assert.DoesNotContain(FakeKeys.Marker, redacted);
            Assert.DoesNotContain(key.Substring(prefix.Length, 8), redacted);
        }

        [Theory]
        [MemberData(nameof(Scan.FormsAsData), MemberType = typeof(Scan))]
        public void KeyFoundInText_ShouldRedactFromItsMatch(string form)
        {
            (string key, KeyKind kind, int prefixLength) = Scan.Key(form, 12);
            string text = "OPENAI_API_KEY=\"" + key + "\" # rotated";
            var matches = Scan.All(text);
            Assert.Equal(new[] { Scan.Match(16, key, kind, prefixLength) }, matches);

            Assert.Equal(FakeKeys.Redacted(key, PrefixOf(form)), KeyRedactor.Redact(text.AsSpan(), matches[0]));
        }

        [Theory]
        [InlineData(20)]
        [InlineData(58)]
        [InlineData(74)]
        [InlineData(80)]
        public void ProjectKeyOfAnyLength_ShouldRedactToSameShape(int segmentLength)
        {
            string key = FakeKeys.Project(13, segmentLength);
            string redacted = KeyRedactor.Redact(key.AsSpan(), 8);
            Assert.Equal("sk-proj-" + Ellipsis + key.Substring(key.Length - 4), redacted);
            Assert.Equal(8 + 1 + 4, redacted.Length);
        }

        [Fact]
        public void EmptyInput_ShouldRedactToEllipsisAlone()
        {
            Assert.Equal(Ellipsis, KeyRedactor.Redact(string.Empty.AsSpan(), 0));
            Assert.Equal(Ellipsis, KeyRedactor.Redact(string.Empty.AsSpan(), 8));
        }

        [Fact]
        public void ThreeCharacterInput_ShouldShowNothing()
        {
            // Fewer characters than the four a redacted form shows: none of them is shown.
            Assert.Equal(Ellipsis, KeyRedactor.Redact("sk-".AsSpan(), 3));
            Assert.Equal(Ellipsis, KeyRedactor.Redact("sk-".AsSpan(), 8));
            Assert.Equal(Ellipsis, KeyRedactor.Redact("sk-".AsSpan(), 0));
        }

        [Fact]
        public void TenCharacterInput_ShouldHideAtLeastFourCharacters()
        {
            string input = FakeKeys.ProjectShort(14).Substring(0, 10);

            // The prefix shrinks so that at least four characters stay hidden: 2 + ellipsis + last 4.
            string expected = input.Substring(0, 2) + Ellipsis + input.Substring(6);
            Assert.Equal(expected, KeyRedactor.Redact(input.AsSpan(), 8));
            Assert.Equal(expected, KeyRedactor.Redact(input.AsSpan(), 3));
            Assert.Equal(Ellipsis + input.Substring(6), KeyRedactor.Redact(input.AsSpan(), 0));
        }

        [Fact]
        public void OddPrefixLengths_ShouldBeClamped()
        {
            string key = FakeKeys.ProjectShort(15);
            string lastFour = key.Substring(key.Length - 4);

            Assert.Equal(Ellipsis + lastFour, KeyRedactor.Redact(key.AsSpan(), -5));
            Assert.Equal(Ellipsis + lastFour, KeyRedactor.Redact(key.AsSpan(), 0));

            // A prefix longer than the key may show: the key minus eight characters, then the last four.
            string clamped = key.Substring(0, key.Length - 8) + Ellipsis + lastFour;
            Assert.Equal(clamped, KeyRedactor.Redact(key.AsSpan(), key.Length));
            Assert.Equal(clamped, KeyRedactor.Redact(key.AsSpan(), 1000));
        }

        [Fact]
        public void AnyInput_ShouldNeverShowMoreThanPrefixPlusFourCharacters()
        {
            string source = FakeKeys.Project(16, 74);
            int checkedCases = 0;
            for (int length = 0; length <= 80; length++)
            {
                string input = source.Substring(0, length);
                foreach (int prefixLength in new[] { -1, 0, 3, 8, 9, 11, 14, 44, 100 })
                {
                    string redacted = KeyRedactor.Redact(input.AsSpan(), prefixLength);
                    int allowedPrefix = Math.Max(0, prefixLength);

                    int ellipsisAt = redacted.IndexOf(KeyRedactor.Ellipsis);
                    Assert.True(ellipsisAt >= 0, $"length {length}, prefix {prefixLength}: no ellipsis");
                    Assert.Equal(ellipsisAt, redacted.LastIndexOf(KeyRedactor.Ellipsis));

                    string shownPrefix = redacted.Substring(0, ellipsisAt);
                    string shownSuffix = redacted.Substring(ellipsisAt + 1);
                    int shown = shownPrefix.Length + shownSuffix.Length;

                    Assert.StartsWith(shownPrefix, input, StringComparison.Ordinal);
                    Assert.EndsWith(shownSuffix, input, StringComparison.Ordinal);
                    Assert.True(shownPrefix.Length <= allowedPrefix, $"length {length}, prefix {prefixLength}: prefix {shownPrefix.Length}");
                    Assert.True(shownSuffix.Length <= KeyRedactor.VisibleSuffixLength, $"length {length}, prefix {prefixLength}: suffix {shownSuffix.Length}");
                    Assert.True(shown <= allowedPrefix + 4, $"length {length}, prefix {prefixLength}: shows {shown}");

                    // At least four characters (or the whole input when shorter) always stay hidden.
                    Assert.True(length - shown >= Math.Min(length, 4), $"length {length}, prefix {prefixLength}: hides {length - shown}");
                    checkedCases++;
                }
            }

            Assert.Equal(81 * 9, checkedCases);
        }
    }
}
