using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using KeyLint.Scanning;
using Xunit;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// KeyLint's own Marvin32 (<see cref="Marvin32"/>, the checksum of identifiable Azure keys)
    /// against the published test vectors and against the .NET runtime's implementation
    /// (<c>System.Marvin</c>, reached through <see cref="FakeAzureKeys.RuntimeMarvin32"/>).
    /// </summary>
    /// <remarks>
    /// The 64-bit vectors are those of the .NET runtime's tests
    /// (dotnet/runtime, src/libraries/Common/tests/Tests/System/MarvinTests.cs), taken there from an
    /// independent implementation (skeeto/marvin32); microsoft/security-utilities checks the same list and two of
    /// SymCrypt's (lib/marvin32.c). The runtime's Marvin returns only the 32-bit fold, so the 64-bit
    /// value is checked against the vectors and the fold against both the vectors and the runtime.
    /// </remarks>
    public class Marvin32Tests
    {
        private const ulong Seed1 = 0x004FB61A001BDBCC;
        private const ulong Seed2 = 0x804FB61A001BDBCC;
        private const ulong Seed3 = 0x804FB61A801BDBCC;

        /// <summary>Seed, input as hex, expected 64-bit hash (high half = p1, low half = p0).</summary>
        public static TheoryData<ulong, string, ulong> PublishedVectors => new TheoryData<ulong, string, ulong>
        {
            { Seed1, "", 0x30ED35C100CD3C7D },
            { Seed1, "af", 0x48E73FC77D75DDC1 },
            { Seed1, "e70f", 0xB5F6E1FC485DBFF8 },
            { Seed1, "37f495", 0xF0B07C789B8CF7E8 },
            { Seed1, "8642dc59", 0x7008F2E87E9CF556 },
            { Seed1, "153fb79826", 0xE6C08C6DA2AFA997 },
            { Seed1, "0932e6246c47", 0x6F04BF1A5EA24060 },
            { Seed1, "ab427ea8d10fc7", 0xE11847E4F0678C41 },

            { Seed2, "", 0x10A9D5D3996FD65D },
            { Seed2, "af", 0x68201F91960EBF91 },
            { Seed2, "e70f", 0x64B581631F6AB378 },
            { Seed2, "37f495", 0xE1F2DFA6E5131408 },
            { Seed2, "8642dc59", 0x36289D9654FB49F6 },
            { Seed2, "153fb79826", 0x0A06114B13464DBD },
            { Seed2, "0932e6246c47", 0xD6DD5E40AD1BC2ED },
            { Seed2, "ab427ea8d10fc7", 0xE203987DBA252FB3 },

            { Seed3, "00", 0xA37FB0DA2ECAE06C },
            { Seed3, "ff", 0xFECEF370701AE054 },
            { Seed3, "00ff", 0xA638E75700048880 },
            { Seed3, "ff00", 0xBDFB46D969730E2A },
            { Seed3, "ff00ff", 0x9D8577C0FE0D30BF },
            { Seed3, "00ff00", 0x4F9FBDDE15099497 },
            { Seed3, "00ff00ff", 0x24EAA279D9A529CA },
            { Seed3, "ff00ff00", 0xD3BEC7726B057943 },
            { Seed3, "ff00ff00ff", 0x920B62BBCA3E0B72 },
            { Seed3, "00ff00ff00", 0x1D7DDF9DFDF3C1BF },
            { Seed3, "00ff00ff00ff", 0xEC21276A17E821A5 },
            { Seed3, "ff00ff00ff00", 0x6911A53CA8C12254 },
            { Seed3, "ff00ff00ff00ff", 0xFDFD187B1D3CE784 },
            { Seed3, "00ff00ff00ff00", 0x71876F2EFB1B0EE8 },

            // SymCrypt's own tests, as microsoft/security-utilities quotes them: "abc" with SymCrypt's
            // default seed (the first 8 bytes of SHA-256("Marvin32")), and the alphabet with another seed.
            { 0xD53CD9CECD0893B7, Hex("abc"), 0x22C74339492769BF },
            { 0x0DDDDEEEEFFFF000, Hex("abcdefghijklmnopqrstuvwxyz"), 0xA128EB7E7260ACA2 },
        };

        [Theory]
        [MemberData(nameof(PublishedVectors))]
        public void ComputeHash_ShouldGiveThePublishedVector(ulong seed, string hex, ulong expected)
        {
            byte[] data = FromHex(hex);
            Assert.Equal(expected.ToString("X16"), ((ulong)Marvin32.ComputeHash(data, seed)).ToString("X16"));
        }

        /// <summary>The fold Microsoft's identifiable keys use: the high half XOR the low half, as an int.</summary>
        [Theory]
        [MemberData(nameof(PublishedVectors))]
        public void ComputeHash32_ShouldBeTheFoldOfThePublishedVector_AndTheRuntimes(ulong seed, string hex, ulong expected)
        {
            byte[] data = FromHex(hex);
            int fold = unchecked((int)(uint)(expected >> 32) ^ (int)(uint)expected);
            Assert.Equal(fold, Marvin32.ComputeHash32(data, seed));
            Assert.Equal(fold, FakeAzureKeys.RuntimeMarvin32(data, seed));
        }

        /// <summary>The vectors hold when the input is a slice of a larger buffer (offsets 1, 5, 100, a trailing byte).</summary>
        [Theory]
        [MemberData(nameof(PublishedVectors))]
        public void ComputeHash_OfASlice_ShouldGiveThePublishedVector(ulong seed, string hex, ulong expected)
        {
            byte[] data = FromHex(hex);
            foreach (int offset in new[] { 1, 5, 100 })
            {
                byte[] buffer = Enumerable.Repeat((byte)0xA5, offset + data.Length + 1).ToArray();
                data.CopyTo(buffer, offset);
                Assert.Equal(unchecked((long)expected), Marvin32.ComputeHash(buffer.AsSpan(offset, data.Length), seed));
            }
        }

        /// <summary>Seeds for the comparison with the runtime: the vectors' seeds, extremes, "Default0" (the keys' seed), random ones.</summary>
        private static IEnumerable<ulong> Seeds()
        {
            yield return 0;
            yield return ulong.MaxValue;
            yield return Seed1;
            yield return Seed2;
            yield return Seed3;
            yield return 0xD53CD9CECD0893B7;
            yield return 0x44656661756C7430;
            yield return 0x00000000FFFFFFFF;
            yield return 0xFFFFFFFF00000000;
            var random = new Random(8032);
            for (int i = 0; i < 8; i++)
            {
                yield return unchecked((ulong)random.NextInt64() ^ ((ulong)random.Next() << 33));
            }
        }

        /// <summary>Every length 0–70 (every tail of 0–3 bytes after 0–17 blocks), several seeds, random bytes and the byte extremes.</summary>
        [Fact]
        public void ComputeHash32_ShouldMatchTheRuntime_ForEveryLengthUpTo70AndSeveralSeeds()
        {
            var random = new Random(70);
            int compared = 0;
            foreach (ulong seed in Seeds())
            {
                for (int length = 0; length <= 70; length++)
                {
                    foreach (int fill in new[] { -1, 0x00, 0xFF, 0x80 })
                    {
                        byte[] data = new byte[length];
                        if (fill < 0)
                        {
                            random.NextBytes(data);
                        }
                        else
                        {
                            data.AsSpan().Fill((byte)fill);
                        }

                        int expected = FakeAzureKeys.RuntimeMarvin32(data, seed);
                        int actual = Marvin32.ComputeHash32(data, seed);
                        if (expected != actual)
                        {
                            Assert.Fail($"seed 0x{seed:X16}, length {length}, fill {fill}: runtime 0x{expected:X8}, KeyLint 0x{actual:X8}");
                        }

                        compared++;
                    }
                }
            }

            Assert.Equal(17 * 71 * 4, compared);
        }

        /// <summary>
        /// The 64-bit hash folds to the 32-bit one (high XOR low), for random inputs: so the runtime
        /// comparison above, which sees only the fold, vouches for both halves' mix.
        /// </summary>
        [Fact]
        public void ComputeHash32_ShouldBeTheFoldOfComputeHash_ForRandomInputs()
        {
            var random = new Random(32);
            foreach (ulong seed in Seeds())
            {
                for (int length = 0; length <= 70; length++)
                {
                    byte[] data = new byte[length];
                    random.NextBytes(data);
                    long hash = Marvin32.ComputeHash(data, seed);
                    Assert.Equal(unchecked((int)(hash >> 32) ^ (int)hash), Marvin32.ComputeHash32(data, seed));
                }
            }
        }

        /// <summary>Each single-bit change of a 60-byte input (the size the Azure checksum covers) changes the fold, in KeyLint and in the runtime alike.</summary>
        [Fact]
        public void ComputeHash32_ShouldMatchTheRuntime_ForEverySingleBitChangeOfA60ByteInput()
        {
            var random = new Random(60);
            byte[] data = new byte[60];
            random.NextBytes(data);
            ulong seed = FakeAzureKeys.ChecksumSeed;
            int original = Marvin32.ComputeHash32(data, seed);
            for (int bit = 0; bit < data.Length * 8; bit++)
            {
                data[bit / 8] ^= (byte)(1 << (bit % 8));
                int changed = Marvin32.ComputeHash32(data, seed);
                Assert.Equal(FakeAzureKeys.RuntimeMarvin32(data, seed), changed);
                Assert.NotEqual(original, changed);
                data[bit / 8] ^= (byte)(1 << (bit % 8));
            }
        }

        /// <summary>The seed of identifiable keys: the ASCII bytes of "Default0" read as one big-endian number.</summary>
        [Fact]
        public void ChecksumSeed_ShouldBeDefault0ReadBigEndian()
        {
            ulong bigEndian = 0;
            foreach (byte b in Encoding.ASCII.GetBytes("Default0"))
            {
                bigEndian = (bigEndian << 8) | b;
            }

            Assert.Equal(0x44656661756C7430UL, bigEndian);
            Assert.Equal(bigEndian, FakeAzureKeys.ChecksumSeed);
        }

        private static string Hex(string ascii) => string.Concat(Encoding.ASCII.GetBytes(ascii).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

        private static byte[] FromHex(string hex) => Convert.FromHexString(hex);
    }
}
