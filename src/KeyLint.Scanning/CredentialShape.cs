using System;

namespace KeyLint.Scanning
{
    /// <summary>
    /// Tells a constant credential that looks like a real secret from a placeholder. KL0007 asks it
    /// in test code, where constants such as <c>"api-key"</c>, <c>"NOKEY"</c> or <c>"fake_key"</c>
    /// are passed to clients all day and only a random-looking value can be a leak.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A value looks like a secret when, with the white space around it trimmed, all of these hold:
    /// </para>
    /// <list type="number">
    /// <item>it has at least <see cref="MinLength"/> characters, every one visible ASCII (no space,
    /// control or non-ASCII character inside: no key format has one);</item>
    /// <item>it uses at least <see cref="MinDistinctCharacters"/> distinct characters;</item>
    /// <item>fewer than two thirds of its neighbouring characters are equal or one apart, ignoring
    /// case (<c>aaaa</c>, <c>1234</c>, <c>aAbBcC</c>), and likewise for characters two apart
    /// (<c>a1b2c3</c>);</item>
    /// <item>it has no placeholder word (<see cref="PlaceholderWords"/>): a word that is one, or at
    /// the start of the value or after punctuation starts with one (<c>fakekey</c>, <c>yourKey</c>);</item>
    /// <item>less than three quarters of its letters and digits are in words or runs.</item>
    /// </list>
    /// <para>
    /// A word is a run of ASCII letters, split where a lowercase letter is followed by an uppercase
    /// one (<c>customIssuedToken</c> is three words), and not glued to a digit. It "reads as a word"
    /// when it has at least three letters, is lowercase, uppercase or capitalised, has a vowel
    /// (a, e, i, o, u) and no more than three consonants in a row. A run is a word or a run of
    /// digits, of at least three characters, whose neighbours are all equal or one apart
    /// (<c>12345</c>, <c>xxxx</c>, <c>abcdef</c>). Random text breaks into short pieces that are
    /// neither: its case and digits change every few characters.
    /// </para>
    /// <para>
    /// The thresholds come from measurement (docs/rules/KL0007.md, "In test code"): every constant
    /// collected from public test code is quiet except six real-looking tokens, and every generated
    /// random secret (hex, base62, base64, JWT, GUID, OpenAI and Azure key formats) is loud.
    /// </para>
    /// <para>
    /// Work: one pass over the characters, then one over the pieces, where each piece is read at most
    /// three more times (its end, run and word checks) and a word of four letters or more is compared
    /// with the placeholder words that start with its letter (at most two share one, eleven letters
    /// long at most). That is fewer than 13 reads per character whatever the input, with no
    /// allocation and no regular expression.
    /// </para>
    /// </remarks>
    public static class CredentialShape
    {
        /// <summary>The shortest value that can look like a secret. The shortest key in scope, an Azure key, has 32 characters.</summary>
        public const int MinLength = 20;

        /// <summary>Fewer distinct characters than this is a repetition (32 random hex digits use fewer only once in 28 million).</summary>
        public const int MinDistinctCharacters = 8;

        /// <summary>Words that mark a value as not real, compared without regard to case.</summary>
        internal static readonly string[] PlaceholderWords =
        {
            "fake", "test", "dummy", "mock", "sample", "example", "placeholder", "invalid", "your",
            "changeme", "replace", "insert", "redacted", "bogus",
        };

        private const int ShortestPlaceholderWord = 4;

        /// <summary>True when <paramref name="value"/> looks like a real secret rather than a placeholder.</summary>
        public static bool LooksLikeSecret(ReadOnlySpan<char> value)
        {
            long reads = 0;
            return LooksLikeSecret(value, ref reads);
        }

        /// <summary>
        /// <see cref="LooksLikeSecret(ReadOnlySpan{char})"/>, adding to <paramref name="reads"/> the
        /// characters it reads (the tests' measure of work).
        /// </summary>
        internal static bool LooksLikeSecret(ReadOnlySpan<char> value, ref long reads)
        {
            ReadOnlySpan<char> text = value.Trim();
            reads += value.Length - text.Length + (text.Length == 0 ? 0 : 2);
            return text.Length >= MinLength
                && HasVariedVisibleCharacters(text, ref reads)
                && !IsMostlyWordsOrHasPlaceholderWord(text, ref reads);
        }

        /// <summary>
        /// One pass: visible ASCII only, enough distinct characters, and not mostly equal or
        /// consecutive characters one or two apart.
        /// </summary>
        private static bool HasVariedVisibleCharacters(ReadOnlySpan<char> text, ref long reads)
        {
            reads += text.Length;
            ulong low = 0, high = 0;
            int closeNeighbours = 0, closeSecondNeighbours = 0;
            int previous = -4, beforePrevious = -4;
            foreach (char c in text)
            {
                if (c < '!' || c > '~')
                {
                    return false;
                }

                if (c < 64)
                {
                    low |= 1UL << c;
                }
                else
                {
                    high |= 1UL << (c - 64);
                }

                int folded = Fold(c);
                if (Math.Abs(folded - previous) <= 1)
                {
                    closeNeighbours++;
                }

                if (Math.Abs(folded - beforePrevious) <= 1)
                {
                    closeSecondNeighbours++;
                }

                beforePrevious = previous;
                previous = folded;
            }

            // Two thirds of the pairs one or two characters apart: a run ("abcdef", "aAbBcC") or two
            // interleaved runs ("a1b2c3d4"). Random text comes near only once in billions (hex: a
            // pair is close with a chance of 0.17).
            return PopCount(low) + PopCount(high) >= MinDistinctCharacters
                && 3 * closeNeighbours < 2 * (text.Length - 1)
                && 3 * closeSecondNeighbours < 2 * (text.Length - 2);
        }

