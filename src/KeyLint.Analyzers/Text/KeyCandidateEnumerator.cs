using System;
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
    /// The text-first pass of KL0001–KL0005 and KL0008: walks a file's text once, in pooled chunks, and yields the few positions
    /// where a key can be. Everything Roslyn is asked happens only at these positions, so a file
    /// with no key costs one vectorised search and allocates nothing.
    /// </summary>
    internal struct KeyCandidateEnumerator : IDisposable
    {
        // A marker (8 characters at most) is never split by a chunk border; an escape's backslash
        // and letter are always read together.
        private const int Overlap = 7;

        private TextChunks _chunks;
        private bool _loaded;
        private int _markerFrom;
        private int _escapeFrom;
        private int _nextMarker;
        private int _nextEscape;

        public KeyCandidateEnumerator(SourceText text)
        {
            _chunks = new TextChunks(text, Overlap);
            _loaded = false;
            _markerFrom = 0;
            _escapeFrom = 0;
            _nextMarker = -1;
            _nextEscape = -1;
            Current = default;
        }

        public KeyCandidate Current { get; private set; }

        public bool MoveNext(CancellationToken cancellationToken)
        {
            if (!_loaded)
            {
                if (!NextChunk(cancellationToken))
                {
                    return false;
                }

                _loaded = true;
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
                    Current = new KeyCandidate(_chunks.Start + _nextMarker, KeyCandidateKind.Marker);
                    _markerFrom = _nextMarker + 1;
                    _nextMarker = -1;
                    return true;
                }

                if (_nextEscape >= 0)
                {
                    Current = new KeyCandidate(_chunks.Start + _nextEscape, KeyCandidateKind.Escape);
                    _escapeFrom = _nextEscape + 1;
                    _nextEscape = -1;
                    return true;
                }

                if (!NextChunk(cancellationToken))
                {
                    return false;
                }
            }
        }

        public void Dispose() => _chunks.Dispose();

        private bool NextChunk(CancellationToken cancellationToken)
        {
            _markerFrom = 0;
            _escapeFrom = 0;
            _nextMarker = -1;
            _nextEscape = -1;
            return _chunks.MoveNext(cancellationToken);
        }

        /// <summary>Next marker of either format the chunk owns, or -2 when there is none.</summary>
        private int FindMarker()
        {
            // In every chunk but the last, a marker starting in the overlap is left to the next chunk
            // (it is found there whole): the shorter Azure signature fits in the overlap.
            int owned = _chunks.Owned;
            if (_markerFrom >= owned)
            {
                return -2;
            }

            int found = MarkerSearch.IndexOfAnyMarker(_chunks.Span.Slice(_markerFrom));
            return found < 0 || _markerFrom + found >= owned ? -2 : _markerFrom + found;
        }

        /// <summary>Next <c>\u</c>, <c>\U</c> or <c>\x</c> in the chunk, or -2 when there is none.</summary>
        private int FindEscape()
        {
            // In every chunk but the last, a backslash in the overlap is left to the next chunk.
            ReadOnlySpan<char> chunk = _chunks.Span;
            int limit = _chunks.IsLast ? chunk.Length - 1 : _chunks.Owned;
            while (_escapeFrom < limit)
            {
                int found = chunk.Slice(_escapeFrom, limit - _escapeFrom).IndexOf('\\');
                if (found < 0)
                {
                    break;
                }

                int position = _escapeFrom + found;
                char next = chunk[position + 1];
                if ((next == 'u' || next == 'U' || next == 'x') && MaySpellMarkerChar(position))
                {
                    return position;
                }

                // Skip the escaped character too, so "\\u" (an escaped backslash) is not an escape.
                _escapeFrom = position + 2;
            }

            _escapeFrom = chunk.Length;
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
            ReadOnlySpan<char> buffer = _chunks.Span;
            char kind = buffer[position + 1];
            int digitsStart = position + 2;
            int maxDigits = kind == 'U' ? 8 : 4;
            int value = 0;
            int digits = 0;
            while (digits < maxDigits && digitsStart + digits < buffer.Length && HexValue(buffer[digitsStart + digits]) is int digit and >= 0)
            {
                value = (value * 16) + digit;
                digits++;
            }

            bool cutByChunkEnd = digits < maxDigits && digitsStart + digits == buffer.Length && !_chunks.IsLast;
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
