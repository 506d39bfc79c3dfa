using System;
using System.Text.RegularExpressions;

namespace KeyLint.Benchmarks.Scanners
{
    /// <summary>
    /// The regular-expression baselines KeyScanner is compared with.
    /// </summary>
    /// <remarks>
    /// Both patterns are approximations written for this benchmark, in the style of two well-known
    /// secret scanners; they are not copied from either project and are not their exact current
    /// rules. Both run on .NET's backtracking engine with <see cref="RegexOptions.Compiled"/> (the
    /// originals run on Go's linear-time RE2 engine), through the allocation-free
    /// <c>EnumerateMatches</c> API.
    /// </remarks>
    public static class RegexBaselines
    {
        /// <summary>gitleaks-style: pinned segment lengths, bounded quantifiers.</summary>
        public const string GitleaksStyle =
            @"\b(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{58,74}T3BlbkFJ[A-Za-z0-9_-]{58,74}|sk-[a-zA-Z0-9]{20}T3BlbkFJ[a-zA-Z0-9]{20})\b";

        /// <summary>trufflehog-style: unbounded key-character loops around the marker.</summary>
        public const string TrufflehogStyle = @"\b(sk-[a-zA-Z0-9_-]*T3BlbkFJ[a-zA-Z0-9_-]*)\b";

        public static Regex Create(string pattern) => new Regex(pattern, RegexOptions.Compiled);

        public static Regex Create(string pattern, TimeSpan timeout) => new Regex(pattern, RegexOptions.Compiled, timeout);

        /// <summary>Counts the matches and sums their lengths, so the work cannot be optimised away.</summary>
        public static int Consume(Regex regex, ReadOnlySpan<char> text)
        {
            int consumed = 0;
            foreach (ValueMatch match in regex.EnumerateMatches(text))
            {
                consumed += 1 + match.Length;
            }

            return consumed;
        }
    }
}
