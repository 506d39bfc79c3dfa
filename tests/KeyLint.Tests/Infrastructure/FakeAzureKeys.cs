using System;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text;

namespace KeyLint.Tests
{
    /// <summary>
    /// Makes fake identifiable Azure AI services keys (84 characters, the layout Azure OpenAI issues
    /// since 2024) with valid checksums. None was ever issued by Azure. Written from Microsoft's
    /// published generator (microsoft/security-utilities, <c>IdentifiableSecrets.GenerateCommonAnnotatedTestKey</c>)
    /// and independent of <c>KeyLint.Scanning</c>: the checksum is the .NET runtime's own Marvin32,
    /// and base62 is done with <see cref="BigInteger"/>, so a mistake in the scanner cannot hide in both.
    /// Every key is derived from a seed: the same seed gives the same key in every run.
    /// </summary>
    internal static class FakeAzureKeys
    {
        public const string Signature = "JQQJ9";
        public const int Length = 84;

        /// <summary>Service characters: the base64 digit of Microsoft's <c>AzureCognitiveService</c> value.</summary>
        public const char AzureOpenAI = 'B';
        public const char AIServices = 'A';
        public const char CognitiveServices = 'E';
        public const char Speech = 'Y';

        private const string Base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        private delegate int MarvinHash32(ReadOnlySpan<byte> data, ulong seed);

        private static readonly MarvinHash32 RuntimeMarvin = typeof(object).Assembly.GetType("System.Marvin", throwOnError: true)!
            .GetMethod("ComputeHash32", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, new[] { typeof(ReadOnlySpan<byte>), typeof(ulong) })!
            .CreateDelegate<MarvinHash32>();

        /// <summary>Microsoft's version-two checksum seed: the ASCII bytes of "Default0", reversed, as a little-endian ulong.</summary>
        public static readonly ulong ChecksumSeed = BitConverter.ToUInt64(Encoding.ASCII.GetBytes("Default0").Reverse().ToArray(), 0);

        /// <summary>A standard key: 52 random characters, JQQJ9 9, year, month, 12 platform characters, AAA + service, ACOG, checksum.</summary>
        public static string Create(int seed = 1, char service = AzureOpenAI, char year = 'B', char month = 'C', char kind = '9', string providerSignature = "ACOG")
        {
            var random = new Random((seed * 7919) + 84);
            string body = Random(random, 52) + Signature + kind + year + month + Random(random, 12) + "AAA" + service + providerSignature;
            return body + Checksum(body);
        }

        /// <summary>The four checksum characters of the first 80 characters, as Microsoft's generator writes them.</summary>
        public static string Checksum(string first80)
        {
            byte[] bytes = Convert.FromBase64String(first80);
            byte[] checksumBytes = BitConverter.GetBytes(RuntimeMarvin(bytes, ChecksumSeed));
            string base62 = ToBase62(checksumBytes);
            return (base62 + new string('0', Math.Max(0, 6 - base62.Length))).Substring(0, 4);
        }

        /// <summary>The same key with one checksum character changed: a near miss.</summary>
        public static string WithWrongChecksum(string key)
        {
            char last = key[Length - 1];
            return key.Substring(0, Length - 1) + (last == 'x' ? 'y' : 'x');
        }

        /// <summary>Marvin32 as the .NET runtime computes it (for the tests that pin KeyLint's own).</summary>
        public static int RuntimeMarvin32(byte[] data, ulong seed) => RuntimeMarvin(data, seed);

        /// <summary>
        /// Base62 of the bytes read as one big-endian number, with a '0' for each leading zero byte
        /// (at most all but one): the Base62.Net encoding Microsoft's generator uses.
        /// </summary>
        private static string ToBase62(byte[] bytes)
        {
            var number = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            var digits = new StringBuilder();
            do
            {
                digits.Insert(0, Base62Alphabet[(int)(number % 62)]);
                number /= 62;
            }
            while (number > 0);

            int leadingZeroBytes = Math.Min(bytes.TakeWhile(b => b == 0).Count(), bytes.Length - 1);
            return new string('0', leadingZeroBytes) + digits;
        }

        private static string Random(Random random, int length)
        {
            var builder = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                builder.Append(Base62Alphabet[random.Next(Base62Alphabet.Length)]);
            }

            return builder.ToString();
        }
    }
}
