using System;

namespace KeyLint.Scanning
{
    /// <summary>
    /// Finds secret keys in text — OpenAI keys (<see cref="OpenAIKeyFormat"/>) and identifiable
    /// Azure AI services keys (<see cref="AzureKeyFormat"/>) — in one forward pass.
    /// </summary>
    /// <remarks>
    /// The scan jumps from marker to marker with one vectorised search for the markers of both
    /// formats (<see cref="MarkerSearch"/>), so text without a marker costs one memory-speed pass
    /// and allocates nothing. Before each OpenAI
    /// marker a vectorised <c>LastIndexOf</c> looks for the run-starting <c>sk-</c> a key needs
    /// within its maximum length; an Azure signature sits at a fixed offset of its key. Only then
    /// are characters read one by one, never more than a key's length, and the scan resumes past
    /// them. Every character is visited a bounded number of times whatever the input: time is
    /// linear, with no regular expression and no backtracking.
    /// </remarks>
    public static class KeyScanner
    {
        /// <summary>Enumerates the keys in <paramref name="text"/>, in order, never overlapping. Allocates nothing.</summary>
        public static KeyMatchEnumerator Find(ReadOnlySpan<char> text) => new KeyMatchEnumerator(text);

        /// <summary>True when <paramref name="text"/> holds a marker of either format: the cheap test before any other work.</summary>
        public static bool ContainsMarker(ReadOnlySpan<char> text)
            => MarkerSearch.IndexOfAnyMarker(text) >= 0;

        /// <summary>True when <paramref name="text"/> holds at least one key.</summary>
        public static bool ContainsKey(ReadOnlySpan<char> text)
        {
            KeyMatchEnumerator matches = Find(text);
            return matches.MoveNext();
        }

        /// <summary>
        /// True when <paramref name="text"/> holds a marker that is not part of a key it holds: a
        /// piece a key may be assembled from.
        /// </summary>
        public static bool HasMarkerOutsideKeys(ReadOnlySpan<char> text)
        {
            int markerCount = CountOccurrences(text, OpenAIKeyFormat.Marker.AsSpan()) + CountOccurrences(text, AzureKeyFormat.Signature.AsSpan());
            int markersInKeys = 0;
            foreach (KeyMatch match in Find(text))
            {
                ReadOnlySpan<char> key = text.Slice(match.Start, match.Length);
                markersInKeys += CountOccurrences(key, OpenAIKeyFormat.Marker.AsSpan()) + CountOccurrences(key, AzureKeyFormat.Signature.AsSpan());
            }

            return markerCount > markersInKeys;
        }

        /// <summary>
        /// True when <paramref name="text"/> is exactly one key and nothing else.
        /// </summary>
        public static bool IsKey(ReadOnlySpan<char> text, out KeyKind kind)
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

        private static int CountOccurrences(ReadOnlySpan<char> text, ReadOnlySpan<char> value)
        {
            int count = 0;
            for (int found = text.IndexOf(value); found >= 0; found = text.IndexOf(value))
            {
                count++;
                text = text.Slice(found + 1);
            }

            return count;
        }
    }

    /// <summary>A allocation-free enumerator of the keys in a text; use it with <c>foreach</c>.</summary>
    public ref struct KeyMatchEnumerator
    {
        private readonly ReadOnlySpan<char> _text;

        /// <summary>Where the search for the next marker of either format goes on.</summary>
        private int _searchFrom;

        /// <summary>OpenAI markers before this position lie in a run already read: they are skipped.</summary>
        private int _position;

        /// <summary>
        /// No "sk-" before this position can start the run of a later marker: a search that found
        /// none need not be repeated for the next marker of the same run (repeated markers).
        /// </summary>
        private int _noKeyStartBefore;

        /// <summary>Azure signatures before this position lie in a key already returned: they are skipped.</summary>
        private int _azurePosition;

        /// <summary>The end of the last key returned: a later key overlapping it is not returned.</summary>
        private int _returnedUpTo;
        private long _steps;

        internal KeyMatchEnumerator(ReadOnlySpan<char> text)
        {
            _text = text;
            _searchFrom = 0;
            _position = 0;
            _noKeyStartBefore = 0;
            _azurePosition = 0;
            _returnedUpTo = 0;
            _steps = 0;
            Current = default;
        }

        public KeyMatch Current { get; private set; }

        /// <summary>
        /// The characters read so far, by the searches and walks alike: the property tests' measure
        /// of work (linear in the input), which a stopwatch would give only noisily.
        /// </summary>
        internal long Steps => _steps;

        public KeyMatchEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_searchFrom < _text.Length)
            {
                // One pass finds the markers of both formats (MarkerSearch): key-free text is read once.
                int found = MarkerSearch.IndexOfAnyMarker(_text.Slice(_searchFrom));
                if (found < 0)
                {
                    _steps += _text.Length - _searchFrom;
                    _searchFrom = _text.Length;
                    return false;
                }

                int markerIndex = _searchFrom + found;
                _steps += found + 1;
                _searchFrom = markerIndex + 1;

                KeyMatch match = default;
                bool isKey = _text[markerIndex] == OpenAIKeyFormat.Marker[0]
                    ? markerIndex >= _position && TryMatchOpenAIKey(markerIndex, out match)
                    : TryMatchAzureKey(markerIndex, out match);

                // Keys found in marker order are in text order unless they overlap, which only an
                // Azure key inside the run of an OpenAI key can ("sk-…-<Azure key>-…T3BlbkFJ…", since an
                // Azure key ends at any non-alphanumeric character). The one whose marker comes first wins.
                if (isKey && match.Start >= _returnedUpTo)
                {
                    _returnedUpTo = match.End;
                    Current = match;
                    return true;
                }
            }

