using System;
using System.Buffers;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// Every occurrence of a few short texts in a <see cref="SourceText"/>, found with vectorised
    /// searches over pooled chunks: the file is copied once, whatever the number of occurrences, and
    /// no copy of the whole file is made.
    /// </summary>
    /// <remarks>
    /// Occurrences come chunk by chunk; within a chunk, those of the first text, then of the second,
    /// and so on. Callers that need them in text order must sort them.
    /// </remarks>
    internal struct SourceTextSearch : IDisposable
    {
        private const int ChunkLength = 16 * 1024;

        private readonly SourceText _text;
        private readonly ImmutableArray<string> _values;
        private readonly StringComparison _comparison;

        // Consecutive chunks overlap by one character less than the longest text, so an occurrence
        // is never split; it belongs to the chunk it starts in before the overlap.
        private readonly int _overlap;
        private char[]? _buffer;
        private int _chunkLength;
        private int _valueIndex;
        private int _searchFrom;

        public SourceTextSearch(SourceText text, ImmutableArray<string> values, StringComparison comparison)
        {
            _text = text;
            _values = values;
            _comparison = comparison;
            int longest = 1;
            foreach (string value in values)
            {
                longest = Math.Max(longest, value.Length);
            }

            _overlap = longest - 1;
            _buffer = null;
            _chunkLength = 0;
            _valueIndex = 0;
            _searchFrom = 0;
            ChunkStart = 0;
            Position = -1;
        }

        /// <summary>Where the current occurrence starts in the text.</summary>
        public int Position { get; private set; }

        /// <summary>The text found at <see cref="Position"/> (one of the values searched for).</summary>
        public string Value => _values[_valueIndex];

        /// <summary>Where <see cref="Chunk"/> starts in the text.</summary>
        public int ChunkStart { get; private set; }

        /// <summary>The part of the text loaded now; it holds the current occurrence.</summary>
        public ReadOnlySpan<char> Chunk => _buffer.AsSpan(0, _chunkLength);

        /// <summary>True when <see cref="Chunk"/> ends where the text ends.</summary>
        public bool IsLastChunk => ChunkStart + _chunkLength >= _text.Length;

        public bool MoveNext(CancellationToken cancellationToken)
        {
            if (_values.IsDefaultOrEmpty)
            {
                return false;
            }

            if (_buffer is null)
            {
                if (_text.Length == 0)
                {
                    return false;
                }

                _buffer = ArrayPool<char>.Shared.Rent(ChunkLength);
                Load(0);
            }

            while (true)
            {
                int owned = IsLastChunk ? _chunkLength : _chunkLength - _overlap;
                while (_valueIndex < _values.Length)
                {
                    int found = _searchFrom < _chunkLength
                        ? _buffer.AsSpan(_searchFrom, _chunkLength - _searchFrom).IndexOf(_values[_valueIndex].AsSpan(), _comparison)
                        : -1;
                    if (found >= 0 && _searchFrom + found < owned)
                    {
                        Position = ChunkStart + _searchFrom + found;
                        _searchFrom += found + 1;
                        return true;
                    }

                    _valueIndex++;
                    _searchFrom = 0;
                }

                if (IsLastChunk)
                {
                    return false;
                }

                cancellationToken.ThrowIfCancellationRequested();
                Load(ChunkStart + owned);
            }
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
            ChunkStart = start;
            _chunkLength = Math.Min(ChunkLength, _text.Length - start);
            _text.CopyTo(start, _buffer!, 0, _chunkLength);
            _valueIndex = 0;
            _searchFrom = 0;
        }
    }
}
