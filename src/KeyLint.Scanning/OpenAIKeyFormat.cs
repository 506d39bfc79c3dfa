using System;

namespace KeyLint.Scanning
{
    /// <summary>
    /// The one place where the shape of an OpenAI secret key is written down.
    /// </summary>
    /// <remarks>
    /// Every OpenAI secret key has the form <c>sk-</c> + an optional <c>&lt;word&gt;-</c> + a random
    /// segment + <c>T3BlbkFJ</c> (base64 of "OpenAI") + a random segment of similar length, written
    /// with <c>[A-Za-z0-9_-]</c>, and not glued to further such characters on either side.
    /// Segment lengths are deliberately not pinned to the lengths seen so far (20, ~42, 58, 74):
    /// OpenAI has changed them several times, and scanners that pinned them missed real keys.
    /// </remarks>
    public static class OpenAIKeyFormat
    {
        /// <summary>Base64 of "OpenAI": every OpenAI secret key carries it between its two random segments.</summary>
        public const string Marker = "T3BlbkFJ";

        public const string KeyStart = "sk-";

        /// <summary>The shortest random segment accepted. The shortest real one has 20 characters.</summary>
        public const int MinSegmentLength = 16;

        /// <summary>The longest random segment accepted (the longest real one has 74 characters).</summary>
        public const int MaxSegmentLength = 256;

        /// <summary>The longest name of an early named service key (<c>sk-&lt;name&gt;-…</c>).</summary>
        public const int MaxServiceNameLength = 40;

        /// <summary>The longest text before the first random segment: <c>sk-</c>, a service name, <c>-</c>.</summary>
        private const int MaxPrefixLength = 3 + MaxServiceNameLength + 1;

        /// <summary>The length of each random segment in the 2023-era short forms.</summary>
        public const int ShortSegmentLength = 20;

        /// <summary>No key is longer than this: a longer run of key characters is not a key.</summary>
        public const int MaxKeyLength = 3 + 8 + MaxSegmentLength + 8 + MaxSegmentLength;

        private const string ProjectWord = "proj-";
        private const string ServiceAccountWord = "svcacct-";
        private const string AdminWord = "admin-";
        private const string NoneWord = "None-";

        /// <summary>True for the characters a key is written with: <c>[A-Za-z0-9_-]</c>.</summary>
        public static bool IsKeyChar(char c)
            => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '-' || c == '_';

        /// <summary>
        /// Decides whether <paramref name="run"/> — a whole maximal run of key characters — is a key.
        /// </summary>
        /// <returns>True with the key's kind and the length of its non-secret prefix.</returns>
        public static bool TryClassify(ReadOnlySpan<char> run, out KeyKind kind, out int prefixLength)
        {
            long steps = 0;
            return TryClassify(run, out kind, out prefixLength, ref steps);
        }

        /// <summary>
        /// <see cref="TryClassify(ReadOnlySpan{char}, out KeyKind, out int)"/>, adding to
        /// <paramref name="steps"/> the characters it reads (the tests' measure of work).
        /// </summary>
        internal static bool TryClassify(ReadOnlySpan<char> run, out KeyKind kind, out int prefixLength, ref long steps)
        {
            kind = default;
            prefixLength = 0;
            if (run.Length > MaxKeyLength || !run.StartsWith(KeyStart.AsSpan(), StringComparison.Ordinal))
            {
                return false;
            }

            // A run holds the marker once in every real key; a run with several markers (possible
            // only by chance or on purpose) is a key if any split of it is.
            ReadOnlySpan<char> marker = Marker.AsSpan();
            int searchFrom = KeyStart.Length;
            int markersSeen = 0;
            while (searchFrom < run.Length)
            {
                int found = run.Slice(searchFrom).IndexOf(marker);
                steps += found < 0 ? run.Length - searchFrom : found + marker.Length;
                if (found < 0)
                {
                    break;
                }

                // At a second marker, rule out with one pass the runs (many markers in a row) where
                // no split can work, instead of checking both segments at every marker. Real keys
                // have one marker and never pay for it.
                if (++markersSeen == 2 && !HasEnoughDistinctCharacters(run, ref steps))
                {
                    break;
                }

                int markerIndex = searchFrom + found;
                if (TryClassifySplit(run, markerIndex, out kind, out prefixLength, ref steps))
                {
                    return true;
                }

                searchFrom = markerIndex + 1;
            }

            // A failed split may have set them: a false answer carries no kind.
            kind = default;
            prefixLength = 0;
            return false;
        }

