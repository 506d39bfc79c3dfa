using System;
using System.Linq;
using CsCheck;
using KeyLint.Scanning;
using Xunit;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// <see cref="MarkerSearch.IndexOfAnyMarker"/>, the one vectorised pass for both markers, against
    /// the obvious answer: the smaller of the two runtime searches. Its vector blocks are 8–32
    /// characters wide (by machine) and read seven characters ahead, so the tests put markers at
    /// every offset around block edges, in the tail that is searched one character at a time, and cut
    /// by the end of the text.
    /// </summary>
    public class MarkerSearchTests
    {
        private const string OpenAIMarker = "T3BlbkFJ";
        private const string AzureSignature = "JQQJ9";

        private static int Expected(string text)
        {
            int openAI = text.IndexOf(OpenAIMarker, StringComparison.Ordinal);
            int azure = text.IndexOf(AzureSignature, StringComparison.Ordinal);
            return openAI < 0 ? azure : azure < 0 ? openAI : Math.Min(openAI, azure);
        }

        [Theory]
        [InlineData(OpenAIMarker)]
        [InlineData(AzureSignature)]
        public void MarkerAtEveryOffset_ShouldBeFoundThere(string marker)
        {
            for (int length = marker.Length; length <= 100; length++)
            {
                for (int at = 0; at + marker.Length <= length; at++)
                {
                    string text = new string('x', at) + marker + new string('y', length - at - marker.Length);
                    Assert.Equal(at, MarkerSearch.IndexOfAnyMarker(text.AsSpan()));
                }
            }
        }

        [Theory]
        [InlineData(OpenAIMarker)]
        [InlineData(AzureSignature)]
        public void MarkerCutByTheEnd_ShouldNotBeFound(string marker)
        {
            for (int keep = 1; keep < marker.Length; keep++)
            {
                for (int before = 0; before <= 70; before++)
                {
                    string text = new string('x', before) + marker.Substring(0, keep);
                    Assert.Equal(-1, MarkerSearch.IndexOfAnyMarker(text.AsSpan()));
                }
            }
        }

        /// <summary>The characters the vector compares match, the marker does not: "T…J" 7 apart, "J…9" 4 apart, "T…b" 4 apart.</summary>
        [Theory]
        [InlineData("T3BlbkFX")]
        [InlineData("TxxxbxxJ")]
        [InlineData("JQQj9")]
        [InlineData("JxxxJ9")]
        [InlineData("Jxxx9")]
        [InlineData("T3Bl")]
        public void FirstAndLastCharactersOnly_ShouldNotBeFound(string decoy)
        {
            for (int before = 0; before <= 70; before++)
            {
                string text = new string('x', before) + decoy + new string('y', 40);
                Assert.Equal(-1, MarkerSearch.IndexOfAnyMarker(text.AsSpan()));
            }
        }

        [Fact]
        public void BothMarkers_ShouldGiveTheFirst()
        {
            Assert.Equal(3, MarkerSearch.IndexOfAnyMarker("abc" + AzureSignature + "-" + OpenAIMarker));
            Assert.Equal(3, MarkerSearch.IndexOfAnyMarker("abc" + OpenAIMarker + AzureSignature));
            Assert.Equal(-1, MarkerSearch.IndexOfAnyMarker(ReadOnlySpan<char>.Empty));
        }

        [Fact]
        public void RandomTexts_ShouldMatchTheTwoRuntimeSearches()
        {
            // Text made of marker pieces and their decoys, so near matches and markers are dense.
            Gen<string> pieces = Gen.OneOfConst("T", "3", "B", "l", "b", "k", "F", "J", "Q", "9", "x", " ", "\u00e9", "\uD800", OpenAIMarker, AzureSignature, "T3Bl", "JQQ", "bkFJ");
            pieces.Array[0, 60].Select(parts => string.Concat(parts)).Sample(text =>
            {
                int expected = Expected(text);
                Assert.Equal(expected, MarkerSearch.IndexOfAnyMarker(text.AsSpan()));
                for (int from = 1; from < text.Length; from += 7)
                {
                    int rest = Expected(text.Substring(from));
                    Assert.Equal(rest, MarkerSearch.IndexOfAnyMarker(text.AsSpan(from)));
                }
            }, iter: 5000);
        }

        [Fact]
        public void IsMarkerAt_ShouldTellBothMarkersAndNothingElse()
        {
            string text = "a" + OpenAIMarker + AzureSignature + "JQQJ";
            Assert.Equal(new[] { 1, 9 }, Enumerable.Range(0, text.Length).Where(i => MarkerSearch.IsMarkerAt(text.AsSpan(), i)));
        }
    }
}
