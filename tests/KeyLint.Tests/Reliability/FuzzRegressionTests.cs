using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KeyLint.Scanning;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Replays the fuzzer's inputs through the same invariants the fuzz harness checks
    /// (<see cref="ScannerInvariants"/>): the seed corpus (fuzz/corpus) and anything afl-fuzz kept as
    /// a crash or a hang (fuzz/findings/crashes, fuzz/findings/hangs). A 10-minute afl-fuzz run
    /// (see fuzz/README.md) found no crash and no hang, so fuzz/findings holds no input yet; a future
    /// finding dropped there becomes a case of <see cref="FuzzInput_ShouldKeepEveryScannerInvariant"/>.
    /// </summary>
    public class FuzzRegressionTests
    {
        private static string FuzzDirectory => Path.Combine(ReliabilityHarness.RepositoryRoot(), "fuzz");

        /// <summary>The seed corpus and every finding, by path relative to fuzz/.</summary>
        public static IEnumerable<object[]> FuzzInputs()
        {
            string fuzz = FuzzDirectory;
            IEnumerable<string> corpus = Directory.EnumerateFiles(Path.Combine(fuzz, "corpus"));
            string findings = Path.Combine(fuzz, "findings");
            IEnumerable<string> found = Directory.Exists(findings)
                ? Directory.EnumerateFiles(findings, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".gitkeep", StringComparison.Ordinal))
                : Enumerable.Empty<string>();
            return corpus.Concat(found)
                .Select(f => Path.GetRelativePath(fuzz, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new object[] { f });
        }

        [Theory]
        [MemberData(nameof(FuzzInputs))]
        public void FuzzInput_ShouldKeepEveryScannerInvariant(string input)
        {
            string text = ScannerInvariants.Decode(File.ReadAllBytes(Path.Combine(FuzzDirectory, input)));
            ScannerInvariants.Check(text);
        }

        /// <summary>The keys each seed holds, exactly: the seeds cover every kind, near-misses and every input encoding.</summary>
        [Fact]
        public void SeedCorpus_ShouldHoldExactlyTheKeysItWasMadeWith()
        {
            var expected = new Dictionary<string, KeyKind[]>(StringComparer.Ordinal)
            {
                ["01-project-in-code"] = new[] { KeyKind.Project },
                ["02-project58-in-json"] = new[] { KeyKind.Project },
                ["03-service-account-env"] = new[] { KeyKind.ServiceAccount },
                ["04-named-service"] = new[] { KeyKind.NamedService },
                ["05-admin-comment"] = new[] { KeyKind.Admin },
                ["06-legacy-user"] = new[] { KeyKind.LegacyUser },
                ["07-legacy-long"] = new[] { KeyKind.LegacyUser },
                ["08-none"] = new[] { KeyKind.LegacyNone },
                ["09-two-keys"] = new[] { KeyKind.Project, KeyKind.LegacyUser },
                ["10-glued-keys"] = Array.Empty<KeyKind>(),
                ["11-glued-char"] = Array.Empty<KeyKind>(),
                ["12-marker-only"] = Array.Empty<KeyKind>(),
                ["13-placeholder"] = Array.Empty<KeyKind>(),
                ["14-near-miss-lengths"] = Array.Empty<KeyKind>(),
                ["15-empty"] = Array.Empty<KeyKind>(),
                ["16-utf16-surrogates"] = new[] { KeyKind.Project, KeyKind.LegacyNone },
                ["17-utf8-text"] = new[] { KeyKind.Admin },
                ["18-latin1-high"] = new[] { KeyKind.LegacyUser },
                ["19-many-markers-one-run"] = Array.Empty<KeyKind>(),
                ["20-damaged-prefix"] = Array.Empty<KeyKind>(),
            };

            string corpus = Path.Combine(FuzzDirectory, "corpus");
            Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), Directory.EnumerateFiles(corpus).Select(Path.GetFileName).OrderBy(k => k, StringComparer.Ordinal));
            foreach ((string name, KeyKind[] kinds) in expected)
            {
                string text = ScannerInvariants.Decode(File.ReadAllBytes(Path.Combine(corpus, name)));
                Assert.Equal(kinds, ReferenceScanner.Scanner(text).Select(m => m.Kind));
            }
        }

        /// <summary>Like samples/: every key in the committed corpus was made by <see cref="FakeKeys"/> and never issued.</summary>
        [Fact]
        public void EveryKeyInTheCorpus_ShouldComeFromTheFakeKeyGenerator()
        {
            var generated = new HashSet<string>(Enumerable.Range(600, 20).SelectMany(seed => new[]
            {
                FakeKeys.ProjectShort(seed), FakeKeys.Project(seed, 58), FakeKeys.ServiceAccount(seed, 16), FakeKeys.NamedService("svc", seed),
                FakeKeys.Admin(seed, 20), FakeKeys.LegacyUser(seed), FakeKeys.LegacyUserLong(seed, 16), FakeKeys.None(seed),
            }));
            int keys = 0;
            foreach (object[] input in FuzzInputs())
            {
                string text = ScannerInvariants.Decode(File.ReadAllBytes(Path.Combine(FuzzDirectory, (string)input[0])));
                foreach (KeyMatch match in ReferenceScanner.Scanner(text))
                {
                    keys++;
                    string key = text.Substring(match.Start, match.Length);
                    Assert.True(generated.Contains(key), input[0] + ": a key not made by FakeKeys: " + KeyRedactor.Redact(key.AsSpan(), match.PrefixLength));
                }
            }

            Assert.True(keys >= 12, keys + " keys");
        }

        [Fact]
        public void InputDecoding_ShouldRoundTripUtf16AndMapBytesOneToOne()
        {
            string text = "a\uD800b\uDC00\uFFFF\u0000" + FakeKeys.Marker;
            Assert.Equal(text, ScannerInvariants.Decode(ScannerInvariants.EncodeUtf16(text)));
            Assert.Equal("\u00e9A\u00ff", ScannerInvariants.Decode(new byte[] { 0xE9, 0x41, 0xFF }));
            Assert.Equal("\u00e9", ScannerInvariants.Decode(new byte[] { 0xFE, 0xC3, 0xA9 }));
            Assert.Equal(string.Empty, ScannerInvariants.Decode(new byte[] { 0xFF, 0x41 }));
        }

        /// <summary>The invariant check is not vacuous: a broken result would be caught.</summary>
        [Fact]
        public void InvariantViolation_ShouldNotShowTheInput()
        {
            var exception = new ScannerInvariantException("matches out of order or overlapping: " + new KeyMatch(3, 56, KeyKind.Project, 8));
            Assert.DoesNotContain("sk-", exception.Message, StringComparison.Ordinal);
            Assert.Equal(2, ScannerInvariants.Check(FakeKeys.Project(1) + " \uD800 " + FakeKeys.Admin(2)));
        }
    }
}
