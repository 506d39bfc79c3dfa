using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace KeyLint.Tests.Scanning
{
    /// <summary>
    /// Random secrets in every shape KL0007 can meet at a credential: Azure keys (32 hex), other hex
    /// tokens, GUIDs, base62, base64, base32 and base36 tokens, JWTs, an old-style <c>sk-</c> + 48
    /// characters, the OpenAI key formats and the 84-character identifiable Azure keys. Every family
    /// has its own seed, so every run makes the same strings; none of them was ever issued by anyone.
    /// <see cref="KeyLint.Scanning.CredentialShape.LooksLikeSecret"/> must call each of them a secret.
    /// </summary>
    /// <remarks>
    /// A GUID with dashes counts as a secret: at a credential, a random GUID is what many services
    /// and proxies issue as a key, and it cannot be told from one; a placeholder GUID
    /// (<c>00000000-…</c>, <c>12345678-1234-…</c>) is repetitive and stays quiet.
    /// </remarks>
    internal static class SecretLikeStrings
    {
        private const string Hex = "0123456789abcdef";
        private const string UpperHex = "0123456789ABCDEF";
        private const string Base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        private const string Base36 = "abcdefghijklmnopqrstuvwxyz0123456789";

        /// <summary>One shape: its name, how many strings, the seed and how to make the n-th one.</summary>
        internal sealed record Family(string Name, int Count, int Seed, Func<Random, int, string> Make);

        public static readonly IReadOnlyList<Family> Families = new[]
        {
            new Family("Azure key: 32 lowercase hex", 1000, 101, (r, _) => Text(r, 32, Hex)),
            new Family("32 uppercase hex", 250, 102, (r, _) => Text(r, 32, UpperHex)),
            new Family("GUID, N format (32 hex)", 250, 103, (r, _) => Guid(r).ToString("N")),
            new Family("GUID, D format (with dashes)", 250, 104, (r, _) => Guid(r).ToString("D")),
            new Family("40 hex", 250, 105, (r, _) => Text(r, 40, Hex)),
            new Family("64 hex", 250, 106, (r, _) => Text(r, 64, Hex)),
            new Family("base62, 20", 250, 107, (r, _) => Text(r, 20, Base62)),
            new Family("base62, 24", 250, 108, (r, _) => Text(r, 24, Base62)),
            new Family("base62, 32", 250, 109, (r, _) => Text(r, 32, Base62)),
            new Family("base62, 40", 250, 110, (r, _) => Text(r, 40, Base62)),
            new Family("base62, 64", 250, 111, (r, _) => Text(r, 64, Base62)),
            new Family("base64 of 32 bytes (44, padded)", 250, 112, (r, _) => Convert.ToBase64String(Bytes(r, 32))),
            new Family("base64url of 32 bytes (43)", 250, 113, (r, _) => Base64Url(Bytes(r, 32))),
            new Family("base32, 32 (A-Z, 2-7)", 250, 114, (r, _) => Text(r, 32, Base32)),
            new Family("base36, 32 (a-z, 0-9)", 250, 115, (r, _) => Text(r, 32, Base36)),
            new Family("JWT (HS256, RS256, ES256)", 250, 116, Jwt),
            new Family("sk- + 48 base62", 250, 117, (r, _) => "sk-" + Text(r, 48, Base62)),
            new Family("OpenAI key formats", 250, 118, OpenAIKey),
            new Family("Azure identifiable key (84)", 250, 119, (_, n) => FakeAzureKeys.Create(seed: 1000 + n)),
        };

        /// <summary>The strings of <paramref name="family"/>, the same in every run.</summary>
        public static IEnumerable<string> Of(Family family)
        {
            var random = new Random(family.Seed);
            for (int n = 0; n < family.Count; n++)
            {
                yield return family.Make(random, n);
            }
        }

        public static IEnumerable<object[]> FamilyNames() => Families.Select(f => new object[] { f.Name });

        public static Family Named(string name) => Families.Single(f => f.Name == name);

        private static string Text(Random random, int length, string alphabet)
        {
            var text = new char[length];
            for (int i = 0; i < length; i++)
            {
                text[i] = alphabet[random.Next(alphabet.Length)];
            }

            return new string(text);
        }

        private static byte[] Bytes(Random random, int count)
        {
            byte[] bytes = new byte[count];
            random.NextBytes(bytes);
            return bytes;
        }

        /// <summary>A version-4 GUID from the seeded random bytes.</summary>
        private static Guid Guid(Random random)
        {
            byte[] bytes = Bytes(random, 16);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static string Base64Url(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

        /// <summary>Header, claims and signature of one of three algorithms, each with its signature length.</summary>
        private static string Jwt(Random random, int n)
        {
            (string header, int signatureBytes) = (n % 3) switch
            {
                0 => ("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", 32),
                1 => ("{\"alg\":\"RS256\",\"kid\":\"" + Text(random, 27, Base62) + "\",\"typ\":\"JWT\"}", 256),
                _ => ("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", 64),
            };
            long issuedAt = 1_600_000_000 + random.Next(200_000_000);
            string claims = "{\"sub\":\"" + Text(random, 10, "0123456789") + "\",\"aud\":\"" + Guid(random).ToString("D")
                + "\",\"iat\":" + issuedAt + ",\"exp\":" + (issuedAt + 3600) + ",\"jti\":\"" + Text(random, 22, Base62) + "\"}";
            return Base64Url(header) + "." + Base64Url(claims) + "." + Base64Url(Bytes(random, signatureBytes));
        }

        /// <summary>The OpenAI key forms in turn, each from its own seed.</summary>
        private static string OpenAIKey(Random random, int n)
        {
            int seed = 1000 + n;
            return (n % 8) switch
            {
                0 => FakeKeys.ProjectShort(seed),
                1 => FakeKeys.Project(seed, 74),
                2 => FakeKeys.Project(seed, 58),
                3 => FakeKeys.ServiceAccount(seed),
                4 => FakeKeys.Admin(seed),
                5 => FakeKeys.LegacyUser(seed),
                6 => FakeKeys.LegacyUserLong(seed),
                _ => FakeKeys.NoneLong(seed),
            };
        }
    }
}
