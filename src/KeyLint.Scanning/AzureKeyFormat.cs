using System;

namespace KeyLint.Scanning
{
    /// <summary>
    /// The one place where the shape of an identifiable Azure AI services key is written down: the
    /// 84-character keys Azure OpenAI, AI Services and the other Cognitive Services issue since 2024.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The layout (Microsoft's "legacy common annotated security key", as published in
    /// microsoft/security-utilities), by character offset:
    /// </para>
    /// <code>
    /// 0–51   52 random base62 characters
    /// 52–56  JQQJ9   the fixed signature of identifiable keys
    /// 57     9       a standard key (D derived and H hashed keys are not access keys)
    /// 58     year    A = 2024, B = 2025, …
    /// 59     month   A–L
    /// 60–71  12 characters reserved for the platform
    /// 72–75  AAA + the service (B = Azure OpenAI, A = AI Services, E = Cognitive Services, …)
    /// 76–79  ACOG    the Cognitive Services provider signature
    /// 80–83  the checksum
    /// </code>
    /// <para>
    /// The characters are base64 digits of 63 bytes. The checksum is Marvin32 (seed "Default0") of the
    /// first 60 bytes, written as the first four base62 digits of its four bytes (or, in early keys,
    /// their first four base64 digits). It is verified: text that merely has the layout — a 1 in
    /// 14 million chance for a random checksum — is not a key. The scan is marker-first: only where
    /// <c>JQQJ9</c> occurs are the characters around it read, never more than a key's length.
    /// </para>
    /// <para>
    /// Microsoft's generator can also write a long form: the key, the fifth and sixth checksum
    /// digits, and <c>==</c> (88 characters, 64 bytes in base64). It is found as one key of 88
    /// characters when its first 84 are a key; Microsoft's own pattern accepts 84 to 88 characters.
    /// </para>
    /// </remarks>
    public static class AzureKeyFormat
    {
        /// <summary>The fixed signature every identifiable key carries at offset 52: the scan's marker.</summary>
        public const string Signature = "JQQJ9";

        public const int KeyLength = 84;

        /// <summary>The long form's length: the key, two more checksum digits and "==".</summary>
        public const int LongFormLength = 88;

        public const int SignatureOffset = 52;

        /// <summary>Where the service character is: the fourth character of the provider's reserved field.</summary>
        public const int ServiceOffset = 75;

        private const int KindOffset = 57;
        private const char StandardKind = '9';
        private const int MonthOffset = 59;
        private const int ProviderReservedOffset = 72;
        private const string ProviderReserved = "AAA";
        private const int ProviderSignatureOffset = 76;
        private const string ProviderSignature = "ACOG";
        private const int ChecksumOffset = 80;
        private const int ChecksumLength = 4;

        /// <summary>The bytes the checksum covers: the first 80 characters, 6 bits each.</summary>
        private const int ChecksummedBytes = ChecksumOffset / 4 * 3;

        /// <summary>
        /// The Marvin32 seed of Microsoft's identifiable keys (version two): the ASCII bytes of
        /// "Default0" (44 65 66 61 75 6C 74 30) read as one big-endian number.
        /// </summary>
        private const ulong ChecksumSeed = 0x44656661756C7430;

        private const string Base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        private const string Base64Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        /// <summary>The services by their character, in Microsoft's order (base64 digit value).</summary>
        private static readonly string[] ServiceNames =
        {
            "Azure AI Services",
            "Azure OpenAI",
            "Azure Anomaly Detector (EE)",
            "Azure Anomaly Detector",
            "Azure Cognitive Services",
            "Azure Computer Vision",
            "Azure Content Moderator",
            "Azure Content Safety",
            "Azure Custom Vision Prediction",
            "Azure Custom Vision Training",
            "Azure Face",
            "Azure Form Recognizer",
            "Azure Health Decision Support",
            "Azure Health Insights",
            "Azure Immersive Reader",
            "Azure AI (internal all-in-one)",
            "Azure Knowledge",
            "Azure LUIS Authoring",
            "Azure LUIS",
            "Azure Metrics Advisor",
            "Azure Personalizer",
            "Azure QnA Maker",
            "Azure QnA Maker v2",
            "Azure Speaker Recognition",
            "Azure Speech",
            "Azure Speech Translation",
            "Azure Text Analytics",
            "Azure Translator",
            "Azure AI (test service)",
            "Azure Transcription Intelligence",
            "Azure Video Intelligence",
            "Bing Autosuggest",
            "Bing Autosuggest v7",
            "Bing Custom Search",
            "Bing Custom Visual Search",
            "Bing Entity Search",
            "Bing Search",
            "Bing Search v7",
            "Bing Speech",
            "Bing Spell Check",
            "Bing Spell Check v7",
        };

