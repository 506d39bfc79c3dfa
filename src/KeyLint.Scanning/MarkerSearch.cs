using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KeyLint.Scanning
{
    /// <summary>
    /// Finds the next marker of either format — <c>T3BlbkFJ</c> (OpenAI) or <c>JQQJ9</c> (Azure) — in
    /// one vectorised pass.
    /// </summary>
    /// <remarks>
    /// Key-free text is the common case, and scanning it is bound by memory bandwidth: two searches,
    /// one per marker, read the text twice and cost twice as much as one. This search reads it once.
    /// Each block of characters is compared with the first and last characters of both markers
    /// (<c>T…J</c> seven apart, <c>J…9</c> four apart); only where a pair matches are the whole markers
    /// compared. Where vectors are not accelerated it falls back to the two searches of the runtime.
    /// </remarks>
    public static class MarkerSearch
    {
        private const int OpenAIMarkerLastOffset = 7;
        private const int AzureSignatureLastOffset = 4;

        /// <summary>The index of the first marker of either format in <paramref name="text"/>, or -1.</summary>
        public static int IndexOfAnyMarker(ReadOnlySpan<char> text)
        {
            int index = 0;
            if (Vector.IsHardwareAccelerated)
            {
                int width = Vector<ushort>.Count;
                int lastBlock = text.Length - OpenAIMarkerLastOffset - width;
                if (lastBlock >= 0)
                {
                    var t = new Vector<ushort>('T');
                    var b = new Vector<ushort>('b');
                    var j = new Vector<ushort>('J');
                    var nine = new Vector<ushort>('9');
                    ref byte start = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
                    for (; index <= lastBlock; index += width)
                    {
                        if (HasCandidate(ref start, index, t, b, j, nine))
                        {
                            for (int lane = 0; lane < width; lane++)
                            {
                                if (IsMarkerAt(text, index + lane))
                                {
                                    return index + lane;
                                }
                            }
                        }
                    }
                }
            }

            return IndexOfAnyMarkerOneByOne(text, index);
        }

        /// <summary>True when a marker of either format starts at <paramref name="index"/>.</summary>
        public static bool IsMarkerAt(ReadOnlySpan<char> text, int index)
        {
            ReadOnlySpan<char> rest = text.Slice(index);
            return rest.StartsWith(OpenAIKeyFormat.Marker.AsSpan(), StringComparison.Ordinal)
                || rest.StartsWith(AzureKeyFormat.Signature.AsSpan(), StringComparison.Ordinal);
        }

        /// <summary>Whether a marker may start in the block at <paramref name="index"/>: its first and last characters match.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool HasCandidate(ref byte start, int index, Vector<ushort> t, Vector<ushort> b, Vector<ushort> j, Vector<ushort> nine)
            => !Vector.EqualsAll(Candidates(ref start, index, t, b, j, nine), Vector<ushort>.Zero);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<ushort> Candidates(ref byte start, int index, Vector<ushort> t, Vector<ushort> b, Vector<ushort> j, Vector<ushort> nine)
        {
            Vector<ushort> first = Read(ref start, index);
            Vector<ushort> fifth = Read(ref start, index + 4);
            return (Vector.Equals(first, t) & Vector.Equals(fifth, b)) | (Vector.Equals(first, j) & Vector.Equals(fifth, nine));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<ushort> Read(ref byte start, int charIndex)
            => Unsafe.ReadUnaligned<Vector<ushort>>(ref Unsafe.Add(ref start, charIndex * sizeof(char)));

        /// <summary>
        /// The tail of a vectorised search (fewer characters than a block), or all of an unaccelerated
        /// one: the candidates' first characters, then the whole markers. It reads no character past
        /// the marker it returns, so repeated calls stay linear.
        /// </summary>
        private static int IndexOfAnyMarkerOneByOne(ReadOnlySpan<char> text, int from)
        {
            while (from < text.Length)
            {
                int found = text.Slice(from).IndexOfAny('T', 'J');
                if (found < 0)
                {
                    return -1;
                }

                from += found;
                if (IsMarkerAt(text, from))
                {
                    return from;
                }

                from++;
            }

            return -1;
        }
    }
}
