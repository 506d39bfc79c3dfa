using System;
using KeyLint.Scanning;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// Edges the mutation run (issue 15) found unpinned: the characters an Azure candidate costs, characters
    /// just past the ASCII table, and a run broken between "sk-" and the marker at the start of a text.
    /// </summary>
    public class ScanningEdgeTests
    {
        /// <summary>
        /// The characters read for one Azure candidate, exactly: 2 boundaries, 14 fixed-field characters
        /// (JQQJ9, kind, month, AAA, ACOG), then the 84 characters once (or up to the first that is not a
        /// letter or digit), plus 4 for a long form's tail.
        /// </summary>
        [Theory]
        [InlineData("key", 2 + 14 + 84)]
        [InlineData("longForm", 2 + 4 + 14 + 84)]
        [InlineData("brokenAt30", 2 + 14 + 31)]
        [InlineData("kindD", 2 + 14)]
        public void AzureCandidate_ShouldReadExactlyItsCharacters(string shape, long expected)
        {
            string key = FakeAzureKeys.Create(71);
            string candidate = shape switch
            {
                "key" => key,
                "longForm" => key + "Ab==",
                "brokenAt30" => key.Substring(0, 30) + "." + key.Substring(31),
                _ => FakeAzureKeys.Create(71, kind: 'D'),
            };
            string text = " " + candidate + " ";
            long steps = 0;
            bool found = AzureKeyFormat.TryMatchAt(text.AsSpan(), 1 + AzureKeyFormat.SignatureOffset, out int start, out int length, ref steps);
            Assert.Equal(shape is "key" or "longForm", found);
            Assert.Equal(1, start);
            Assert.Equal(shape == "longForm" ? 88 : 84, length);
            Assert.Equal(expected, steps);
        }

        /// <summary>The first character past the ASCII table in a candidate: not a key character, and no exception.</summary>
        [Theory]
        [InlineData('\u007F')]
        [InlineData('\u0080')]
        [InlineData('\u00FF')]
        public void CharacterPastAscii_InsideAnAzureCandidate_ShouldMakeItNoKey(char c)
        {
            string key = FakeAzureKeys.Create(72);
            foreach (int at in new[] { 0, 10, 79, 83 })
            {
                string changed = key.Substring(0, at) + c + key.Substring(at + 1);
                Assert.Empty(Scan.All(" " + changed + " "));
                Assert.False(AzureKeyFormat.IsKey(changed.AsSpan()));
            }
        }

        [Theory]
        [InlineData('\u007F')]
        [InlineData('\u0080')]
        [InlineData('+')]
        public void ServiceName_OfACharacterOutsideTheTable_ShouldBeTheGenericName(char service)
        {
            string key = FakeAzureKeys.Create(73);
            string changed = key.Substring(0, AzureKeyFormat.ServiceOffset) + service + key.Substring(AzureKeyFormat.ServiceOffset + 1);
            Assert.Equal("Azure AI services", AzureKeyFormat.ServiceName(changed.AsSpan()));
            Assert.Equal("Azure OpenAI", AzureKeyFormat.ServiceName(key.AsSpan()));
        }

        /// <summary>
        /// A space between the only "sk-" and the marker, right at the start of the text: no key, although
        /// the text from "sk-" to the end of the run would classify as one if the space were a key character.
        /// </summary>
        [Fact]
        public void NonKeyCharacterBetweenSkAndMarker_AtTheStartOfTheText_ShouldLeaveNoKey()
        {
            string head = OpenAIKeyFormatBoundaryTests.Segment(731, 10) + " " + OpenAIKeyFormatBoundaryTests.Segment(732, 10);
            string tail = OpenAIKeyFormatBoundaryTests.Segment(733, 21);
            Assert.Empty(Scan.All(" sk-" + head + OpenAIKeyFormat.Marker + tail));
            Assert.Empty(Scan.All("sk-" + head + OpenAIKeyFormat.Marker + tail));

            // The same text with a key character in place of the space is a key.
            string whole = "sk-" + head.Replace(' ', 'Q') + OpenAIKeyFormat.Marker + tail;
            Assert.Equal(new[] { new KeyMatch(1, whole.Length, KeyKind.LegacyUser, 3) }, Scan.All(" " + whole));
        }
    }
}