        /// <summary>
        /// One pass over the pieces (words and digit runs): counts the letters and digits in pieces
        /// that read as words or runs, and looks for a placeholder word.
        /// </summary>
        private static bool IsMostlyWordsOrHasPlaceholderWord(ReadOnlySpan<char> text, ref long reads)
        {
            int letterOrDigitCount = 0;
            int explained = 0;
            int start = 0;
            while (start < text.Length)
            {
                reads++;
                if (!IsLetterOrDigit(text[start]))
                {
                    start++;
                    continue;
                }

                int end = PieceEnd(text, start, ref reads);
                ReadOnlySpan<char> piece = text.Slice(start, end - start);
                letterOrDigitCount += piece.Length;
                bool gluedToDigit = IsLetter(piece[0])
                    && ((start > 0 && IsDigit(text[start - 1])) || (end < text.Length && IsDigit(text[end])));
                if (IsLetter(piece[0]) && !gluedToDigit)
                {
                    bool wordStart = start == 0 || !IsLetterOrDigit(text[start - 1]);
                    if (IsPlaceholderWord(piece, wordStart, ref reads))
                    {
                        return true;
                    }
                }

                if (IsRun(piece, ref reads) || (!gluedToDigit && ReadsAsWord(piece, ref reads)))
                {
                    explained += piece.Length;
                }

                start = end;
            }

            // Only punctuation: no secret is written without letters or digits.
            return letterOrDigitCount == 0 || 4 * explained >= 3 * letterOrDigitCount;
        }

        /// <summary>The end of the piece at <paramref name="start"/>: a run of digits, or a word that ends before a non-letter or a lowercase-to-uppercase step.</summary>
        private static int PieceEnd(ReadOnlySpan<char> text, int start, ref long reads)
        {
            int end = start + 1;
            if (IsDigit(text[start]))
            {
                while (end < text.Length && IsDigit(text[end]))
                {
                    end++;
                }
            }
            else
            {
                while (end < text.Length && IsLetter(text[end]) && !(IsLower(text[end - 1]) && IsUpper(text[end])))
                {
                    end++;
                }
            }

            reads += end - start;
            return end;
        }

        private static bool IsPlaceholderWord(ReadOnlySpan<char> word, bool wordStart, ref long reads)
        {
            if (word.Length < ShortestPlaceholderWord)
            {
                return false;
            }

            foreach (string placeholder in PlaceholderWords)
            {
                reads++;
                if (Fold(word[0]) != placeholder[0]
                    || word.Length < placeholder.Length
                    || (word.Length > placeholder.Length && !wordStart))
                {
                    continue;
                }

                reads += placeholder.Length;
                if (word.StartsWith(placeholder.AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>At least three characters, each equal or one apart from the one before, ignoring case: <c>12345</c>, <c>xxxx</c>, <c>abcdef</c>.</summary>
        private static bool IsRun(ReadOnlySpan<char> piece, ref long reads)
        {
            if (piece.Length < 3)
            {
                return false;
            }

            reads += piece.Length;
            for (int i = 1; i < piece.Length; i++)
            {
                if (Math.Abs(Fold(piece[i]) - Fold(piece[i - 1])) > 1)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Three letters or more, lowercase, uppercase or capitalised, with a vowel and no more than
        /// three consonants in a row: the shape of an English word (<c>token</c>, <c>YOUR</c>, <c>Issued</c>).
        /// </summary>
        private static bool ReadsAsWord(ReadOnlySpan<char> piece, ref long reads)
        {
            if (piece.Length < 3 || !IsLetter(piece[0]))
            {
                return false;
            }

            reads += piece.Length;
            int leadingUpper = 0;
            while (leadingUpper < piece.Length && IsUpper(piece[leadingUpper]))
            {
                leadingUpper++;
            }

            // A word has no lowercase-to-uppercase step (PieceEnd splits there), so its letters are
            // uppercase then lowercase: "ABCdef" is not a word's shape, "Abc", "ABC" and "abc" are.
            if (leadingUpper > 1 && leadingUpper < piece.Length)
            {
                return false;
            }

            bool hasVowel = false;
            int consonants = 0;
            foreach (char c in piece)
            {
                if (IsVowel(c))
                {
                    hasVowel = true;
                    consonants = 0;
                }
                else if (++consonants > 3)
                {
                    return false;
                }
            }

            return hasVowel;
        }

        private static bool IsVowel(char c)
        {
            char lower = (char)(c | 0x20);
            return lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 'u';
        }

        private static bool IsUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

        private static bool IsLower(char c) => (uint)(c - 'a') <= 'z' - 'a';

        private static bool IsLetter(char c) => IsUpper(c) || IsLower(c);

        private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

        private static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

        /// <summary>A letter's lowercase code, any other character's own: neighbours compare without regard to case.</summary>
        private static int Fold(char c) => IsUpper(c) ? c | 0x20 : c;

        private static int PopCount(ulong value)
        {
            int count = 0;
            while (value != 0)
            {
                value &= value - 1;
                count++;
            }

            return count;
        }
    }
}
