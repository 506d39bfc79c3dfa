using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text;
using KeyLint.Scanning;
using Xunit;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// <see cref="AzureKeyFormat"/> and <see cref="KeyScanner"/> on identifiable Azure AI services keys:
    /// every service of the table, every field's single-character changes, lengths, boundaries,
    /// real-world contexts, several keys, Azure keys next to and inside OpenAI keys, and the
    /// checksum's quirks (leading zero bytes, the early base64 form).
    /// </summary>
    /// <remarks>
    /// Keys come from <see cref="FakeAzureKeys"/> (checksums from the runtime's Marvin, independent of
    /// the scanner). Assertions compare <see cref="KeyMatch"/> lists (whose text shows kinds and spans
    /// only), booleans, positions and service names: no message shows a whole key.
    /// </remarks>
    public class AzureKeyFormatTests
    {
        private static KeyMatch Azure(int start) => new KeyMatch(start, AzureKeyText.Length, KeyKind.Azure, 0);

        private static string Random52(int seed) => Scan.RandomText(seed, 52, Scan.Alphanumerics);

        private static string Platform(int seed) => Scan.RandomText(seed + 1_000_000, 12, Scan.Alphanumerics);

        // ---------------------------------------------------------------- services

        /// <summary>The service table, by the character at offset 75 (its base64 digit value is the index).</summary>
        public static TheoryData<char, string> ServiceTable => new TheoryData<char, string>
        {
            { 'A', "Azure AI Services" },
            { 'B', "Azure OpenAI" },
            { 'C', "Azure Anomaly Detector (EE)" },
            { 'D', "Azure Anomaly Detector" },
            { 'E', "Azure Cognitive Services" },
            { 'F', "Azure Computer Vision" },
            { 'G', "Azure Content Moderator" },
            { 'H', "Azure Content Safety" },
            { 'I', "Azure Custom Vision Prediction" },
            { 'J', "Azure Custom Vision Training" },
            { 'K', "Azure Face" },
            { 'L', "Azure Form Recognizer" },
            { 'M', "Azure Health Decision Support" },
            { 'N', "Azure Health Insights" },
            { 'O', "Azure Immersive Reader" },
            { 'P', "Azure AI (internal all-in-one)" },
            { 'Q', "Azure Knowledge" },
            { 'R', "Azure LUIS Authoring" },
            { 'S', "Azure LUIS" },
            { 'T', "Azure Metrics Advisor" },
            { 'U', "Azure Personalizer" },
            { 'V', "Azure QnA Maker" },
            { 'W', "Azure QnA Maker v2" },
            { 'X', "Azure Speaker Recognition" },
            { 'Y', "Azure Speech" },
            { 'Z', "Azure Speech Translation" },
            { 'a', "Azure Text Analytics" },
            { 'b', "Azure Translator" },
            { 'c', "Azure AI (test service)" },
            { 'd', "Azure Transcription Intelligence" },
            { 'e', "Azure Video Intelligence" },
            { 'f', "Bing Autosuggest" },
            { 'g', "Bing Autosuggest v7" },
            { 'h', "Bing Custom Search" },
            { 'i', "Bing Custom Visual Search" },
            { 'j', "Bing Entity Search" },
            { 'k', "Bing Search" },
            { 'l', "Bing Search v7" },
            { 'm', "Bing Speech" },
            { 'n', "Bing Spell Check" },
            { 'o', "Bing Spell Check v7" },
        };

        [Theory]
        [MemberData(nameof(ServiceTable))]
        public void KeyOfEveryServiceInTheTable_ShouldBeAKeyNamedAfterItsService(char service, string name)
        {
            for (int seed = 1; seed <= 4; seed++)
            {
                string key = FakeAzureKeys.Create(seed, service);
                Assert.Equal(AzureKeyText.Length, key.Length);
                Assert.True(AzureKeyFormat.IsKey(key.AsSpan()), "seed " + seed);
                Assert.Equal(name, AzureKeyFormat.ServiceName(key.AsSpan()));
                Assert.Equal(new[] { Azure(0) }, Scan.All(key));
                Assert.True(KeyScanner.IsKey(key.AsSpan(), out KeyKind kind));
                Assert.Equal(KeyKind.Azure, kind);
            }
        }

        [Fact]
        public void TheServicesKeyLintNames_ShouldHaveTheirNames()
        {
            Assert.Equal("Azure OpenAI", AzureKeyFormat.ServiceName(FakeAzureKeys.Create(11, FakeAzureKeys.AzureOpenAI).AsSpan()));
            Assert.Equal("Azure AI Services", AzureKeyFormat.ServiceName(FakeAzureKeys.Create(12, FakeAzureKeys.AIServices).AsSpan()));
            Assert.Equal("Azure Cognitive Services", AzureKeyFormat.ServiceName(FakeAzureKeys.Create(13, FakeAzureKeys.CognitiveServices).AsSpan()));
            Assert.Equal("Azure Speech", AzureKeyFormat.ServiceName(FakeAzureKeys.Create(14, FakeAzureKeys.Speech).AsSpan()));
        }

        /// <summary>A service character past the table is still a key (the layout does not restrict it), named generically.</summary>
        [Fact]
        public void KeyOfAServiceOutsideTheTable_ShouldBeAKeyWithTheGenericName()
        {
            foreach (char service in "pqrstuvwxyz0123456789")
            {
                string key = FakeAzureKeys.Create(20 + service, service);
                Assert.True(AzureKeyFormat.IsKey(key.AsSpan()), "service " + service);
                Assert.Equal("Azure AI services", AzureKeyFormat.ServiceName(key.AsSpan()));
                Assert.Equal(new[] { Azure(1) }, Scan.All(" " + key + " "));
            }
        }

        [Fact]
        public void ServiceName_OfTextThatIsNotOneKeyLong_ShouldBeTheGenericName()
        {
            string key = FakeAzureKeys.Create(30, FakeAzureKeys.AzureOpenAI);
            Assert.Equal("Azure AI services", AzureKeyFormat.ServiceName(key.AsSpan(0, 83)));
            Assert.Equal("Azure AI services", AzureKeyFormat.ServiceName((key + " ").AsSpan()));
            Assert.Equal("Azure AI services", AzureKeyFormat.ServiceName(ReadOnlySpan<char>.Empty));
            Assert.Equal("Azure AI services", AzureKeyFormat.ServiceName(AzureKeyText.Replace(key, 75, '-').AsSpan()));
        }

        // ---------------------------------------------------------------- single-character changes, field by field

        [Theory]
        [InlineData('D')]
        [InlineData('H')]
        public void DerivedAndHashedKeys_ShouldNotBeKeys(char kind)
        {
            for (int seed = 1; seed <= 10; seed++)
            {
                string key = FakeAzureKeys.Create(seed, kind: kind);
                Assert.False(AzureKeyFormat.IsKey(key.AsSpan()), "seed " + seed);
                Assert.Empty(Scan.All(" " + key + " "));
            }
        }

        /// <summary>The kind character at 57, the checksum written for it: only the standard kind 9 is a key.</summary>
        [Fact]
        public void KindCharacter_ShouldMakeAKeyOnlyWhenNine()
        {
            foreach (char kind in AzureKeyText.Base62 + "+/")
            {
                string key = FakeAzureKeys.Create(40, kind: kind);
                Assert.True(kind == '9' == AzureKeyFormat.IsKey(key.AsSpan()), "kind " + kind);
                Assert.Equal(kind == '9' ? 1 : 0, Scan.All("\"" + key + "\"").Count);
            }
        }

        /// <summary>The month character at 59: A–L (January–December) only; M and everything else is no key.</summary>
        [Fact]
        public void MonthCharacter_ShouldMakeAKeyOnlyFromAToL()
        {
            foreach (char month in AzureKeyText.Base62 + "+/")
            {
                string key = FakeAzureKeys.Create(41, month: month);
                bool expected = month >= 'A' && month <= 'L';
                Assert.True(expected == AzureKeyFormat.IsKey(key.AsSpan()), "month " + month);
                Assert.Equal(expected ? 1 : 0, Scan.All("=" + key + "\n").Count);
            }

            Assert.False(AzureKeyFormat.IsKey(FakeAzureKeys.Create(42, month: 'M').AsSpan()));
        }

        /// <summary>The year character at 58 is not restricted (A = 2024 … 9 = 2085, as the generator allows): any letter or digit.</summary>
        [Fact]
        public void YearCharacter_ShouldMakeAKeyForEveryLetterOrDigit()
        {
            foreach (char year in AzureKeyText.Base62 + "+/")
            {
                string key = FakeAzureKeys.Create(43, year: year);
                Assert.True(AzureKeyText.IsAlphanumeric(year) == AzureKeyFormat.IsKey(key.AsSpan()), "year " + year);
            }
        }

        /// <summary>Each character of JQQJ9, changed to any other letter or digit, with the checksum written for the change: no key.</summary>
        [Fact]
        public void SignatureCharacterChanged_ShouldNotBeAKey()
        {
            string key = FakeAzureKeys.Create(44);
            for (int offset = 52; offset < 57; offset++)
            {
                foreach (char replacement in AzureKeyText.Base62.Where(c => c != key[offset]))
                {
                    string changed = AzureKeyText.WithChecksumFor(AzureKeyText.Replace(key, offset, replacement));
                    Assert.False(AzureKeyFormat.IsKey(changed.AsSpan()), "offset " + offset + " -> " + replacement);
                    Assert.Empty(Scan.All(" " + changed + " "));
                }
            }
        }

        /// <summary>Each character of the provider's reserved AAA (72–74), changed, with the checksum written for it: no key.</summary>
        [Fact]
        public void ProviderReservedCharacterChanged_ShouldNotBeAKey()
        {
            string key = FakeAzureKeys.Create(45);
            for (int offset = 72; offset < 75; offset++)
            {
                foreach (char replacement in AzureKeyText.Base62.Where(c => c != 'A'))
                {
                    string changed = AzureKeyText.WithChecksumFor(AzureKeyText.Replace(key, offset, replacement));
                    Assert.False(AzureKeyFormat.IsKey(changed.AsSpan()), "offset " + offset + " -> " + replacement);
                    Assert.Empty(Scan.All(" " + changed + " "));
                }
            }
        }

        /// <summary>Each character of the provider signature ACOG (76–79), changed: other providers' keys (AZEG, …) are not these keys.</summary>
        [Fact]
        public void ProviderSignatureCharacterChanged_ShouldNotBeAKey()
        {
            for (int index = 0; index < 4; index++)
            {
                foreach (char replacement in AzureKeyText.Base62.Where(c => c != "ACOG"[index]))
                {
                    string signature = AzureKeyText.Replace("ACOG", index, replacement);
                    string key = FakeAzureKeys.Create(46, providerSignature: signature);
                    Assert.False(AzureKeyFormat.IsKey(key.AsSpan()), "ACOG[" + index + "] -> " + replacement);
                    Assert.Empty(Scan.All(" " + key + " "));
                }
            }

            foreach (string other in new[] { "AZEG", "acog", "AZSE", "AZMP", "AZCS" })
            {
                Assert.False(AzureKeyFormat.IsKey(FakeAzureKeys.Create(47, providerSignature: other).AsSpan()), other);
            }
        }

        /// <summary>Each checksum character changed to any other letter or digit: no key (unless the change spells the early base64 form, which is then a key).</summary>
        [Fact]
        public void ChecksumCharacterChanged_ShouldNotBeAKey()
        {
            for (int seed = 1; seed <= 20; seed++)
            {
                Assert.False(AzureKeyFormat.IsKey(FakeAzureKeys.WithWrongChecksum(FakeAzureKeys.Create(seed)).AsSpan()), "seed " + seed);
            }

            string key = FakeAzureKeys.Create(48);
            string base64 = AzureKeyText.Base64Checksum(key.Substring(0, 80));
            for (int offset = 80; offset < 84; offset++)
            {
                foreach (char replacement in AzureKeyText.Base62.Where(c => c != key[offset]))
                {
                    string changed = AzureKeyText.Replace(key, offset, replacement);
                    bool expected = changed.Substring(80) == base64;
                    Assert.True(expected == AzureKeyFormat.IsKey(changed.AsSpan()), "offset " + offset + " -> " + replacement);
                    Assert.Equal(expected ? 1 : 0, Scan.All(" " + changed + " ").Count);
                }
            }
        }

        /// <summary>
        /// A random, year, month-compatible, platform or service character changed: the checksum no
        /// longer matches (no key); with the checksum written for the change, a key again.
        /// </summary>
        [Fact]
        public void CheckedCharacterChanged_ShouldNeedItsChecksum()
        {
            string key = FakeAzureKeys.Create(49);
            var offsets = Enumerable.Range(0, 52).Concat(new[] { 58 }).Concat(Enumerable.Range(60, 12)).Concat(new[] { 75 });
            foreach (int offset in offsets)
            {
                char replacement = AzureKeyText.Base62[(AzureKeyText.Base62.IndexOf(key[offset]) + 1 + (offset % 60)) % 62];
                string changed = AzureKeyText.Replace(key, offset, replacement);
                Assert.False(AzureKeyFormat.IsKey(changed.AsSpan()), "unchecked change at " + offset);
                Assert.Empty(Scan.All(" " + changed + " "));

                string rechecked = AzureKeyText.WithChecksumFor(changed);
                Assert.True(AzureKeyFormat.IsKey(rechecked.AsSpan()), "checked change at " + offset);
                Assert.Equal(new[] { Azure(1) }, Scan.All(" " + rechecked + " "));
            }
        }

        /// <summary>
        /// Every single-character change of a key to every other letter or digit, at every offset,
        /// against the reference definition: IsKey and Find agree with it, and no change keeps a key.
        /// </summary>
        [Fact]
        public void EverySingleCharacterChange_ShouldAgreeWithTheReferenceAndNeverBeAKey()
        {
            int stillKeys = 0;
            foreach (int seed in new[] { 50, 51 })
            {
                string key = FakeAzureKeys.Create(seed, service: seed == 50 ? 'B' : 'Y');
                for (int offset = 0; offset < AzureKeyText.Length; offset++)
                {
                    foreach (char replacement in AzureKeyText.Base62.Where(c => c != key[offset]))
                    {
                        string changed = AzureKeyText.Replace(key, offset, replacement);
                        bool expected = AzureKeyText.ReferenceIsKey(changed);
                        Assert.True(expected == AzureKeyFormat.IsKey(changed.AsSpan()), "seed " + seed + ", offset " + offset + " -> " + replacement);
                        stillKeys += expected ? 1 : 0;
                    }
                }
            }

            Assert.Equal(0, stillKeys);
        }

        /// <summary>A character other than a letter or digit anywhere in the key: no key, and nothing found around it.</summary>
        [Fact]
        public void NonAlphanumericCharacterInTheKey_ShouldNotBeAKey()
        {
            string key = FakeAzureKeys.Create(52);
            foreach (int offset in new[] { 0, 1, 25, 51, 58, 59, 60, 65, 71, 75, 80, 82, 83 })
            {
                foreach (char replacement in "+/-_= .:\"'\t\n\0\u00e9\u00a0\uD800\uFF21")
                {
                    string changed = AzureKeyText.Replace(key, offset, replacement);

                    // '+' and '/' are base64 digits: give them the checksum of what they decode to, so only the alphabet rules them out.
                    if ((replacement == '+' || replacement == '/') && offset < 80)
                    {
                        changed = AzureKeyText.WithChecksumFor(changed);
                    }

                    Assert.False(AzureKeyFormat.IsKey(changed.AsSpan()), "offset " + offset + " -> U+" + ((int)replacement).ToString("X4"));
                    Assert.Empty(Scan.All(" " + changed + " "));
                }
            }
        }

        // ---------------------------------------------------------------- lengths

        [Fact]
        public void TextOneCharacterShorterOrLonger_ShouldNotBeAKey()
        {
            string key = FakeAzureKeys.Create(53);
            string[] wrongLengths =
            {
                key.Substring(0, 83), key.Substring(1), key + "A", "A" + key, key + "0", "0" + key, key + key, string.Empty,
            };

            foreach (string text in wrongLengths)
            {
                Assert.False(AzureKeyFormat.IsKey(text.AsSpan()), "length " + text.Length);
                Assert.False(KeyScanner.IsKey(text.AsSpan(), out _), "length " + text.Length);
                Assert.Empty(Scan.All(text));
            }

            // 83 characters fenced by spaces: the signature is where it belongs, one character is missing.
            Assert.Empty(Scan.All(" " + key.Substring(1) + " "));
            Assert.Empty(Scan.All(" " + key.Substring(0, 83) + " "));
        }

        // ---------------------------------------------------------------- boundaries

        /// <summary>
        /// Every UTF-16 code unit before and after a key: [A-Za-z0-9] glues it (not found), anything
        /// else — punctuation, '-', '_', '+', '/', whitespace, other letters, lone surrogates — fences it.
        /// </summary>
        [Fact]
        public void EveryCharacterBeforeOrAfterAKey_ShouldGlueItOnlyIfAnAsciiLetterOrDigit()
        {
            string key = FakeAzureKeys.Create(54);
            var before = new KeyMatch[] { Azure(1) };
            var after = new KeyMatch[] { Azure(0) };
            int fenced = 0;
            for (int code = 0; code <= char.MaxValue; code++)
            {
                char c = (char)code;
                bool glues = AzureKeyText.IsAlphanumeric(c);
                List<KeyMatch> foundBefore = Scan.All(c + key);
                List<KeyMatch> foundAfter = Scan.All(key + c);
                if (glues ? foundBefore.Count != 0 || foundAfter.Count != 0 : !foundBefore.SequenceEqual(before) || !foundAfter.SequenceEqual(after))
                {
                    Assert.Fail("U+" + code.ToString("X4") + ": before " + KeyLint.Tests.Reliability.ReferenceScanner.Show(foundBefore) + ", after " + KeyLint.Tests.Reliability.ReferenceScanner.Show(foundAfter));
                }

                fenced += glues ? 0 : 1;
            }

            Assert.Equal(65536 - 62, fenced);
        }

        /// <summary>
        /// Punctuation that surrounds keys in practice fences them, '-', '_', '+' and '/' included:
        /// like Microsoft's own pattern (base62 prefix and suffix classes), only [A-Za-z0-9] glues.
        /// </summary>
        [Theory]
        [InlineData("\"")]
        [InlineData("'")]
        [InlineData("`")]
        [InlineData("=")]
        [InlineData("-")]
        [InlineData("_")]
        [InlineData("/")]
        [InlineData("+")]
        [InlineData(" ")]
        [InlineData("\n")]
        [InlineData("\r\n")]
        [InlineData("\t")]
        [InlineData(":")]
        [InlineData(";")]
        [InlineData(",")]
        [InlineData(".")]
        [InlineData("&")]
        [InlineData("?")]
        [InlineData("#")]
        [InlineData("%")]
        [InlineData("(")]
        [InlineData("<")]
        [InlineData("\\")]
        [InlineData("\u00e9")]
        [InlineData("\u00a0")]
        [InlineData("\uD83D\uDE00")]
        public void KeyBetweenSeparators_ShouldBeFoundAtItsExactSpan(string separator)
        {
            for (int seed = 60; seed < 63; seed++)
            {
                string key = FakeAzureKeys.Create(seed);
                Assert.Equal(new[] { Azure(separator.Length) }, Scan.All(separator + key + separator));
                Assert.Equal(new[] { Azure(1 + separator.Length) }, Scan.All("x" + separator + key + separator + "y"));
                Assert.Equal(new[] { Azure(0) }, Scan.All(key + separator + "tail"));
                Assert.Equal(new[] { Azure(4 + separator.Length) }, Scan.All("head" + separator + key));
            }
        }

        [Theory]
        [InlineData('a')]
        [InlineData('z')]
        [InlineData('A')]
        [InlineData('Z')]
        [InlineData('J')]
        [InlineData('0')]
        [InlineData('9')]
        public void KeyGluedToALetterOrDigit_ShouldNotBeFound(char glue)
        {
            string key = FakeAzureKeys.Create(64);
            Assert.Empty(Scan.All(" " + glue + key + " "));
            Assert.Empty(Scan.All(" " + key + glue + " "));
            Assert.Empty(Scan.All(glue + key + glue));
            Assert.False(KeyScanner.IsKey((glue + key).AsSpan(), out _));
        }

        /// <summary>
        /// Documented behaviour, questionable in raw text: an escape sequence that ends in a letter or
        /// digit (\n, \t, %3D, %2F, \u0022 as written in source, JSON or URLs) glues the key that
        /// follows it, so the key is not found there. The same escapes after the key do not glue it.
        /// </summary>
        [Theory]
        [InlineData("\\n")]
        [InlineData("\\t")]
        [InlineData("%3D")]
        [InlineData("%2F")]
        [InlineData("%22")]
        [InlineData("\\u0022")]
        public void KeyAfterAnEscapeEndingInALetterOrDigit_IsGluedAndNotFound(string escape)
        {
            string key = FakeAzureKeys.Create(65);
            Assert.Empty(Scan.All("value" + escape + key + " "));
            Assert.Equal(new[] { Azure(1) }, Scan.All("\"" + key + escape + "\""));
        }

        /// <summary>
        /// The 88-character long form Microsoft's generator can also write (the key, the fifth and
        /// sixth checksum digits, "=="): one key of 88 characters, as Microsoft's pattern (84–88) finds it.
        /// </summary>
        [Fact]
        public void LongFormKey_ShouldBeFoundWhole()
        {
            string key = FakeAzureKeys.Create(66);
            string longForm = LongForm(key);
            Assert.Equal(88, longForm.Length);
            Assert.Equal(64, Convert.FromBase64String(longForm).Length);
            List<KeyMatch> found = Scan.All("key=" + longForm + ";");
            Assert.Equal(new[] { new KeyMatch(4, 88, KeyKind.Azure, 0) }, found);
            Assert.True(AzureKeyFormat.IsKey(longForm.AsSpan()));
            Assert.True(KeyScanner.IsKey(longForm.AsSpan(), out KeyKind kind));
            Assert.Equal(KeyKind.Azure, kind);
            Assert.Equal("Azure OpenAI", AzureKeyFormat.ServiceName(longForm.AsSpan()));
        }

        /// <summary>The long form's tail alone does not make a key: its first 84 characters must be one, and "==" must follow two key characters.</summary>
        [Fact]
        public void LongFormNearMisses_ShouldFollowTheShortFormRules()
        {
            string key = FakeAzureKeys.Create(67);
            string longForm = LongForm(key);
            Assert.Empty(Scan.All(FakeAzureKeys.WithWrongChecksum(key) + longForm.Substring(84)));
            Assert.Empty(Scan.All(longForm + "x"));
            Assert.False(AzureKeyFormat.IsKey((key + "A=" + "=").AsSpan(0, 87)));
            Assert.False(AzureKeyFormat.IsKey((key + "A-==").AsSpan()));

            // One "=" is not the long form: the key is glued to the two digits, as any key would be.
            Assert.Empty(Scan.All(key + "Ab=;"));

            // Without the two digits, "==" after the key is a boundary like any other.
            Assert.Equal(new[] { new KeyMatch(0, 84, KeyKind.Azure, 0) }, Scan.All(key + "==;"));
        }

        /// <summary>The generator's long form: the 80 first characters, all six base62 checksum digits as base64 (canonical), "==".</summary>
        private static string LongForm(string key)
        {
            byte[] checksumBytes = AzureKeyText.ChecksumBytes(key.Substring(0, 80));
            var number = new BigInteger(checksumBytes, isUnsigned: true, isBigEndian: true);
            var digits = new StringBuilder();
            do
            {
                digits.Insert(0, AzureKeyText.Base62[(int)(number % 62)]);
                number /= 62;
            }
            while (number > 0);

            int leadingZeroBytes = Math.Min(checksumBytes.TakeWhile(b => b == 0).Count(), 3);
            string six = (new string('0', leadingZeroBytes) + digits).PadRight(6, '0').Substring(0, 6);
            string canonical = Convert.ToBase64String(Convert.FromBase64String(six + "=="));
            Assert.Equal(key.Substring(80), canonical.Substring(0, 4));
            return key.Substring(0, 80) + canonical;
        }

        // ---------------------------------------------------------------- contexts

        public static TheoryData<string> ContextNames => new TheoryData<string>(Contexts.Keys);

        private static readonly Dictionary<string, (string Before, string After)> Contexts = new Dictionary<string, (string, string)>
        {
            ["Json"] = ("{\n  \"AzureOpenAI\": {\n    \"ApiKey\": \"", "\",\n    \"Endpoint\": \"https://contoso.openai.azure.com/\"\n  }\n}\n"),
            ["JsonCompact"] = ("{\"api_key\":\"", "\"}"),
            ["UrlQuery"] = ("https://contoso.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01&api-key=", "&stream=true"),
            ["UrlPath"] = ("https://example.com/keys/", "/rotate"),
            ["UrlFragment"] = ("https://example.com/#key=", ""),
            ["Env"] = ("AZURE_OPENAI_API_KEY=", "\nAZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/\n"),
            ["EnvQuoted"] = ("export AZURE_OPENAI_API_KEY='", "'\n"),
            ["EnvCrLf"] = ("AZURE_OPENAI_KEY=", "\r\n"),
            ["CSharpString"] = ("var credential = new AzureKeyCredential(\"", "\");\n"),
            ["CSharpVerbatim"] = ("private const string Key = @\"", "\";"),
            ["CSharpRaw"] = ("var key = \"\"\"\n    ", "\n    \"\"\";"),
            ["CSharpInterpolated"] = ("var header = $\"api-key: ", " for {endpoint}\";"),
            ["CSharpComment"] = ("// the old key was ", ", rotated since"),
            ["Xml"] = ("<add key=\"AzureOpenAIKey\" value=\"", "\" />"),
            ["Yaml"] = ("azure:\n  api_key: ", "\n  endpoint: x\n"),
            ["Ini"] = ("[azure]\napikey = ", "\r\n"),
            ["Header"] = ("curl -H \"api-key: ", "\" https://contoso.openai.azure.com/"),
            ["PowerShell"] = ("$env:AZURE_OPENAI_API_KEY = \"", "\""),
            ["Python"] = ("client = AzureOpenAI(api_key='", "', api_version='2024-06-01')"),
            ["Markdown"] = ("Use `", "` as the key."),
            ["Base64Neighbours"] = ("QUJD+", "/REVG=="),
            ["UnderscoreAndDash"] = ("AZURE_KEY_", "-old"),
        };

        [Theory]
        [MemberData(nameof(ContextNames))]
        public void KeyInContext_ShouldBeFoundAtItsExactPosition(string context)
        {
            (string before, string after) = Contexts[context];
            for (int seed = 70; seed < 73; seed++)
            {
                string key = FakeAzureKeys.Create(seed, service: "BAEY"[seed % 4]);
                Assert.Equal(new[] { Azure(before.Length) }, Scan.All(before + key + after));
                Assert.Equal(new[] { Azure(before.Length) }, AzureKeyText.ReferenceFind(before + key + after));
            }
        }

        // ---------------------------------------------------------------- several keys, OpenAI keys

        [Fact]
        public void SeveralKeysOfBothFormats_ShouldAllBeFoundInOrder()
        {
            var text = new StringBuilder();
            var expected = new List<KeyMatch>();
            void Add(string separator, string key, KeyKind kind, int prefixLength)
            {
                text.Append(separator);
                expected.Add(new KeyMatch(text.Length, key.Length, kind, prefixLength));
                text.Append(key);
            }

            Add("AZURE_OPENAI_API_KEY=", FakeAzureKeys.Create(80, 'B'), KeyKind.Azure, 0);
            Add("\nSPEECH_KEY=\"", FakeAzureKeys.Create(81, 'Y'), KeyKind.Azure, 0);
            Add("\"\nOPENAI_API_KEY=", FakeKeys.Project(82), KeyKind.Project, 8);
            Add(" ", FakeAzureKeys.Create(83, 'A'), KeyKind.Azure, 0);
            Add(",", FakeAzureKeys.Create(84, 'E'), KeyKind.Azure, 0);
            Add("/", FakeKeys.LegacyUser(85), KeyKind.LegacyUser, 3);
            Add("+", FakeAzureKeys.Create(86, 'B'), KeyKind.Azure, 0);
            text.Append("\n# a lone JQQJ9 and T3BlbkFJ\n");

            Assert.Equal(expected, Scan.All(text.ToString()));
            Assert.True(KeyScanner.HasMarkerOutsideKeys(text.ToString().AsSpan()));
        }

        [Fact]
        public void AzureAndOpenAIKeysSeparatedByNonKeyCharacters_ShouldBothBeFound()
        {
            string azure = FakeAzureKeys.Create(90);
            string openAI = FakeKeys.Project(91);
            Assert.Equal(new[] { Azure(0), new KeyMatch(85, openAI.Length, KeyKind.Project, 8) }, Scan.All(azure + " " + openAI));
            Assert.Equal(new[] { new KeyMatch(0, openAI.Length, KeyKind.Project, 8), Azure(openAI.Length + 1) }, Scan.All(openAI + "\n" + azure));
            Assert.Equal(new[] { new KeyMatch(0, openAI.Length, KeyKind.Project, 8), Azure(openAI.Length + 1) }, Scan.All(openAI + "+" + azure));
        }

        /// <summary>
        /// '-' and '_' fence an Azure key but are OpenAI key characters: glued by one of them, the
        /// Azure key is found and the OpenAI key, whose run now holds the Azure key, is not a key.
        /// </summary>
        [Theory]
        [InlineData("-")]
        [InlineData("_")]
        public void AzureAndOpenAIKeysGluedByADashOrUnderscore_ShouldGiveTheAzureKeyOnly(string glue)
        {
            string azure = FakeAzureKeys.Create(92);
            string openAI = FakeKeys.Project(93);
            Assert.Equal(new[] { Azure(0) }, Scan.All(azure + glue + openAI));
            Assert.Equal(new[] { Azure(openAI.Length + 1) }, Scan.All(openAI + glue + azure));
        }

        /// <summary>
        /// An Azure key inside the first segment of an OpenAI key: the Azure signature comes before
        /// the OpenAI marker, so the Azure key wins and the overlapping OpenAI key is not reported.
        /// </summary>
        [Fact]
        public void AzureKeyInsideTheFirstSegmentOfAnOpenAIKey_ShouldWin()
        {
            string azure = FakeAzureKeys.Create(94);
            string head = azure + "-" + Scan.RandomText(94, 5, Scan.Alphanumerics);
            string text = "sk-proj-" + head + FakeKeys.Marker + Scan.RandomText(95, head.Length, Scan.Alphanumerics);

            // Both are keys on their own.
            Assert.True(OpenAIKeyFormat.TryClassify(text.AsSpan(), out KeyKind kind, out int prefixLength));
            Assert.Equal((KeyKind.Project, 8), (kind, prefixLength));
            Assert.True(AzureKeyFormat.IsKey(azure.AsSpan()));

            Assert.Equal(new[] { Azure(8) }, Scan.All(text));
            Assert.Equal(new[] { Azure(9) }, Scan.All(" " + text + " "));

            // With the Azure key broken, the OpenAI key is found.
            string broken = text.Replace(azure, FakeAzureKeys.WithWrongChecksum(azure), StringComparison.Ordinal);
            Assert.Equal(new[] { new KeyMatch(0, text.Length, KeyKind.Project, 8) }, Scan.All(broken));
        }

        /// <summary>An Azure key inside the second segment of an OpenAI key: the OpenAI marker comes first and wins.</summary>
        [Fact]
        public void AzureKeyInsideTheSecondSegmentOfAnOpenAIKey_ShouldLose()
        {
            string azure = FakeAzureKeys.Create(96);
            string tail = Scan.RandomText(96, 3, Scan.Alphanumerics) + "-" + azure + "_" + Scan.RandomText(97, 3, Scan.Alphanumerics);
            string text = "sk-proj-" + Scan.RandomText(98, tail.Length, Scan.Alphanumerics) + FakeKeys.Marker + tail;

            Assert.True(OpenAIKeyFormat.TryClassify(text.AsSpan(), out KeyKind kind, out _));
            Assert.Equal(KeyKind.Project, kind);
            Assert.Equal(new[] { new KeyMatch(0, text.Length, KeyKind.Project, 8) }, Scan.All(text));
            Assert.Equal(new[] { new KeyMatch(2, text.Length, KeyKind.Project, 8) }, Scan.All("\n\"" + text + "\""));
        }

        /// <summary>
        /// "sk-" glued before an Azure key whose random part holds the OpenAI marker at 38: the run is
        /// a legacy OpenAI key (38 + marker + 38) whose marker comes before the Azure signature: the
        /// OpenAI key wins. Alone, the same Azure key is found despite the marker inside it.
        /// </summary>
        [Fact]
        public void OpenAIMarkerInTheRandomPartOfAnAzureKeyPrecededBySk_ShouldGiveTheOpenAIKey()
        {
            string azure = AzureKeyText.Build(Random52(100).Substring(0, 38) + FakeKeys.Marker + Random52(101).Substring(0, 6), Platform(100));
            Assert.True(AzureKeyFormat.IsKey(azure.AsSpan()));
            Assert.Equal(new[] { Azure(1) }, Scan.All(" " + azure + " "));
            Assert.True(KeyScanner.IsKey(azure.AsSpan(), out KeyKind alone));
            Assert.Equal(KeyKind.Azure, alone);

            string text = "sk-" + azure;
            Assert.True(OpenAIKeyFormat.TryClassify(text.AsSpan(), out KeyKind kind, out int prefixLength));
            Assert.Equal((KeyKind.LegacyUser, 3), (kind, prefixLength));
            Assert.Equal(new[] { new KeyMatch(0, 87, KeyKind.LegacyUser, 3) }, Scan.All(text));
            Assert.Equal(new[] { new KeyMatch(1, 87, KeyKind.LegacyUser, 3) }, Scan.All("'" + text + "'"));
        }

        /// <summary>
        /// "sk-" before an Azure key whose platform field holds the OpenAI marker (offsets 60–67), then
        /// "-" and 43 characters: an OpenAI key (60 + marker + 60) whose marker comes after the Azure
        /// signature: the Azure key wins.
        /// </summary>
        [Fact]
        public void OpenAIMarkerInThePlatformFieldOfAnAzureKeyPrecededBySk_ShouldGiveTheAzureKey()
        {
            string azure = AzureKeyText.Build(Random52(102), FakeKeys.Marker + Platform(102).Substring(0, 4));
            string text = "sk-" + azure + "-" + Scan.RandomText(103, 43, Scan.Alphanumerics);
            Assert.True(AzureKeyFormat.IsKey(azure.AsSpan()));
            Assert.True(OpenAIKeyFormat.TryClassify(text.AsSpan(), out KeyKind kind, out _));
            Assert.Equal(KeyKind.LegacyUser, kind);

            Assert.Equal(new[] { Azure(3) }, Scan.All(text));
            Assert.Equal(new[] { Azure(4) }, Scan.All("=" + text + ";"));
        }

        /// <summary>An Azure key in an OpenAI-style run that is no OpenAI key (a variable name with '-' and '_'): found.</summary>
        [Fact]
        public void AzureKeyInARunThatIsNoOpenAIKey_ShouldBeFound()
        {
            string azure = FakeAzureKeys.Create(104);
            Assert.Equal(new[] { Azure(12) }, Scan.All("my-var_name-" + azure + "_suffix-x"));
            Assert.Equal(new[] { Azure(4) }, Scan.All("sk--" + azure));
        }

        /// <summary>Further signatures in the random part (offset 10) and the platform field (offset 62) are not keys; the key is found once.</summary>
        [Fact]
        public void KeyWithFurtherSignaturesInside_ShouldBeFoundOnce()
        {
            string random = Random52(105);
            random = random.Substring(0, 10) + AzureKeyText.Signature + random.Substring(15);
            string azure = AzureKeyText.Build(random, "xy" + AzureKeyText.Signature + "abcde");
            Assert.True(AzureKeyFormat.IsKey(azure.AsSpan()));
            Assert.Equal(new[] { Azure(2) }, Scan.All("> " + azure + " " + azure.Substring(0, 60)));
            Assert.False(KeyScanner.HasMarkerOutsideKeys(azure.AsSpan()));
        }

        // ---------------------------------------------------------------- checksum quirks

        /// <summary>
        /// The generator writes the checksum's four bytes (memory order) with Base62.Net, which writes
        /// a '0' for each leading zero byte. Platform fields are searched for checksums starting with
        /// one and two zero bytes; a field found once by the same search (5,493,600) gives three.
        /// </summary>
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void ChecksumWithLeadingZeroBytes_ShouldBeAKey(int zeroBytes)
        {
            string random = Scan.RandomText(5200, 52, Scan.Alphanumerics);
            string Body(long counter) => random + "JQQJ99BC" + AzureKeyText.Base62Digits(counter, 12) + "AAAB" + "ACOG";
            int LeadingZeroBytes(string body) => AzureKeyText.ChecksumBytes(body).TakeWhile(b => b == 0).Count();

            long found = zeroBytes == 3 ? 5_493_600 : -1;
            for (long counter = 0; found < 0 && counter < 5_000_000; counter++)
            {
                if (LeadingZeroBytes(Body(counter)) == zeroBytes)
                {
                    found = counter;
                }
            }

            Assert.True(found >= 0, "no platform field found");
            string first80 = Body(found);
            Assert.Equal(zeroBytes, LeadingZeroBytes(first80));

            string key = first80 + FakeAzureKeys.Checksum(first80);
            Assert.Equal(new string('0', zeroBytes), key.Substring(80, zeroBytes));
            Assert.True(AzureKeyFormat.IsKey(key.AsSpan()));
            Assert.Equal(new[] { Azure(1) }, Scan.All("\"" + key + "\""));

            // Written without the quirk (the plain base62 digits of the same number, padded), it is no key.
            byte[] bytes = AzureKeyText.ChecksumBytes(first80);
            var number = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            string plain = string.Empty;
            do
            {
                plain = AzureKeyText.Base62[(int)(number % 62)] + plain;
                number /= 62;
            }
            while (number > 0);

            string withoutQuirk = first80 + plain.PadRight(4, '0').Substring(0, 4);
            Assert.NotEqual(key.Substring(80), withoutQuirk.Substring(80));
            Assert.False(AzureKeyFormat.IsKey(withoutQuirk.AsSpan()));
        }

        /// <summary>The early form of the checksum — the first four base64 digits of its bytes — is accepted too (when it is all letters and digits).</summary>
        [Fact]
        public void ChecksumWrittenInTheEarlyBase64Form_ShouldBeAKey()
        {
            int accepted = 0;
            int withSymbols = 0;
            for (int seed = 200; accepted < 5 || withSymbols < 2; seed++)
            {
                string key = FakeAzureKeys.Create(seed);
                string base64 = AzureKeyText.Base64Checksum(key.Substring(0, 80));
                string early = key.Substring(0, 80) + base64;
                if (base64.All(AzureKeyText.IsAlphanumeric))
                {
                    Assert.True(AzureKeyFormat.IsKey(early.AsSpan()), "seed " + seed);
                    Assert.Equal(new[] { Azure(1) }, Scan.All(" " + early + " "));
                    accepted++;
                }
                else
                {
                    // A '+' or '/' in the checksum is not a key character (Microsoft's generator draws again then).
                    Assert.False(AzureKeyFormat.IsKey(early.AsSpan()), "seed " + seed);
                    withSymbols++;
                }
            }
        }

        // ---------------------------------------------------------------- KeyScanner's API on Azure keys

        [Fact]
        public void KeyScannerIsKey_ShouldTakeExactlyOneAzureKey()
        {
            string key = FakeAzureKeys.Create(110);
            Assert.True(KeyScanner.IsKey(key.AsSpan(), out KeyKind kind));
            Assert.Equal(KeyKind.Azure, kind);

            Assert.False(KeyScanner.IsKey((" " + key).AsSpan(), out _));
            Assert.False(KeyScanner.IsKey((key + "\n").AsSpan(), out _));
            Assert.False(KeyScanner.IsKey((key + " " + key).AsSpan(), out _));
            Assert.False(KeyScanner.IsKey(FakeAzureKeys.WithWrongChecksum(key).AsSpan(), out KeyKind none));
            Assert.Equal(default, none);
        }

        [Fact]
        public void ContainsKeyAndMarkers_ShouldSeeAzureKeysAndSignatures()
        {
            string key = FakeAzureKeys.Create(111);
            string wrong = FakeAzureKeys.WithWrongChecksum(key);
            Assert.True(KeyScanner.ContainsKey(("x = " + key).AsSpan()));
            Assert.False(KeyScanner.ContainsKey(("x = " + wrong).AsSpan()));
            Assert.True(KeyScanner.ContainsMarker(AzureKeyText.Signature.AsSpan()));
            Assert.True(KeyScanner.ContainsMarker(wrong.AsSpan()));
            Assert.False(KeyScanner.ContainsMarker("JQQJ JQQj9 QQJ9".AsSpan()));

            Assert.False(KeyScanner.HasMarkerOutsideKeys(key.AsSpan()));
            Assert.True(KeyScanner.HasMarkerOutsideKeys((key + " JQQJ9").AsSpan()));
            Assert.True(KeyScanner.HasMarkerOutsideKeys(wrong.AsSpan()));
            Assert.True(KeyScanner.HasMarkerOutsideKeys("JQQJ9".AsSpan()));
        }

        /// <summary>An Azure key has no non-secret prefix: its redacted form is the ellipsis and its last four characters.</summary>
        [Fact]
        public void AzureMatch_ShouldHaveNoPrefixAndRedactToTheLastFourCharacters()
        {
            string key = FakeAzureKeys.Create(112);
            string text = "key: " + key + "\n";
            KeyMatch match = Assert.Single(Scan.All(text));
            Assert.Equal((5, 84, KeyKind.Azure, 0), (match.Start, match.Length, match.Kind, match.PrefixLength));
            Assert.DoesNotContain("JQQJ", match.ToString(), StringComparison.Ordinal);

            string redacted = KeyRedactor.Redact(text.AsSpan(), match);
            Assert.Equal(5, redacted.Length);
            Assert.Equal(KeyRedactor.Ellipsis, redacted[0]);
            Assert.True(redacted.AsSpan(1).SequenceEqual(key.AsSpan(80)), "the redacted form ends with the key's last four characters");

            string all = KeyRedactor.RedactAll(text);
            Assert.Equal(text.Length - 84 + 5, all.Length);
            Assert.Empty(Scan.All(all));
            Assert.DoesNotContain(AzureKeyText.Signature, all, StringComparison.Ordinal);
        }
    }
}
