using System;

namespace KeyLint.Scanning
{
    /// <summary>
    /// The Marvin32 checksum (Niels Ferguson's, the one .NET hashes strings with), folded to 32 bits
    /// the way Microsoft's identifiable keys fold it: the high half XOR the low half.
    /// </summary>
    /// <remarks>
    /// Written from the published algorithm (SymCrypt's <c>marvin32.c</c>); the tests pin it to the
    /// published test vectors and to the .NET runtime's own implementation.
    /// </remarks>
    internal static class Marvin32
    {
        public static int ComputeHash32(ReadOnlySpan<byte> data, ulong seed)
        {
            long hash = ComputeHash(data, seed);
            return (int)(hash >> 32) ^ (int)hash;
        }

        public static long ComputeHash(ReadOnlySpan<byte> data, ulong seed)
        {
            uint p0 = (uint)seed;
            uint p1 = (uint)(seed >> 32);

            int index = 0;
            for (; data.Length - index >= 4; index += 4)
            {
                p0 += data[index] | ((uint)data[index + 1] << 8) | ((uint)data[index + 2] << 16) | ((uint)data[index + 3] << 24);
                Block(ref p0, ref p1);
            }

            // The last 0–3 bytes, little-endian, followed by the padding byte 0x80.
            switch (data.Length - index)
            {
                case 0:
                    p0 += 0x80u;
                    break;
                case 1:
                    p0 += 0x8000u | data[index];
                    break;
                case 2:
                    p0 += 0x800000u | data[index] | ((uint)data[index + 1] << 8);
                    break;
                default:
                    p0 += 0x80000000u | data[index] | ((uint)data[index + 1] << 8) | ((uint)data[index + 2] << 16);
                    break;
            }

            Block(ref p0, ref p1);
            Block(ref p0, ref p1);
            return ((long)p1 << 32) | p0;
        }

        private static void Block(ref uint p0, ref uint p1)
        {
            p1 ^= p0;
            p0 = RotateLeft(p0, 20);

            p0 += p1;
            p1 = RotateLeft(p1, 9);

            p1 ^= p0;
            p0 = RotateLeft(p0, 27);

            p0 += p1;
            p1 = RotateLeft(p1, 19);
        }

        private static uint RotateLeft(uint value, int shift) => (value << shift) | (value >> (32 - shift));
    }
}
