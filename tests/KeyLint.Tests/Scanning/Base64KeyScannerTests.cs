using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using KeyLint.Scanning;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// <see cref="Base64KeyScanner"/>: keys base64-encoded the way a Kubernetes Secret's <c>data:</c>
    /// holds them (with or without the newline <c>echo … | base64</c> adds), found at the encoded
    /// run's position; nothing else decoded into a report.
    /// </summary>
    public class Base64KeyScannerTests
    {
        private static string Encode(string value) => Convert.ToBase64String(Encoding.ASCII.GetBytes(value));

        private static List<(int Start, int Length, KeyKind Kind, string Redacted)> Scan(string text)
        {
            var found = new List<(int, int, KeyKind, string)>();
            Span<char> key = stackalloc char[Base64KeyScanner.MaxDecodedLength];
            foreach (KeyMatch match in Base64KeyScanner.Find(text.AsSpan()))
            {
                int length = Base64KeyScanner.DecodeKey(text.AsSpan(match.Start, match.Length), key);
                found.Add((match.Start, match.Length, match.Kind, KeyRedactor.Redact(key.Slice(0, length), match.PrefixLength)));
            }

            return found;
        }

        [Theory]
        [MemberData(nameof(KeyKinds.AllAsData), MemberType = typeof(KeyKinds))]
        public void EncodedKey_InASecretsData_ShouldBeFoundAtTheEncodedRun(string kind)
        {
            string key = KeyKinds.Key(kind);
            string encoded = Encode(key);
            string yaml = "apiVersion: v1\nkind: Secret\ndata:\n  OPENAI_API_KEY: " + encoded + "\n";

            var found = Assert.Single(Scan(yaml));

            Assert.Equal((yaml.IndexOf(encoded, StringComparison.Ordinal), encoded.Length), (found.Start, found.Length));
            Assert.True(KeyScanner.IsKey(key.AsSpan(), out KeyKind expectedKind));
            Assert.Equal(expectedKind, found.Kind);
            Assert.Equal(FakeKeys.Redacted(key, KeyKinds.Prefix(kind)), found.Redacted);
        }

        [Theory]
        [InlineData("\n")]
        [InlineData("\r\n")]
        public void EncodedKey_WithTheNewlineEchoAdds_ShouldBeFound(string newline)
        {
            string key = FakeKeys.Admin(seed: 7);
            string encoded = Encode(key + newline);

            var found = Assert.Single(Scan("  key: \"" + encoded + "\""));

            Assert.Equal((8, encoded.Length, KeyKind.Admin), (found.Start, found.Length, found.Kind));
            Assert.Equal(FakeKeys.Redacted(key, "sk-admin-"), found.Redacted);
        }

        [Fact]
        public void EncodedKeys_SeveralInOneText_ShouldEachBeFoundInOrder()
        {
            string first = Encode(FakeKeys.Project(seed: 1));
            string second = Encode(FakeAzureKeys.Create(seed: 2));
            string third = Encode(FakeKeys.ServiceAccount(seed: 3));
            string text = "a: " + first + "\nb: " + second + "\nc: " + third + "\n";

            var found = Scan(text);

            Assert.Equal(
                new[] { text.IndexOf(first, StringComparison.Ordinal), text.IndexOf(second, StringComparison.Ordinal), text.IndexOf(third, StringComparison.Ordinal) },
                found.ConvertAll(f => f.Start));
            Assert.Equal(new[] { KeyKind.Project, KeyKind.Azure, KeyKind.ServiceAccount }, found.ConvertAll(f => f.Kind));
        }

        [Theory]
        [InlineData("x")] // glued to a base64 character before: part of a longer value
        [InlineData("/")]
        public void EncodedKey_InsideALongerRun_ShouldNotBeReported(string before)
            => Assert.Empty(Scan("data: " + before + Encode(FakeKeys.Project(seed: 4))));

        [Fact]
        public void EncodedKey_FollowedByMoreBase64_ShouldNotBeReported()
            => Assert.Empty(Scan("data: " + Encode(FakeKeys.Project(seed: 4)) + "QUJD"));

        [Fact]
        public void EncodedKey_CutMidQuad_ShouldNotBeReported()
        {
            // Not whole base64 (its length is not a multiple of four): not decoded at all.
            string encoded = Encode(FakeKeys.Project(seed: 5));
            Assert.Empty(Scan("data: " + encoded.Substring(0, encoded.Length - 2)));
        }

        [Fact]
        public void EncodedNonKeys_ShouldNotBeReported()
        {
            // "sk-" followed by text that is no key, and a 112-character run holding the Azure marker's encoding.
            string notAKey = Encode("sk-" + new string('a', 60));
            string azureShaped = new string('A', Base64KeyScanner.AzureSignaturePartOffset) + Base64KeyScanner.AzureSignaturePart + new string('B', 36);
            Assert.Empty(Scan(notAKey + "\n" + azureShaped + "\nc2st\nUUo5"));
        }

        [Theory]
        [InlineData("{ apiKey: ", " }")] // YAML flow mappings and JSON end a value with characters base64 has not
        [InlineData("[", "]")]
        [InlineData("key: ", "~")]
        [InlineData("\"", "\",")]
        public void EncodedKey_BetweenPunctuation_ShouldBeFound(string before, string after)
        {
            string encoded = Encode(FakeKeys.Project(seed: 8));
            var found = Assert.Single(Scan(before + encoded + after));
            Assert.Equal((before.Length, encoded.Length), (found.Start, found.Length));
        }

        [Fact]
        public void EncodedTextHoldingAKeyNotWhole_ShouldNotBeReported()
            => Assert.Empty(Scan("data: " + Encode("sk- " + FakeKeys.Project(seed: 9))));

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Decode_IntoADestinationOfExactlyTheDecodedLength_ShouldFitAndNoLess(int length)
        {
            string encoded = Convert.ToBase64String(Encoding.ASCII.GetBytes(new string('k', length)));
            Span<char> exact = stackalloc char[length];
            Assert.Equal(length, Base64KeyScanner.Decode(encoded.AsSpan(), exact));
            Assert.Equal(new string('k', length), exact.ToString());
            Span<char> tooSmall = stackalloc char[length - 1];
            Assert.Equal(-1, Base64KeyScanner.Decode(encoded.AsSpan(), tooSmall));
        }

        [Fact]
        public void PlainKey_ShouldNotBeReportedAsEncoded()
            => Assert.Empty(Scan("OPENAI_API_KEY: " + FakeKeys.Project(seed: 6)));

        [Fact]
        public void ContainsMarker_ShouldSeeEitherMarker()
        {
            Assert.True(Base64KeyScanner.ContainsMarker("c2st".AsSpan()));
            Assert.True(Base64KeyScanner.ContainsMarker("UUo5".AsSpan()));
            Assert.True(Base64KeyScanner.ContainsMarker("x c2st y".AsSpan()));
            Assert.True(Base64KeyScanner.ContainsMarker("x UUo5 y".AsSpan()));
            Assert.False(Base64KeyScanner.ContainsMarker("apiVersion: v1\nkind: ConfigMap\n".AsSpan()));
        }

        [Fact]
        public void EncodedLengths_ShouldCoverTheShortestAndLongestKey()
        {
            // The shortest key encodes to exactly the shortest run decoded; the longest, with "\r\n", to the longest.
            string shortest = FakeKeys.LegacyUserLong(seed: 1, segmentLength: OpenAIKeyFormat.MinSegmentLength);
            string longest = FakeKeys.ServiceAccount(seed: 1, segmentLength: OpenAIKeyFormat.MaxSegmentLength);
            Assert.True(KeyScanner.IsKey(shortest.AsSpan(), out _));
            Assert.True(KeyScanner.IsKey(longest.AsSpan(), out _));
            Assert.Equal(Base64KeyScanner.MinEncodedLength, Encode(shortest).Length);
            Assert.Equal(Base64KeyScanner.MaxEncodedLength, Encode(longest + "\r\n").Length);
            Assert.Single(Scan(Encode(shortest)));
            Assert.Single(Scan(Encode(longest + "\r\n")));
        }

        [Fact]
        public void Decode_ShouldMatchTheRuntime()
        {
            Gen.Byte.Array[1, 300].Sample(bytes =>
            {
                string encoded = Convert.ToBase64String(bytes);
                Span<char> decoded = stackalloc char[400];
                int length = Base64KeyScanner.Decode(encoded.AsSpan(), decoded);
                Assert.Equal(bytes.Length, length);
                for (int i = 0; i < length; i++)
                {
                    Assert.Equal((char)bytes[i], decoded[i]);
                }
            });
        }

        [Theory]
        [InlineData("abc")] // not a multiple of four
        [InlineData("ab!d")] // not base64
        [InlineData("a=bc")] // padding in the middle
        public void Decode_Malformed_ShouldFail(string encoded)
        {
            Span<char> decoded = stackalloc char[16];
            Assert.Equal(-1, Base64KeyScanner.Decode(encoded.AsSpan(), decoded));
        }

        [Fact]
        public void Find_ShouldFindEveryEncodedKeyInRandomText()
        {
            Gen<string> noise = Gen.String[Gen.Char["ab:= \n\"c2stUUo5"], 0, 200];
            Gen.Select(noise, noise, Gen.Int[1, 1000]).Sample((before, after, seed) =>
            {
                string encoded = Encode(FakeKeys.Project(seed));
                string text = before + " " + encoded + " " + after;
                Assert.Contains(Scan(text), f => f.Start == before.Length + 1 && f.Length == encoded.Length);
            });
        }

        /// <summary>
        /// No input makes the search read a character more than a bounded number of times: markers
        /// packed densely, in runs just too long to decode, and runs of a key's length that decode
        /// to nothing (each is read by the two searches, one walk and one decoding at most).
        /// </summary>
        [Fact]
        public void Find_ShouldReadEachCharacterABoundedNumberOfTimes()
        {
            string longRun = new string('A', Base64KeyScanner.MaxEncodedLength + 1);
            Gen<string> piece = Gen.OneOfConst(
                "c2st", "UUo5", "c2stUUo5", " c2st", "\nUUo5", longRun, string.Concat(Enumerable.Repeat("c2stUUo5", 100)), " " + longRun, " c2st" + longRun,
                " " + new string('B', Base64KeyScanner.AzureSignaturePartOffset) + "UUo5" + new string('C', 36),
                " " + Encode("sk-" + new string('a', 60)), " " + Encode(FakeKeys.Project(seed: 3)));
            piece.Array[1, 400].Select(string.Concat).Sample(text =>
            {
                Base64KeyMatchEnumerator matches = Base64KeyScanner.Find(text.AsSpan());
                while (matches.MoveNext())
                {
                }

                Assert.True(matches.Steps <= 5L * text.Length + 8, $"{matches.Steps} steps for {text.Length} characters");

                // And never less than one read of every character: both searches read the text to its end.
                Assert.True(matches.Steps >= text.Length, $"{matches.Steps} steps for {text.Length} characters");
            });
        }
    }
}
