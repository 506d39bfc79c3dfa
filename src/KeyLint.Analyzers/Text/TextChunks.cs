using System;
using System.Buffers;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// A <see cref="SourceText"/> read in pooled chunks, for the text-first searches of every
    /// analyzer: the file is copied once, into one rented buffer, whatever it holds, and no copy of
    /// the whole file is made (a 2 MB file is not a 4 MB string).
    /// </summary>
    /// <remarks>
    /// Consecutive chunks overlap by <c>overlap</c> characters, so that whatever a search looks for
    /// (up to <c>overlap + 1</c> characters) is never split: a match belongs to the chunk it starts
    /// in before the overlap (<see cref="Owned"/>), and is found once.
    /// </remarks>
    internal struct TextChunks : IDisposable
    {
        public const int ChunkLength = 16 * 1024;

        private readonly SourceText _text;
        private readonly int _overlap;
        private char[]? _buffer;

        public TextChunks(SourceText text, int overlap)
        {
            _text = text;
            _overlap = overlap;
            _buffer = null;
            Start = 0;
            Length = 0;
        }

        /// <summary>Where the loaded chunk starts in the text.</summary>
        public int Start { get; private set; }

        /// <summary>The loaded chunk's length.</summary>
        public int Length { get; private set; }

        /// <summary>The loaded chunk.</summary>
        public ReadOnlySpan<char> Span => _buffer.AsSpan(0, Length);

        /// <summary>True when the loaded chunk ends where the text ends.</summary>
        public bool IsLast => Start + Length >= _text.Length;

        /// <summary>How many of the chunk's first characters belong to it: matches starting later are the next chunk's.</summary>
        public int Owned => IsLast ? Length : Length - _overlap;

        /// <summary>Loads the first chunk, then each next one; false past the end (and for an empty text).</summary>
        public bool MoveNext(CancellationToken cancellationToken)
        {
            if (_buffer is null)
            {
                if (_text.Length == 0)
                {
                    return false;
                }

                _buffer = ArrayPool<char>.Shared.Rent(ChunkLength);
                Load(0);
                return true;
            }

            if (IsLast)
            {
                return false;
            }

            cancellationToken.ThrowIfCancellationRequested();
            Load(Start + Owned);
            return true;
        }

        public void Dispose()
        {
            if (_buffer is not null)
            {
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = null;
            }
        }

        private void Load(int start)
        {
            Start = start;
            Length = Math.Min(ChunkLength, _text.Length - start);
            _text.CopyTo(start, _buffer!, 0, Length);
        }
    }
}
