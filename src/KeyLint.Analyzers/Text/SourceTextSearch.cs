using System;
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
        private readonly ImmutableArray<string> _values;
        private readonly StringComparison _comparison;
        private TextChunks _chunks;
        private bool _loaded;
        private int _valueIndex;
        private int _searchFrom;

        public SourceTextSearch(SourceText text, ImmutableArray<string> values, StringComparison comparison)
        {
            _values = values;
            _comparison = comparison;
            int longest = 1;
            foreach (string value in values)
            {
                longest = Math.Max(longest, value.Length);
            }

            // Chunks overlap by one character less than the longest text, so an occurrence is never split.
            _chunks = new TextChunks(text, longest - 1);
            _loaded = false;
            _valueIndex = 0;
            _searchFrom = 0;
            Position = -1;
        }

        /// <summary>Where the current occurrence starts in the text.</summary>
        public int Position { get; private set; }

        /// <summary>The text found at <see cref="Position"/> (one of the values searched for).</summary>
        public string Value => _values[_valueIndex];

        /// <summary>Where <see cref="Chunk"/> starts in the text.</summary>
        public int ChunkStart => _chunks.Start;

        /// <summary>The part of the text loaded now; it holds the current occurrence.</summary>
        public ReadOnlySpan<char> Chunk => _chunks.Span;

        /// <summary>True when <see cref="Chunk"/> ends where the text ends.</summary>
        public bool IsLastChunk => _chunks.IsLast;

        public bool MoveNext(CancellationToken cancellationToken)
        {
            if (_values.IsDefaultOrEmpty)
            {
                return false;
            }

            if (!_loaded)
            {
                if (!_chunks.MoveNext(cancellationToken))
                {
                    return false;
                }

                _loaded = true;
            }

            while (true)
            {
                ReadOnlySpan<char> chunk = _chunks.Span;
                int owned = _chunks.Owned;
                while (_valueIndex < _values.Length)
                {
                    int found = _searchFrom < chunk.Length
                        ? chunk.Slice(_searchFrom).IndexOf(_values[_valueIndex].AsSpan(), _comparison)
                        : -1;
                    if (found >= 0 && _searchFrom + found < owned)
                    {
                        Position = _chunks.Start + _searchFrom + found;
                        _searchFrom += found + 1;
                        return true;
                    }

                    _valueIndex++;
                    _searchFrom = 0;
                }

                if (!_chunks.MoveNext(cancellationToken))
                {
                    return false;
                }

                _valueIndex = 0;
                _searchFrom = 0;
            }
        }

        public void Dispose() => _chunks.Dispose();
    }
}
