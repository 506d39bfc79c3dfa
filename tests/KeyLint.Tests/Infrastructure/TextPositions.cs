using System;
using System.Linq;

namespace KeyLint.Tests
{
    /// <summary>Where a planted value is in a file, 1-based as a build prints it: computed from the test's own text, not by the analyzer.</summary>
    internal static class TextPositions
    {
        /// <summary>The line and column of the first <paramref name="value"/> in <paramref name="text"/>.</summary>
        public static (int Line, int Column) Of(string text, string value)
        {
            int index = text.IndexOf(value, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException("the value is not in the text", nameof(value));
            }

            int lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
            return (text.Take(index).Count(c => c == '\n') + 1, index - lineStart + 1);
        }
    }
}
