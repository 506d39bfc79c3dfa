using System;
using System.Buffers;
using System.Threading;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Analyzers
{
    /// <summary>Why a position of a source file deserves a closer look.</summary>
    internal enum KeyCandidateKind
    {
        /// <summary>A marker starts here: <c>T3BlbkFJ</c> (every OpenAI key carries it) or <c>JQQJ9</c> (every identifiable Azure key).</summary>
        Marker,

        /// <summary>A <c>\u</c>, <c>\U</c> or <c>\x</c> escape starts here: a key can be spelled with escapes.</summary>
        Escape,
    }

    internal readonly struct KeyCandidate
    {
        public KeyCandidate(int position, KeyCandidateKind kind)
        {
            Position = position;
            Kind = kind;
        }

        public int Position { get; }

        public KeyCandidateKind Kind { get; }
    }

    /// <summary>
    /// The text-first pass: walks a file's text once, in pooled chunks, and yields the few positions
    /// where a key can be. Everything Roslyn is asked happens only at these positions, so a file
    /// with no key costs one vectorised search and allocates nothing.
    /// </summary>
    internal struct KeyCandidateEnumerator : IDisposable
    {
        private const int ChunkLength = 16 * 1024;

        // Consecutive chunks overlap by one character less than the longer marker, so no marker is
        // split; a marker belongs to the chunk it starts in before the overlap, so it is found once.
        // An escape's backslash and letter are always read together.
        private const int Overlap = 7;

        private readonly SourceText _text;
        private char[]? _buffer;
        private int _chunkStart;
        private int _chunkLength;
        private int _markerFrom;
        private int _escapeFrom;
        private int _nextMarker;
        private int _nextEscape;

        public KeyCandidateEnumerator(SourceText text)
        {
            _text = text;
            _buffer = null;
            _chunkStart = 0;
            _chunkLength = 0;
            _markerFrom = 0;
            _escapeFrom = 0;
            _nextMarker = -1;
            _nextEscape = -1;
            Current = default;
        }

        public KeyCandidate Current { get; private set; }

        private bool IsLastChunk => _chunkStart + _chunkLength >= _text.Length;

        public bool MoveNext(CancellationToken cancellationToken)
        {
            if (_buffer is null)
            {
                if (_text.Length == 0)
                {
                    return false;
                }

                _buffer = ArrayPool<char>.Shared.Rent(ChunkLength);
                LoadChunk(0);
            }

            while (true)
            {
                if (_nextMarker == -1)
                {
                    _nextMarker = FindMarker();
                }

                if (_nextEscape == -1)
                {
                    _nextEscape = FindEscape();
                }

                if (_nextMarker >= 0 && (_nextEscape < 0 || _nextMarker <= _nextEscape))
                {
                    Current = new KeyCandidate(_chunkStart + _nextMarker, KeyCandidateKind.Marker);
                    _markerFrom = _nextMarker + 1;
                    _nextMarker = -1;
                    return true;
                }

                if (_nextEscape >= 0)
                {
                    Current = new KeyCandidate(_chunkStart + _nextEscape, KeyCandidateKind.Escape);
                    _escapeFrom = _nextEscape + 1;
                    _nextEscape = -1;
                    return true;
                }

                if (IsLastChunk)
                {
                    return false;
                }

                cancellationToken.ThrowIfCancellationRequested();
                LoadChunk(_chunkStart + _chunkLength - Overlap);
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

        private void LoadChunk(int start)
        {
            _chunkStart = start;
            _chunkLength = Math.Min(ChunkLength, _text.Length - start);
            _text.CopyTo(start, _buffer!, 0, _chunkLength);
            _markerFrom = 0;
            _escapeFrom = 0;
            _nextMarker = -1;
            _nextEscape = -1;
        }

        /// <summary>Next marker of either format the chunk owns, or -2 when there is none.</summary>
        private int FindMarker()
        {
            // In every chunk but the last, a marker starting in the overlap is left to the next chunk
            // (it is found there whole): the shorter Azure signature fits in the overlap.
            int owned = IsLastChunk ? _chunkLength : _chunkLength - Overlap;
            if (_markerFrom >= owned)
            {
                return -2;
            }

            int found = MarkerSearch.IndexOfAnyMarker(_buffer.AsSpan(_markerFrom, _chunkLength - _markerFrom));
            return found < 0 || _markerFrom + found >= owned ? -2 : _markerFrom + found;
        }

        /// <summary>Next <c>\u</c>, <c>\U</c> or <c>\x</c> in the chunk, or -2 when there is none.</summary>
        private int FindEscape()
        {
            // In every chunk but the last, a backslash in the overlap is left to the next chunk.
            int limit = IsLastChunk ? _chunkLength - 1 : _chunkLength - Overlap;
            while (_escapeFrom < limit)
            {
                int found = _buffer.AsSpan(_escapeFrom, limit - _escapeFrom).IndexOf('\\');
                if (found < 0)
                {
                    break;
                }

                int position = _escapeFrom + found;
                char next = _buffer![position + 1];
                if ((next == 'u' || next == 'U' || next == 'x') && MaySpellMarkerChar(position))
                {
                    return position;
                }

                // Skip the escaped character too, so "\\u" (an escaped backslash) is not an escape.
                _escapeFrom = position + 2;
            }

            _escapeFrom = _chunkLength;
            return -2;
        }

        /// <summary>
        /// False when the escape at <paramref name="position"/> stands for a character no marker
        /// has. A key in a literal either shows its marker as written (and the marker search finds
        /// it) or spells a marker character with an escape, so only escapes of <c>T</c>, <c>3</c>,
        /// <c>B</c>, <c>l</c>, <c>b</c>, <c>k</c>, <c>F</c>, <c>J</c>, <c>Q</c>, <c>9</c> matter; the
        /// many <c>\u00e9</c>-like escapes of ordinary text are skipped without a syntax-tree lookup.
        /// </summary>
        private bool MaySpellMarkerChar(int position)
        {
            char[] buffer = _buffer!;
            char kind = buffer[position + 1];
            int digitsStart = position + 2;
            int maxDigits = kind == 'U' ? 8 : 4;
            int value = 0;
            int digits = 0;
            while (digits < maxDigits && digitsStart + digits < _chunkLength && HexValue(buffer[digitsStart + digits]) is int digit and >= 0)
            {
                value = (value * 16) + digit;
                digits++;
            }

            bool cutByChunkEnd = digits < maxDigits && digitsStart + digits == _chunkLength && !IsLastChunk;
            if (cutByChunkEnd)
            {
                return true;
            }

            // \u and \U take exactly 4 and 8 digits; \x takes 1 to 4. Anything else is no escape.
            bool complete = kind == 'x' ? digits >= 1 : digits == maxDigits;
            return complete && value < 128
                && (OpenAIKeyFormat.Marker.IndexOf((char)value) >= 0 || AzureKeyFormat.Signature.IndexOf((char)value) >= 0);
        }

        private static int HexValue(char c)
            => (uint)(c - '0') <= 9 ? c - '0'
                : (uint)((c | 0x20) - 'a') <= 'f' - 'a' ? (c | 0x20) - 'a' + 10
                : -1;
    }
}
