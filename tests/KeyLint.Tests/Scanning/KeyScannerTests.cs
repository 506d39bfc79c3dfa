using System;
using System.Collections.Generic;
using System.Text;
using KeyLint.Scanning;

namespace KeyLint.Tests.Scanning
{
    /// <summary>Helpers shared by the scanning tests: collecting matches, building expected matches and fake text.</summary>
    internal static class Scan
    {
        public const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        public const string Base64Url = Alphanumerics + "-_";
        public const string Hex = "0123456789abcdef";

        /// <summary>Every match <see cref="KeyScanner.Find"/> yields for <paramref name="text"/>, in order.</summary>
        public static List<KeyMatch> All(string text)
        {
            var matches = new List<KeyMatch>();
            foreach (KeyMatch match in KeyScanner.Find(text.AsSpan()))
            {
                matches.Add(match);
            }

            return matches;
        }

        public static KeyMatch Match(int start, string key, KeyKind kind, int prefixLength)
            => new KeyMatch(start, key.Length, kind, prefixLength);

        /// <summary><paramref name="length"/> characters drawn from <paramref name="alphabet"/> by <c>new Random(seed)</c>.</summary>
        public static string RandomText(int seed, int length, string alphabet)
        {
            var random = new Random(seed);
            var builder = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return builder.ToString();
        }

        public static string Repeat(string text, int count)
        {
            var builder = new StringBuilder(text.Length * count);
            for (int i = 0; i < count; i++)
            {
                builder.Append(text);
            }

            return builder.ToString();
        }

        /// <summary>The key forms the scanner must find, by name, with the kind and prefix length it must report.</summary>
        public static readonly string[] Forms =
        {
            "ProjectShort", "Project58", "Project74", "ServiceAccount74", "NamedService", "Admin58",
            "LegacyUser", "LegacyUserLong", "NoneShort", "NoneLong",
        };

        public static (string Key, KeyKind Kind, int PrefixLength) Key(string form, int seed = 1) => form switch
        {
            "ProjectShort" => (FakeKeys.ProjectShort(seed), KeyKind.Project, 8),
            "Project58" => (FakeKeys.Project(seed, 58), KeyKind.Project, 8),
            "Project74" => (FakeKeys.Project(seed, 74), KeyKind.Project, 8),
            "ServiceAccount74" => (FakeKeys.ServiceAccount(seed, 74), KeyKind.ServiceAccount, 11),
            "NamedService" => (FakeKeys.NamedService("my-service", seed), KeyKind.NamedService, 14),
            "Admin58" => (FakeKeys.Admin(seed, 58), KeyKind.Admin, 9),
            "LegacyUser" => (FakeKeys.LegacyUser(seed), KeyKind.LegacyUser, 3),
            "LegacyUserLong" => (FakeKeys.LegacyUserLong(seed, 42), KeyKind.LegacyUser, 3),
            "NoneShort" => (FakeKeys.None(seed), KeyKind.LegacyNone, 8),
            "NoneLong" => (FakeKeys.NoneLong(seed, 58), KeyKind.LegacyNone, 8),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };

        public static IEnumerable<object[]> FormsAsData()
        {
            foreach (string form in Forms)
            {
                yield return new object[] { form };
            }
        }
    }

    /// <summary>
    /// <see cref="KeyScanner"/> finds every kind of OpenAI secret key, at any segment length, in any
    /// surrounding text, and reports exactly its span, kind and non-secret prefix length.
    /// </summary>
    public class KeyScannerTests
    {
        private static void AssertSingleKey(string key, KeyKind kind, int prefixLength)
        {
            Assert.Equal(new[] { Scan.Match(0, key, kind, prefixLength) }, Scan.All(key));
            Assert.True(KeyScanner.IsKey(key.AsSpan(), out KeyKind found));
            Assert.Equal(kind, found);
        }

        // ---------------------------------------------------------------- every kind, every length

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void ProjectKeyShortForm_ShouldReport(int seed)
        {
            string key = FakeKeys.ProjectShort(seed);
            Assert.Equal(8 + 20 + 8 + 20, key.Length);
            AssertSingleKey(key, KeyKind.Project, 8);
        }

