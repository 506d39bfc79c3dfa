using System;

namespace KeyLint.Scanning
{
    /// <summary>A key found in a text: where it is, what kind it is, and how much of it is a non-secret prefix.</summary>
    public readonly struct KeyMatch : IEquatable<KeyMatch>
    {
        public KeyMatch(int start, int length, KeyKind kind, int prefixLength)
        {
            Start = start;
            Length = length;
            Kind = kind;
            PrefixLength = prefixLength;
        }

        /// <summary>Offset of the first character of the key (the <c>s</c> of <c>sk-</c>).</summary>
        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        public KeyKind Kind { get; }

        /// <summary>
        /// Length of the part that identifies the format and carries no secret
        /// (<c>sk-proj-</c>, <c>sk-</c>, <c>sk-&lt;name&gt;-</c>): what a redacted form may show.
        /// </summary>
        public int PrefixLength { get; }

        public bool Equals(KeyMatch other)
            => Start == other.Start && Length == other.Length && Kind == other.Kind && PrefixLength == other.PrefixLength;

        public override bool Equals(object? obj) => obj is KeyMatch other && Equals(other);

        public override int GetHashCode() => unchecked((Start * 397) ^ (Length * 31) ^ (int)Kind);

        // Deliberately shows no key text: a match is often logged or asserted on.
        public override string ToString() => $"{Kind} [{Start}..{End})";
    }
}
