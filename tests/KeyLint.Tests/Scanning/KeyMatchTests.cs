using KeyLint.Scanning;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// <see cref="KeyMatch"/>: its fields and <see cref="KeyMatch.End"/>, equality field by field,
    /// hash codes, and a <see cref="KeyMatch.ToString"/> that shows the kind and the span only.
    /// </summary>
    public class KeyMatchTests
    {
        [Fact]
        public void Constructor_ShouldKeepEveryField()
        {
            var match = new KeyMatch(3, 56, KeyKind.ServiceAccount, 11);
            Assert.Equal(3, match.Start);
            Assert.Equal(56, match.Length);
            Assert.Equal(KeyKind.ServiceAccount, match.Kind);
            Assert.Equal(11, match.PrefixLength);
            Assert.Equal(59, match.End);
        }

        [Theory]
        [InlineData(0, 0, 0)]
        [InlineData(0, 51, 51)]
        [InlineData(7, 84, 91)]
        [InlineData(100, 1, 101)]
        [InlineData(1000, 531, 1531)]
        public void End_ShouldBeStartPlusLength(int start, int length, int end)
            => Assert.Equal(end, new KeyMatch(start, length, KeyKind.Project, 8).End);

        [Fact]
        public void MatchesWithTheSameFields_ShouldBeEqual()
        {
            var a = new KeyMatch(3, 56, KeyKind.Project, 8);
            var b = new KeyMatch(3, 56, KeyKind.Project, 8);

            Assert.True(a.Equals(b));
            Assert.True(b.Equals(a));
            Assert.True(a.Equals((object)b));
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.True(default(KeyMatch).Equals(new KeyMatch(0, 0, KeyKind.Project, 0)));
        }

        [Theory]
        [InlineData(4, 56, KeyKind.Project, 8)]
        [InlineData(2, 56, KeyKind.Project, 8)]
        [InlineData(3, 57, KeyKind.Project, 8)]
        [InlineData(3, 55, KeyKind.Project, 8)]
        [InlineData(3, 56, KeyKind.ServiceAccount, 8)]
        [InlineData(3, 56, KeyKind.Azure, 8)]
        [InlineData(3, 56, KeyKind.Project, 9)]
        [InlineData(3, 56, KeyKind.Project, 0)]
        public void MatchesDifferingInOneField_ShouldNotBeEqual(int start, int length, KeyKind kind, int prefixLength)
        {
            var a = new KeyMatch(3, 56, KeyKind.Project, 8);
            var b = new KeyMatch(start, length, kind, prefixLength);

            Assert.False(a.Equals(b));
            Assert.False(b.Equals(a));
            Assert.False(a.Equals((object)b));
            Assert.False(((object)b).Equals(a));
        }

        [Fact]
        public void EqualsObject_ShouldBeFalseForNullAndOtherTypes()
        {
            var match = new KeyMatch(0, 0, KeyKind.Project, 0);
            Assert.False(match.Equals(null));
            Assert.False(match.Equals("Project [0..0)"));
            Assert.False(match.Equals(0));
            Assert.False(match.Equals(KeyKind.Project));
            Assert.True(match.Equals((object)default(KeyMatch)));
        }

        /// <summary>Pairs differing in one field, chosen so that each part of the hash (start, length, kind, and how they combine) tells them apart.</summary>
        [Theory]
        [InlineData(1, 56, KeyKind.Project, 2, 56, KeyKind.Project)]
        [InlineData(1, 56, KeyKind.Project, 1, 57, KeyKind.Project)]
        [InlineData(1, 56, KeyKind.Project, 1, 56, KeyKind.ServiceAccount)]
        [InlineData(0, 56, KeyKind.Project, 0, 57, KeyKind.Project)]
        [InlineData(165, 32, KeyKind.Project, 165, 64, KeyKind.Project)]
        [InlineData(0, 0, KeyKind.Project, 0, 0, KeyKind.Azure)]
        [InlineData(16, 84, KeyKind.Azure, 17, 84, KeyKind.Azure)]
        public void MatchesDifferingInStartLengthOrKind_ShouldHaveDifferentHashCodes(int start1, int length1, KeyKind kind1, int start2, int length2, KeyKind kind2)
        {
            var a = new KeyMatch(start1, length1, kind1, 8);
            var b = new KeyMatch(start2, length2, kind2, 8);
            Assert.NotEqual(a.GetHashCode(), b.GetHashCode());
        }

        [Fact]
        public void EqualMatches_ShouldHaveEqualHashCodesWhateverTheirValues()
        {
            foreach (var (start, length, kind, prefix) in new[] { (0, 0, KeyKind.Project, 0), (3, 56, KeyKind.NamedService, 14), (int.MaxValue, 531, KeyKind.ServiceAccount, 11), (12345, 84, KeyKind.Azure, 0) })
            {
                Assert.Equal(new KeyMatch(start, length, kind, prefix).GetHashCode(), new KeyMatch(start, length, kind, prefix).GetHashCode());
            }
        }

        [Theory]
        [InlineData(3, 56, KeyKind.Project, 8, "Project [3..59)")]
        [InlineData(0, 84, KeyKind.Azure, 0, "Azure [0..84)")]
        [InlineData(10, 62, KeyKind.NamedService, 14, "NamedService [10..72)")]
        [InlineData(0, 0, KeyKind.LegacyNone, 8, "LegacyNone [0..0)")]
        [InlineData(5, 51, KeyKind.LegacyUser, 3, "LegacyUser [5..56)")]
        public void ToString_ShouldShowKindAndSpanOnly(int start, int length, KeyKind kind, int prefixLength, string expected)
            => Assert.Equal(expected, new KeyMatch(start, length, kind, prefixLength).ToString());
    }
}