        [Theory]
        [InlineData(58)]
        [InlineData(64)]
        [InlineData(74)]
        [InlineData(80)]
        public void ProjectKeyLongForm_ShouldReport(int segmentLength)
        {
            for (int seed = 1; seed <= 3; seed++)
            {
                string key = FakeKeys.Project(seed, segmentLength);
                Assert.Equal(8 + segmentLength + 8 + segmentLength, key.Length);
                AssertSingleKey(key, KeyKind.Project, 8);
            }
        }

        [Theory]
        [InlineData(20)]
        [InlineData(58)]
        [InlineData(64)]
        [InlineData(74)]
        [InlineData(80)]
        public void ServiceAccountKey_ShouldReport(int segmentLength)
        {
            for (int seed = 1; seed <= 3; seed++)
            {
                string key = FakeKeys.ServiceAccount(seed, segmentLength);
                Assert.Equal(11 + segmentLength + 8 + segmentLength, key.Length);
                AssertSingleKey(key, KeyKind.ServiceAccount, 11);
            }
        }

        [Theory]
        [InlineData("my-service")]
        [InlineData("a")]
        [InlineData("0")]
        [InlineData("svc2")]
        [InlineData("bot-007")]
        [InlineData("batch-worker-eu-west-1")]
        public void NamedServiceKey_ShouldReport(string name)
        {
            for (int seed = 1; seed <= 3; seed++)
            {
                string key = FakeKeys.NamedService(name, seed);
                Assert.Equal(3 + name.Length + 1 + 20 + 8 + 20, key.Length);
                AssertSingleKey(key, KeyKind.NamedService, 3 + name.Length + 1);
            }
        }

        [Fact]
        public void NamedServiceKeyWithFortyCharacterName_ShouldReport()
        {
            const string name = "long-service-name-0123456789-abcdefghijk";
            Assert.Equal(40, name.Length);
            string key = FakeKeys.NamedService(name, 5);
            AssertSingleKey(key, KeyKind.NamedService, 44);
        }

        [Theory]
        [InlineData("admin-dashboard")]
        [InlineData("proj-backend")]
        [InlineData("svcacct-sync")]
        public void NamedServiceKeyWithNameStartingWithPrefixWord_ShouldReport(string name)
        {
            string key = FakeKeys.NamedService(name, 2102);
            Assert.Equal(new[] { Scan.Match(0, key, KeyKind.NamedService, 3 + name.Length + 1) }, Scan.All(key));
        }

