using System;

namespace KeyLint.Scanning
{
    /// <summary>
    /// Finds keys written base64-encoded, as a Kubernetes <c>Secret</c>'s <c>data:</c> values are
    /// (<c>echo sk-… | base64</c>, trailing newline included): the encoded run is reported, the
    /// decoded key says what it is.
    /// </summary>
    /// <remarks>
    /// The search is text-first, like <see cref="KeyScanner"/>'s. An encoded value that is a key
    /// starts with the encoding of its first three characters — <c>c2st</c> for <c>sk-</c> — and an
    /// encoded Azure key holds <c>UUo5</c> (the <c>QJ9</c> of its signature, which sits on a
    /// three-byte boundary) 72 characters after its start. Only a run found at such a marker, of a
    /// length a key can encode to, is decoded — into a stack buffer, nothing allocated — and checked
    /// with the key formats. Each character is read a bounded number of times.
    /// </remarks>
    public static class Base64KeyScanner
    {
        /// <summary>The encoding of <c>sk-</c>: how an encoded OpenAI key begins.</summary>
        public const string OpenAIKeyStart = "c2st";

        /// <summary>The encoding of <c>QJ9</c>, bytes 54–56 of an Azure key (inside its <c>JQQJ9</c> signature).</summary>
        public const string AzureSignaturePart = "UUo5";

        /// <summary>Where <see cref="AzureSignaturePart"/> sits in an encoded Azure key: byte 54 is character 54 / 3 × 4.</summary>
        public const int AzureSignaturePartOffset = 72;

        /// <summary>The shortest key: <c>sk-</c>, two segments of the shortest length, and the marker.</summary>
        private const int MinKeyLength = 3 + 2 * OpenAIKeyFormat.MinSegmentLength + 8;

        /// <summary>The longest decoded value: the longest key and a trailing <c>\r\n</c>.</summary>
        public const int MaxDecodedLength = OpenAIKeyFormat.MaxKeyLength + 2;

        /// <summary>The shortest encoded run worth decoding.</summary>
        public const int MinEncodedLength = (MinKeyLength + 2) / 3 * 4;

        /// <summary>The longest encoded run worth decoding.</summary>
        public const int MaxEncodedLength = (MaxDecodedLength + 2) / 3 * 4;

        /// <summary>True when <paramref name="text"/> holds a marker of an encoded key: the cheap test before any other work.</summary>
        public static bool ContainsMarker(ReadOnlySpan<char> text)
            => text.IndexOf(OpenAIKeyStart.AsSpan(), StringComparison.Ordinal) >= 0
                || text.IndexOf(AzureSignaturePart.AsSpan(), StringComparison.Ordinal) >= 0;

        /// <summary>Enumerates the encoded keys in <paramref name="text"/>, in order. Allocates nothing.</summary>
        public static Base64KeyMatchEnumerator Find(ReadOnlySpan<char> text) => new Base64KeyMatchEnumerator(text);

        /// <summary>
        /// Decodes the key of a match found by <see cref="Find"/> into <paramref name="destination"/>
        /// (at least <see cref="MaxDecodedLength"/> long) and returns its length, trailing newline dropped.
        /// </summary>
        public static int DecodeKey(ReadOnlySpan<char> encoded, Span<char> destination)
        {
            int length = Decode(encoded, destination);
            if (length > 0 && destination[length - 1] == '\n')
            {
                length--;
                if (length > 0 && destination[length - 1] == '\r')
                {
                    length--;
                }
            }

            return length;
        }

        /// <summary>True for the characters of standard base64, padding excluded.</summary>
        public static bool IsBase64Char(char c)
            => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '+' || c == '/';

        /// <summary>
        /// Decodes padded standard base64 into one character per byte; -1 when <paramref name="encoded"/>
        /// is not that or does not fit <paramref name="destination"/>.
        /// </summary>
        internal static int Decode(ReadOnlySpan<char> encoded, Span<char> destination)
        {
            if (encoded.Length == 0 || encoded.Length % 4 != 0)
            {
                return -1;
            }

            int padding = encoded[encoded.Length - 1] != '=' ? 0 : encoded[encoded.Length - 2] != '=' ? 1 : 2;
            int length = encoded.Length / 4 * 3 - padding;
            if (length > destination.Length)
            {
                return -1;
            }

            int written = 0;
            for (int i = 0; i < encoded.Length; i += 4)
            {
                int quad = 0;
                for (int j = 0; j < 4; j++)
                {
                    char c = encoded[i + j];
                    int value = c == '=' && i + j >= encoded.Length - padding ? 0 : ValueOf(c);
                    if (value < 0)
                    {
                        return -1;
                    }

                    quad = (quad << 6) | value;
                }

                for (int shift = 16; shift >= 0 && written < length; shift -= 8)
                {
                    destination[written++] = (char)((quad >> shift) & 0xFF);
                }
            }

            return length;
        }