            return false;
        }

        private bool TryMatchAzureKey(int signatureIndex, out KeyMatch match)
        {
            if (signatureIndex >= _azurePosition && AzureKeyFormat.TryMatchAt(_text, signatureIndex, out int start, out int length, ref _steps))
            {
                match = new KeyMatch(start, length, KeyKind.Azure, prefixLength: 0);
                _azurePosition = start + length;
                return true;
            }

            match = default;
            return false;
        }

        private bool TryMatchOpenAIKey(int markerIndex, out KeyMatch match)
        {
            match = default;

            // A key is a whole run of key characters that starts with "sk-" at most MaxKeyLength
            // characters before its marker. A vectorised search for that "sk-" rules out most
            // markers (long runs, repeated markers) without reading their characters one by one.
            int start = FindKeyStart(markerIndex);
            if (start < 0)
            {
                _noKeyStartBefore = markerIndex;
                _position = markerIndex + 1;
                return false;
            }

            // The run ends where key characters do; past MaxKeyLength it is no key, and the walk
            // stops there: a later marker in the same run is ruled out by its glued "sk-".
            int markerLength = OpenAIKeyFormat.Marker.Length;
            int end = markerIndex + markerLength;
            int rightLimit = Math.Min(_text.Length, start + OpenAIKeyFormat.MaxKeyLength + 1);
            while (end < rightLimit && OpenAIKeyFormat.IsKeyChar(_text[end]))
            {
                end++;
            }

            _steps += end - markerIndex - markerLength + 1;
            _position = end;
            if (OpenAIKeyFormat.TryClassify(_text.Slice(start, end - start), out KeyKind kind, out int prefixLength, ref _steps))
            {
                match = new KeyMatch(start, end - start, kind, prefixLength);
                return true;
            }

            return false;
        }

        /// <summary>
        /// Where the run holding the marker at <paramref name="markerIndex"/> starts, when it starts
        /// with "sk-" close enough for a key; otherwise -1.
        /// </summary>
        private int FindKeyStart(int markerIndex)
        {
            ReadOnlySpan<char> keyStart = OpenAIKeyFormat.KeyStart.AsSpan();
            // Before _noKeyStartBefore every "sk-" is glued to a preceding character or cut off from
            // the marker by a non-key character (the text says so whatever the marker): skip it.
            int windowStart = Math.Max(Math.Max(_position, _noKeyStartBefore), markerIndex - OpenAIKeyFormat.MaxKeyLength);
            ReadOnlySpan<char> window = _text.Slice(windowStart, markerIndex - windowStart);
            int searchEnd = window.Length;
            while (true)
            {
                int found = window.Slice(0, searchEnd).LastIndexOf(keyStart);
                _steps += found < 0 ? searchEnd : searchEnd - found;
                if (found < 0)
                {
                    return -1;
                }

                int candidate = windowStart + found;
                if (candidate == 0 || !OpenAIKeyFormat.IsKeyChar(_text[candidate - 1]))
                {
                    // The last "sk-" that starts a run: the marker's run starts there if nothing
                    // but key characters lies between them.
                    _steps += markerIndex - candidate;
                    for (int i = candidate + keyStart.Length; i < markerIndex; i++)
                    {
                        if (!OpenAIKeyFormat.IsKeyChar(_text[i]))
                        {
                            return -1;
                        }
                    }

                    return candidate;
                }

                // "sk-" glued to what precedes it: an earlier one may still start the run.
                searchEnd = found + keyStart.Length - 1;
            }
        }
    }
}
