using System;
using System.Buffers;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>Searches a <see cref="SourceText"/> in pooled chunks: no copy of the whole file is made.</summary>
    internal static class SourceTextSearch
    {
        private const int ChunkLength = 16 * 1024;

        /// <summary>The first index of <paramref name="value"/> at or after <paramref name="start"/>, or -1.</summary>
        public static int IndexOf(SourceText text, string value, int start, StringComparison comparison)
        {
            char[] buffer = ArrayPool<char>.Shared.Rent(ChunkLength);
            try
            {
                // Chunks overlap by one character less than the value, so a match is never split.
                int step = ChunkLength - (value.Length - 1);
                for (int chunkStart = start; chunkStart < text.Length; chunkStart += step)
                {
                    int count = Math.Min(ChunkLength, text.Length - chunkStart);
                    text.CopyTo(chunkStart, buffer, 0, count);
                    int found = buffer.AsSpan(0, count).IndexOf(value.AsSpan(), comparison);
                    if (found >= 0)
                    {
                        return chunkStart + found;
                    }

                    if (chunkStart + count >= text.Length)
                    {
                        break;
                    }
                }

                return -1;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }
}