        [Theory]
        [InlineData(20)]
        [InlineData(58)]
        [InlineData(64)]
        [InlineData(74)]
        [InlineData(80)]
        public void AdminKey_ShouldReport(int segmentLength)
        {
            for (int seed = 1; seed <= 3; seed++)
            {
                string key = FakeKeys.Admin(seed, segmentLength);
                Assert.Equal(9 + segmentLength + 8 + segmentLength, key.Length);
                AssertSingleKey(key, KeyKind.Admin, 9);
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void LegacyUserKey_ShouldReport(int seed)
        {
            string key = FakeKeys.LegacyUser(seed);
            Assert.Equal(51, key.Length);
            AssertSingleKey(key, KeyKind.LegacyUser, 3);
        }

        [Theory]
        [InlineData(40)]
        [InlineData(42)]
        [InlineData(43)]
        [InlineData(48)]
        public void LegacyUserBase64UrlKey_ShouldReport(int segmentLength)
        {
            for (int seed = 1; seed <= 3; seed++)
            {
                string key = FakeKeys.LegacyUserLong(seed, segmentLength);
                Assert.Equal(3 + segmentLength + 8 + segmentLength, key.Length);
                AssertSingleKey(key, KeyKind.LegacyUser, 3);
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void NoneKeyShortForm_ShouldReport(int seed)
        {
            string key = FakeKeys.None(seed);
            Assert.Equal(8 + 20 + 8 + 20, key.Length);
            AssertSingleKey(key, KeyKind.LegacyNone, 8);
        }

        [Theory]
        [InlineData(58)]
        [InlineData(74)]
        public void NoneKeyLongForm_ShouldReport(int segmentLength)
        {
            for (int seed = 1; seed <= 3; seed++)
            {
                string key = FakeKeys.NoneLong(seed, segmentLength);
                Assert.Equal(8 + segmentLength + 8 + segmentLength, key.Length);
                AssertSingleKey(key, KeyKind.LegacyNone, 8);
            }
        }

        [Fact]
        public void KeyWhoseTailContainsMarker_ShouldReport()
        {
            // sk-proj- + 30 + marker + (11 + marker + 11): the first marker is the right split.
            string tail = Scan.RandomText(11, 11, Scan.Alphanumerics) + FakeKeys.Marker + Scan.RandomText(12, 11, Scan.Alphanumerics);
            string key = "sk-proj-" + Scan.RandomText(10, 30, Scan.Alphanumerics) + FakeKeys.Marker + tail;
            AssertSingleKey(key, KeyKind.Project, 8);
        }

        [Fact]
        public void KeyWhoseHeadContainsMarker_ShouldReport()
        {
            // sk-proj- + (11 + marker + 11) + marker + 30: only the second marker gives a valid split.
            string head = Scan.RandomText(21, 11, Scan.Alphanumerics) + FakeKeys.Marker + Scan.RandomText(22, 11, Scan.Alphanumerics);
            string key = "sk-proj-" + head + FakeKeys.Marker + Scan.RandomText(20, 30, Scan.Alphanumerics);
            AssertSingleKey(key, KeyKind.Project, 8);
        }

        [Fact]
        public void KeyWithSlightlyDifferentSegmentLengths_ShouldReport()
        {
            // The two segments may differ a little (a future format); 20 and 22, 74 and 80.
            string shortForm = "sk-proj-" + Scan.RandomText(30, 20, Scan.Alphanumerics) + FakeKeys.Marker + Scan.RandomText(31, 22, Scan.Alphanumerics);
            string longForm = "sk-proj-" + Scan.RandomText(32, 74, Scan.Base64Url) + FakeKeys.Marker + Scan.RandomText(33, 80, Scan.Base64Url);
            AssertSingleKey(shortForm, KeyKind.Project, 8);
            AssertSingleKey(longForm, KeyKind.Project, 8);
        }

        // ---------------------------------------------------------------- surrounding text

        private static readonly (string Before, string After)[] Contexts =
        {
            ("", ""),
            ("\"", "\""),
            ("'", "'"),
            ("`", "`"),
            (" ", " "),
            ("\t", "\t"),
            ("OPENAI_API_KEY=", ""),
            ("OPENAI_API_KEY=", "\n"),
            ("api_key: ", "\n"),
            ("\"apiKey\":\"", "\"}"),
            ("Authorization: \"Bearer ", "\""),
            ("Authorization: Bearer ", "\r\n"),
            ("\n", "\n"),
            ("\r\n", "\r\n"),
            ("start ", ""),
            ("", " end"),
            ("(", ")"),
            ("[", "]"),
            ("<key>", "</key>"),
            ("https://example.test/?key=", "&user=1"),
            ("The key is ", "."),
            ("keys: ", ", more"),
            ("\u201C", "\u201D"),
            ("\u00A0", "\u00A0"),
            ("key\u2192", "\u2026"),
        };

        public static IEnumerable<object[]> FormsInContexts()
        {
            foreach (string form in Scan.Forms)
            {
                for (int i = 0; i < Contexts.Length; i++)
                {
                    yield return new object[] { form, i };
                }
            }
        }

        [Theory]
        [MemberData(nameof(FormsInContexts))]
        public void KeyInSurroundingText_ShouldReport(string form, int context)
        {
            (string key, KeyKind kind, int prefixLength) = Scan.Key(form, 7);
            (string before, string after) = Contexts[context];
            string text = before + key + after;

            Assert.Equal(new[] { Scan.Match(before.Length, key, kind, prefixLength) }, Scan.All(text));
        }

        [Fact]
        public void KeyAtOffsetZeroAndAtVeryEnd_ShouldReport()
        {
            string first = FakeKeys.ProjectShort(41);
            string last = FakeKeys.LegacyUser(42);
            string text = first + " is replaced by " + last;

            Assert.Equal(
                new[]
                {
                    Scan.Match(0, first, KeyKind.Project, 8),
                    Scan.Match(text.Length - last.Length, last, KeyKind.LegacyUser, 3),
                },
                Scan.All(text));
        }

        [Fact]
        public void SeveralKeysInOneText_ShouldReportEachInOrder()
        {
            var builder = new StringBuilder();
            var expected = new List<KeyMatch>();
            int seed = 50;
            foreach (string form in Scan.Forms)
            {
                (string key, KeyKind kind, int prefixLength) = Scan.Key(form, seed++);
                builder.Append(form).Append(" = \"");
                expected.Add(Scan.Match(builder.Length, key, kind, prefixLength));
                builder.Append(key).Append("\";\n");
            }

            Assert.Equal(10, expected.Count);
            Assert.Equal(expected, Scan.All(builder.ToString()));
        }

        [Fact]
        public void KeysSeparatedBySingleNonKeyCharacters_ShouldReportEachInOrder()
        {
            string a = FakeKeys.Project(61, 58);
            string b = FakeKeys.LegacyUser(62);
            string c = FakeKeys.Admin(63, 58);
            string d = FakeKeys.None(64);
            string text = a + "," + b + ";" + c + "\n" + d;

            Assert.Equal(
                new[]
                {
                    Scan.Match(0, a, KeyKind.Project, 8),
                    Scan.Match(a.Length + 1, b, KeyKind.LegacyUser, 3),
                    Scan.Match(a.Length + 1 + b.Length + 1, c, KeyKind.Admin, 9),
                    Scan.Match(a.Length + 1 + b.Length + 1 + c.Length + 1, d, KeyKind.LegacyNone, 8),
                },
                Scan.All(text));
        }

        [Fact]
        public void KeysInsideJsonLikeText_ShouldReportEachInOrder()
        {
            string project = FakeKeys.Project(71);
            string service = FakeKeys.ServiceAccount(72, 58);
            string named = FakeKeys.NamedService("billing-bot", 73);
            string json =
                "{\n  \"openai\": {\"apiKey\": \"" + project + "\", \"org\": \"org-example\"},\n" +
                "  \"keys\": [\"" + service + "\",\"" + named + "\"],\n  \"note\": \"T3BlbkFJ alone is no key\"\n}";

            int projectAt = json.IndexOf(project, StringComparison.Ordinal);
            int serviceAt = json.IndexOf(service, StringComparison.Ordinal);
            int namedAt = json.IndexOf(named, StringComparison.Ordinal);
            Assert.True(projectAt > 0 && serviceAt > projectAt && namedAt > serviceAt);

            Assert.Equal(
                new[]
                {
                    Scan.Match(projectAt, project, KeyKind.Project, 8),
                    Scan.Match(serviceAt, service, KeyKind.ServiceAccount, 11),
                    Scan.Match(namedAt, named, KeyKind.NamedService, 3 + "billing-bot".Length + 1),
                },
                Scan.All(json));
        }

        [Fact]
        public void SameKeyRepeated_ShouldReportEveryOccurrence()
        {
            string key = FakeKeys.ProjectShort(81);
            string text = key + "\n" + key + "\n" + key;

            Assert.Equal(
                new[]
                {
                    Scan.Match(0, key, KeyKind.Project, 8),
                    Scan.Match(key.Length + 1, key, KeyKind.Project, 8),
                    Scan.Match(2 * (key.Length + 1), key, KeyKind.Project, 8),
                },
                Scan.All(text));
        }

        [Fact]
        public void ManyKeysInOneLargeText_ShouldReportEveryOne()
        {
            // About 1.1 MB: 20,000 keys separated by spaces; every one is found, in order.
            var builder = new StringBuilder();
            var expected = new List<KeyMatch>();
            for (int seed = 0; seed < 20_000; seed++)
            {
                string key = FakeKeys.ProjectShort(seed);
                expected.Add(Scan.Match(builder.Length, key, KeyKind.Project, 8));
                builder.Append(key).Append(' ');
            }

            Assert.True(builder.Length > 1_000_000);
            Assert.Equal(expected, Scan.All(builder.ToString()));
        }

        // ---------------------------------------------------------------- ContainsMarker, ContainsKey, IsKey

        [Fact]
        public void ContainsMarker_ShouldBeTrueOnlyWhenTheExactMarkerIsPresent()
        {
            Assert.True(KeyScanner.ContainsMarker(FakeKeys.Marker.AsSpan()));
            Assert.True(KeyScanner.ContainsMarker(("no key, just " + FakeKeys.Marker + ".").AsSpan()));
            Assert.True(KeyScanner.ContainsMarker(FakeKeys.ProjectShort(91).AsSpan()));
            Assert.True(KeyScanner.ContainsMarker("sk-proj-T3BlbkFJ".AsSpan()));

            Assert.False(KeyScanner.ContainsMarker(ReadOnlySpan<char>.Empty));
            Assert.False(KeyScanner.ContainsMarker("t3blbkfj".AsSpan()));
            Assert.False(KeyScanner.ContainsMarker("T3BLBKFJ".AsSpan()));
            Assert.False(KeyScanner.ContainsMarker("T3BlbkF".AsSpan()));
            Assert.False(KeyScanner.ContainsMarker("T3Blbk FJ".AsSpan()));
            Assert.False(KeyScanner.ContainsMarker(("sk-proj-" + Scan.RandomText(92, 100, Scan.Alphanumerics.Replace("T", string.Empty))).AsSpan()));
        }

        [Fact]
        public void ContainsKey_ShouldBeTrueOnlyWhenTextHoldsAKey()
        {
            foreach (string form in Scan.Forms)
            {
                string key = Scan.Key(form, 93).Key;
                Assert.True(KeyScanner.ContainsKey(key.AsSpan()), form);
                Assert.True(KeyScanner.ContainsKey(("x = \"" + key + "\";").AsSpan()), form);
                Assert.True(KeyScanner.ContainsKey(("marker " + FakeKeys.Marker + " then " + key).AsSpan()), form);
            }

            string head = Scan.RandomText(94, 20, Scan.Alphanumerics);
            Assert.False(KeyScanner.ContainsKey(ReadOnlySpan<char>.Empty));
            Assert.False(KeyScanner.ContainsKey(FakeKeys.Marker.AsSpan()));
            Assert.False(KeyScanner.ContainsKey(("sk-proj-" + head + FakeKeys.Marker).AsSpan()));
            Assert.False(KeyScanner.ContainsKey(("sk-proj-" + head + "t3blbkfj" + head).AsSpan()));
            Assert.False(KeyScanner.ContainsKey(("x" + FakeKeys.ProjectShort(95)).AsSpan()));
        }

        [Theory]
        [MemberData(nameof(Scan.FormsAsData), MemberType = typeof(Scan))]
        public void IsKey_ShouldBeTrueOnlyForExactlyOneKey(string form)
        {
            (string key, KeyKind kind, _) = Scan.Key(form, 96);
            string other = FakeKeys.ProjectShort(97);

            Assert.True(KeyScanner.IsKey(key.AsSpan(), out KeyKind found));
            Assert.Equal(kind, found);

            foreach (string text in new[]
            {
                " " + key, key + " ", key + "\n", "\"" + key + "\"", "key=" + key,
                key + " " + other, other + " " + key, key.Substring(0, key.Length - 1) + "!",
            })
            {
                Assert.False(KeyScanner.IsKey(text.AsSpan(), out KeyKind none));
                Assert.Equal(default, none);
            }
        }

        [Fact]
        public void IsKey_ShouldBeFalseForNonKeys()
        {
            string head = Scan.RandomText(98, 20, Scan.Alphanumerics);
            foreach (string text in new[]
            {
                string.Empty, FakeKeys.Marker, "sk-", "sk-proj-", "sk-proj-" + head + FakeKeys.Marker,
                "sk-proj-" + head + FakeKeys.Marker + new string('x', 20), "x" + FakeKeys.LegacyUser(99),
            })
            {
                Assert.False(KeyScanner.IsKey(text.AsSpan(), out KeyKind kind));
                Assert.Equal(default, kind);
            }

            Assert.True(KeyScanner.IsKey(FakeKeys.LegacyUser(99).AsSpan(), out KeyKind legacy));
            Assert.Equal(KeyKind.LegacyUser, legacy);
        }
    }
}