        /// <summary>
        /// One pass that rules out runs no split of which can hold two random segments: a segment of
        /// n characters needs min(10, n/2) distinct ones (<see cref="LooksRandom"/>), so with fewer
        /// than 10 distinct characters after <c>sk-</c>, each segment is at most 2 × that + 1 long,
        /// and a longer run (such as many markers in a row) is no key. Without it such a run would
        /// cost a check of both segments at every marker.
        /// </summary>
        private static bool HasEnoughDistinctCharacters(ReadOnlySpan<char> run, ref long steps)
        {
            ReadOnlySpan<char> afterStart = run.Slice(KeyStart.Length);
            steps += afterStart.Length;
            int distinct = DistinctCount(afterStart);
            if (distinct >= 10)
            {
                return true;
            }

            int longestSegment = (2 * distinct) + 1;
            return run.Length <= MaxPrefixLength + longestSegment + Marker.Length + longestSegment;
        }

        /// <summary>The number of distinct characters; int.MaxValue for text that is not all ASCII (never a key run).</summary>
        private static int DistinctCount(ReadOnlySpan<char> text)
        {
            var set = new AsciiSet();
            foreach (char c in text)
            {
                if (!set.Add(c))
                {
                    return int.MaxValue;
                }
            }

            return set.Count;
        }

        /// <summary>A set of ASCII characters in two machine words: key characters are ASCII.</summary>
        private struct AsciiSet
        {
            private ulong _low;
            private ulong _high;

            public int Count => PopCount(_low) + PopCount(_high);

            /// <returns>False for a character outside ASCII, which the set does not hold.</returns>
            public bool Add(char c)
            {
                if (c < 64)
                {
                    _low |= 1UL << c;
                }
                else if (c < 128)
                {
                    _high |= 1UL << (c - 64);
                }
                else
                {
                    return false;
                }

                return true;
            }
        }

        private static bool TryClassifySplit(ReadOnlySpan<char> run, int markerIndex, out KeyKind kind, out int prefixLength, ref long steps)
        {
            ReadOnlySpan<char> body = run.Slice(KeyStart.Length, markerIndex - KeyStart.Length);
            ReadOnlySpan<char> tail = run.Slice(markerIndex + Marker.Length);

            if (StartsWithWord(body, ProjectWord))
            {
                kind = KeyKind.Project;
                prefixLength = KeyStart.Length + ProjectWord.Length;
            }
            else if (StartsWithWord(body, ServiceAccountWord))
            {
                kind = KeyKind.ServiceAccount;
                prefixLength = KeyStart.Length + ServiceAccountWord.Length;
            }
            else if (StartsWithWord(body, AdminWord))
            {
                kind = KeyKind.Admin;
                prefixLength = KeyStart.Length + AdminWord.Length;
            }
            else if (StartsWithWord(body, NoneWord))
            {
                kind = KeyKind.LegacyNone;
                prefixLength = KeyStart.Length + NoneWord.Length;
            }
            else if (IsNamedServiceBody(body, tail, ref steps))
            {
                kind = KeyKind.NamedService;
                prefixLength = KeyStart.Length + body.Length - ShortSegmentLength;
            }
            else
            {
                kind = KeyKind.LegacyUser;
                prefixLength = KeyStart.Length;
            }

            if (IsRandomPair(run.Slice(prefixLength, markerIndex - prefixLength), tail, ref steps))
            {
                return true;
            }

            // A named service key may be named after a prefix word: "sk-admin-dashboard-<20>T3BlbkFJ<20>".
            if (kind != KeyKind.NamedService && kind != KeyKind.LegacyUser && IsNamedServiceBody(body, tail, ref steps))
            {
                kind = KeyKind.NamedService;
                prefixLength = KeyStart.Length + body.Length - ShortSegmentLength;
                return IsRandomPair(run.Slice(prefixLength, markerIndex - prefixLength), tail, ref steps);
            }

            return false;
        }