        /// <summary>True for the characters a key is written with: <c>[A-Za-z0-9]</c>.</summary>
        public static bool IsKeyChar(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

        /// <summary>
        /// The key whose signature starts at <paramref name="signatureIndex"/> of <paramref name="text"/>:
        /// 84 characters (or the 88 of the long form) not glued to further key characters on either side.
        /// </summary>
        /// <param name="steps">Adds the characters read (the tests' measure of work).</param>
        internal static bool TryMatchAt(ReadOnlySpan<char> text, int signatureIndex, out int start, out int length, ref long steps)
        {
            start = signatureIndex - SignatureOffset;
            length = KeyLength;
            if (start < 0 || start + KeyLength > text.Length)
            {
                return false;
            }

            steps += 2;
            if (HasLongFormTail(text.Slice(start + KeyLength)))
            {
                steps += 4;
                length = LongFormLength;
            }

            bool gluedBefore = start > 0 && IsKeyChar(text[start - 1]);
            bool gluedAfter = start + length < text.Length && IsKeyChar(text[start + length]);
            return !gluedBefore && !gluedAfter && IsKey(text.Slice(start, KeyLength), ref steps);
        }

        /// <summary>True when <paramref name="key"/> is exactly one identifiable Azure AI services key, in its short or long form.</summary>
        public static bool IsKey(ReadOnlySpan<char> key)
        {
            long steps = 0;
            return key.Length == LongFormLength
                ? HasLongFormTail(key.Slice(KeyLength)) && IsKey(key.Slice(0, KeyLength), ref steps)
                : IsKey(key, ref steps);
        }

        /// <summary>Two more checksum digits and "==": what follows the 84 characters of a long-form key.</summary>
        private static bool HasLongFormTail(ReadOnlySpan<char> rest)
            => rest.Length >= 4 && IsKeyChar(rest[0]) && IsKeyChar(rest[1]) && rest[2] == '=' && rest[3] == '=';

        private static bool IsKey(ReadOnlySpan<char> key, ref long steps)
        {
            if (key.Length != KeyLength)
            {
                return false;
            }

            // The fixed fields first: a few reads rule out almost every accidental signature.
            steps += Signature.Length + 2 + ProviderReserved.Length + ProviderSignature.Length;
            if (!key.Slice(SignatureOffset, Signature.Length).SequenceEqual(Signature.AsSpan())
                || key[KindOffset] != StandardKind
                || (uint)(key[MonthOffset] - 'A') > 'L' - 'A'
                || !key.Slice(ProviderReservedOffset, ProviderReserved.Length).SequenceEqual(ProviderReserved.AsSpan())
                || !key.Slice(ProviderSignatureOffset, ProviderSignature.Length).SequenceEqual(ProviderSignature.AsSpan()))
            {
                return false;
            }

            // One pass over the characters: each must be a key character, and the first 80 are
            // decoded (6 bits each) into the bytes the checksum covers as they are read.
            Span<byte> bytes = stackalloc byte[ChecksummedBytes];
            int value = 0;
            ReadOnlySpan<sbyte> digitValues = Base64DigitValues;
            for (int i = 0; i < KeyLength; i++)
            {
                char c = key[i];
                int digit = c < 128 ? digitValues[c] : -1;
                if (digit < 0)
                {
                    steps += i + 1;
                    return false;
                }

                if (i < ChecksumOffset)
                {
                    value = (value << 6) | digit;
                    if ((i & 3) == 3)
                    {
                        int group = i >> 2;
                        bytes[group * 3] = (byte)(value >> 16);
                        bytes[(group * 3) + 1] = (byte)(value >> 8);
                        bytes[(group * 3) + 2] = (byte)value;
                        value = 0;
                    }
                }
            }

            steps += KeyLength;
            return HasValidChecksum(bytes, key.Slice(ChecksumOffset, ChecksumLength));
        }

        /// <summary>The service a key was issued for ("Azure OpenAI", "Azure AI Services", …).</summary>
        public static string ServiceName(ReadOnlySpan<char> key)
        {
            int service = key.Length == KeyLength || key.Length == LongFormLength ? Base64Value(key[ServiceOffset]) : -1;
            return service >= 0 && service < ServiceNames.Length ? ServiceNames[service] : "Azure AI services";
        }

        /// <summary>True when <paramref name="written"/> is the checksum of <paramref name="bytes"/>, in either of the ways Microsoft writes it.</summary>
        private static bool HasValidChecksum(ReadOnlySpan<byte> bytes, ReadOnlySpan<char> written)
        {
            uint checksum = unchecked((uint)Marvin32.ComputeHash32(bytes, ChecksumSeed));

            Span<char> expected = stackalloc char[ChecksumLength];
            WriteBase62Checksum(checksum, expected);
            if (written.SequenceEqual(expected))
            {
                return true;
            }

            WriteBase64Checksum(checksum, expected);
            return written.SequenceEqual(expected);
        }

        /// <summary>
        /// The first four characters of the checksum as Microsoft's generator writes it: its four
        /// bytes in memory order (little-endian) read as one big-endian number in base62, a '0' for
        /// each leading zero byte, and '0's appended up to six characters.
        /// </summary>
        private static void WriteBase62Checksum(uint checksum, Span<char> destination)
        {
            // The bytes in memory order, read big-endian: the byte order reversed.
            uint number = (checksum << 24) | ((checksum & 0xFF00) << 8) | ((checksum >> 8) & 0xFF00) | (checksum >> 24);

            Span<char> digits = stackalloc char[12];
            int length = 0;
            int leadingZeroBytes = 0;
            while (leadingZeroBytes < 3 && (number >> (24 - (8 * leadingZeroBytes)) & 0xFF) == 0)
            {
                digits[length++] = '0';
                leadingZeroBytes++;
            }

            int firstDigit = length;
            do
            {
                digits[length++] = Base62Digits[(int)(number % 62)];
                number /= 62;
            }
            while (number > 0);

            digits.Slice(firstDigit, length - firstDigit).Reverse();
            while (length < 6)
            {
                digits[length++] = '0';
            }

            digits.Slice(0, destination.Length).CopyTo(destination);
        }

        /// <summary>The first four base64 characters of the checksum's bytes in memory order: the first three bytes.</summary>
        private static void WriteBase64Checksum(uint checksum, Span<char> destination)
        {
            // Bytes 0, 1, 2 in memory order are the low three bytes, lowest first.
            int value = (int)(((checksum & 0xFF) << 16) | (checksum & 0xFF00) | ((checksum >> 16) & 0xFF));
            for (int i = 0; i < 4; i++)
            {
                destination[i] = Base64Digits[(value >> (18 - (6 * i))) & 0x3F];
            }
        }

        private static int Base64Value(char c) => c < 128 ? Base64DigitValues[c] : -1;

        /// <summary>
        /// The base64 value of each ASCII letter and digit, -1 for every other character ('+' and '/'
        /// included: a key is written with letters and digits only). One lookup a character, no
        /// branch on its class: the candidate loop reads 84 of them.
        /// </summary>
        private static ReadOnlySpan<sbyte> Base64DigitValues => new sbyte[]
        {
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
            52, 53, 54, 55, 56, 57, 58, 59, 60, 61, -1, -1, -1, -1, -1, -1,
            -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
            15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, -1, -1, -1, -1, -1,
            -1, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
            41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, -1, -1, -1, -1, -1,
        };
    }
}
