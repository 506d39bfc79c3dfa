using System;

namespace KeyLint.Scanning
{
    /// <summary>
    /// Finds OpenAI secret keys in text in one forward pass.
    /// </summary>
    /// <remarks>
    /// The scan jumps from marker to marker with a vectorised <c>IndexOf</c>, so text without the
    /// marker costs one memory-speed pass and allocates nothing. Around each marker it measures the
    /// run of key characters once and then skips past it, so every character is visited a bounded
    /// number of times whatever the input: time is linear, with no regular expression and no
    /// backtracking.
    /// </remarks>
    public static class KeyScanner
    {
        /// <summary>Enumerates the keys in <paramref name="text"/>, in order. Allocates nothing.</summary>
        public static KeyMatchEnumerator Find(ReadOnlySpan<char> text) => new KeyMatchEnumerator(text);

        /// <summary>True when <paramref name="text"/> holds the marker: the cheap test before any other work.</summary>
        public static bool ContainsMarker(ReadOnlySpan<char> text) => text.IndexOf(OpenAIKeyFormat.Marker.AsSpan()) >= 0;

        /// <summary>True when <paramref name="text"/> holds at least one key.</summary>
        public static bool ContainsKey(ReadOnlySpan<char> text)
        {
            KeyMatchEnumerator matches = Find(text);
            return matches.MoveNext();
        }

        /// <summary>
        /// True when <paramref name="text"/> is exactly one key and nothing else.
        /// </summary>
        public static bool IsKey(ReadOnlySpan<char> text, out OpenAIKeyKind kind)
        {
            KeyMatchEnumerator matches = Find(text);
            if (matches.MoveNext() && matches.Current.Start == 0 && matches.Current.Length == text.Length)
            {
                kind = matches.Current.Kind;
                return true;
            }

            kind = default;
            return false;
        }
    }

    /// <summary>A allocation-free enumerator of the keys in a text; use it with <c>foreach</c>.</summary>
    public ref struct KeyMatchEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private int _position;

        internal KeyMatchEnumerator(ReadOnlySpan<char> text)
        {
            _text = text;
            _position = 0;
            Current = default;
        }

        public KeyMatch Current { get; private set; }

        public KeyMatchEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            ReadOnlySpan<char> marker = OpenAIKeyFormat.Marker.AsSpan();
            while (_position < _text.Length)
            {
                int found = _text.Slice(_position).IndexOf(marker);
                if (found < 0)
                {
                    _position = _text.Length;
                    return false;
                }

                int markerIndex = _position + found;

                // The run of key characters around the marker: a key is a whole run, never part of one.
                // The walk left stops after MaxKeyLength characters: a longer run is no key, and the
                // bound keeps the walk from re-reading text that an earlier run already covered.
                int start = markerIndex;
                int leftLimit = Math.Max(_position, markerIndex - OpenAIKeyFormat.MaxKeyLength - 1);
                while (start > leftLimit && OpenAIKeyFormat.IsKeyChar(_text[start - 1]))
                {
                    start--;
                }

                bool runStartsHere = start == 0 || !OpenAIKeyFormat.IsKeyChar(_text[start - 1]);

                int end = markerIndex + marker.Length;
                while (end < _text.Length && OpenAIKeyFormat.IsKeyChar(_text[end]))
                {
                    end++;
                }

                _position = end;
                if (runStartsHere
                    && OpenAIKeyFormat.TryClassify(_text.Slice(start, end - start), out OpenAIKeyKind kind, out int prefixLength))
                {
                    Current = new KeyMatch(start, end - start, kind, prefixLength);
                    return true;
                }
            }

            return false;
        }
    }
}