        private static bool IsRandomPair(ReadOnlySpan<char> head, ReadOnlySpan<char> tail, ref long steps)
        {
            if (!HaveSimilarLengths(head.Length, tail.Length))
            {
                return false;
            }

            steps += head.Length + tail.Length;
            return LooksRandom(head) && LooksRandom(tail);
        }

        private static bool StartsWithWord(ReadOnlySpan<char> body, string word)
            => body.StartsWith(word.AsSpan(), StringComparison.Ordinal);

        /// <summary><c>&lt;name&gt;-&lt;20 alphanumerics&gt;</c> before the marker and 20 after it.</summary>
        private static bool IsNamedServiceBody(ReadOnlySpan<char> body, ReadOnlySpan<char> tail, ref long steps)
        {
            int nameLength = body.Length - ShortSegmentLength - 1;
            if (tail.Length != ShortSegmentLength || nameLength < 1 || nameLength > MaxServiceNameLength || body[nameLength] != '-')
            {
                return false;
            }

            steps += body.Length + tail.Length;
            for (int i = 0; i < nameLength; i++)
            {
                char c = body[i];
                if (!((uint)(c - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '-'))
                {
                    return false;
                }
            }

            return IsAlphanumeric(body.Slice(nameLength + 1)) && IsAlphanumeric(tail);
        }

        private static bool IsAlphanumeric(ReadOnlySpan<char> text)
        {
            foreach (char c in text)
            {
                if (c == '-' || c == '_')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The two random segments of every known format have equal lengths; a small difference is
        /// tolerated so a future format is still found, a large one means two unrelated tokens.
        /// </summary>
        public static bool HaveSimilarLengths(int head, int tail)
        {
            if (head < MinSegmentLength || tail < MinSegmentLength || head > MaxSegmentLength || tail > MaxSegmentLength)
            {
                return false;
            }

            int shorter = Math.Min(head, tail);
            int difference = Math.Abs(head - tail);
            return difference <= Math.Max(2, shorter / 8);
        }

        /// <summary>
        /// Rejects placeholders that happen to have a key's shape: <c>xxxx…</c>, <c>REPLACEME…</c>,
        /// <c>abcdefgh…</c>. A random segment of 16+ characters mixes letter cases or letters and
        /// digits, uses many distinct characters, and is not an ascending or descending sequence;
        /// the chance that a real one fails any of these is below one in ten million.
        /// </summary>
        public static bool LooksRandom(ReadOnlySpan<char> segment)
        {
            bool hasUpper = false, hasLower = false, hasDigit = false;
            int steps = 0;

            var distinct = new AsciiSet();
            for (int i = 0; i < segment.Length; i++)
            {
                char c = segment[i];
                if (c >= 'A' && c <= 'Z')
                {
                    hasUpper = true;
                }
                else if (c >= 'a' && c <= 'z')
                {
                    hasLower = true;
                }
                else if (c >= '0' && c <= '9')
                {
                    hasDigit = true;
                }

                _ = distinct.Add(c);
                if (i > 0 && Math.Abs(c - segment[i - 1]) == 1)
                {
                    steps++;
                }
            }

            int classes = (hasUpper ? 1 : 0) + (hasLower ? 1 : 0) + (hasDigit ? 1 : 0);
            return classes >= 2
                && distinct.Count >= Math.Min(10, segment.Length / 2)
                && steps * 2 < segment.Length;
        }

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