        private static int ValueOf(char c)
            => c >= 'A' && c <= 'Z' ? c - 'A'
                : c >= 'a' && c <= 'z' ? c - 'a' + 26
                : c >= '0' && c <= '9' ? c - '0' + 52
                : c == '+' ? 62
                : c == '/' ? 63
                : -1;
    }

    /// <summary>A allocation-free enumerator of the base64-encoded keys in a text; use it with <c>foreach</c>.</summary>
    public ref struct Base64KeyMatchEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private int _searchFrom;
        private int _nextOpenAI;
        private int _nextAzure;
        private long _steps;

        internal Base64KeyMatchEnumerator(ReadOnlySpan<char> text)
        {
            _text = text;
            _searchFrom = 0;
            _nextOpenAI = -2;
            _nextAzure = -2;
            _steps = 0;
            Current = default;
        }

        /// <summary>The encoded run (start and length in the text), the decoded key's kind and prefix length.</summary>
        public KeyMatch Current { get; private set; }

        /// <summary>The characters read so far, by the searches, the run walks and the decoding: the property tests' measure of work.</summary>
        internal long Steps => _steps;

        public Base64KeyMatchEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (true)
            {
                // Each marker's next position is searched for once and kept until passed: linear time.
                _nextOpenAI = Next(_nextOpenAI, Base64KeyScanner.OpenAIKeyStart);
                _nextAzure = Next(_nextAzure, Base64KeyScanner.AzureSignaturePart);
                int marker, start;
                if (_nextOpenAI >= 0 && (_nextAzure < 0 || _nextOpenAI < _nextAzure))
                {
                    marker = _nextOpenAI;
                    start = marker;
                }
                else if (_nextAzure >= 0)
                {
                    marker = _nextAzure;
                    start = marker - Base64KeyScanner.AzureSignaturePartOffset;
                }
                else
                {
                    _searchFrom = _text.Length;
                    return false;
                }

                // A run is read once from its start; a marker inside a run fails at once (a base64
                // character precedes its would-be start), so no character is read many times.
                int end = RunEnd(start);
                _searchFrom = Math.Max(marker + 1, end);
                if (end > start && TryMatch(start, end - start, out KeyMatch match))
                {
                    Current = match;
                    return true;
                }
            }
        }

        private int Next(int cached, string marker)
        {
            if (cached >= _searchFrom || cached == -1)
            {
                return cached;
            }

            int found = _text.Slice(_searchFrom).IndexOf(marker.AsSpan(), StringComparison.Ordinal);
            _steps += found < 0 ? _text.Length - _searchFrom : found + marker.Length;
            return found < 0 ? -1 : _searchFrom + found;
        }

        /// <summary>
        /// The end of an encoded run starting at <paramref name="start"/> (padding included), or
        /// <paramref name="start"/> when no run of a plausible length starts there.
        /// </summary>
        private int RunEnd(int start)
        {
            if (start < 0 || (start > 0 && Base64KeyScanner.IsBase64Char(_text[start - 1])))
            {
                return start;
            }

            int limit = Math.Min(_text.Length, start + Base64KeyScanner.MaxEncodedLength + 1);
            int end = start;
            while (end < limit && Base64KeyScanner.IsBase64Char(_text[end]))
            {
                end++;
            }

            _steps += end - start + 1;

            for (int padding = 0; padding < 2 && end < limit && _text[end] == '='; padding++)
            {
                end++;
            }

            int length = end - start;
            bool glued = end < _text.Length && (Base64KeyScanner.IsBase64Char(_text[end]) || _text[end] == '=');
            return glued || length < Base64KeyScanner.MinEncodedLength || length > Base64KeyScanner.MaxEncodedLength ? start : end;
        }

        private bool TryMatch(int start, int length, out KeyMatch match)
        {
            _steps += length;
            Span<char> decoded = stackalloc char[Base64KeyScanner.MaxDecodedLength];
            int keyLength = Base64KeyScanner.DecodeKey(_text.Slice(start, length), decoded);
            if (keyLength > 0)
            {
                KeyMatchEnumerator keys = KeyScanner.Find(decoded.Slice(0, keyLength));
                if (keys.MoveNext() && keys.Current.Start == 0 && keys.Current.Length == keyLength)
                {
                    match = new KeyMatch(start, length, keys.Current.Kind, keys.Current.PrefixLength);
                    return true;
                }
            }

            match = default;
            return false;
        }
    }
}
