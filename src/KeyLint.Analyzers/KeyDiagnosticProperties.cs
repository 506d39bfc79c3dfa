using System.Collections.Immutable;
using KeyLint.Scanning;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// What a diagnostic tells its code fixes besides its location. Holds no key text: diagnostic
    /// properties are written to SARIF logs.
    /// </summary>
    internal static class KeyDiagnosticProperties
    {
        public const string KeyKind = "KeyKind";

        /// <summary>
        /// Present (with the value <c>Comment</c>) on a KL0008 key in a comment, a directive or disabled
        /// code: the redaction fix applies there, the fixes that read the key from a setting do not.
        /// </summary>
        public const string InComment = "InComment";

        private static readonly ImmutableDictionary<string, string?>[] ByKind = CreateAll();

        private static readonly ImmutableDictionary<string, string?> AzureKeyInComment = ByKind[(int)Scanning.KeyKind.Azure].Add(InComment, "Comment");

        public static ImmutableDictionary<string, string?> Create(KeyKind kind) => ByKind[(int)kind];

        /// <summary>The properties of a key that is in a comment rather than in code.</summary>
        public static ImmutableDictionary<string, string?> CreateInComment(KeyKind kind) => kind == Scanning.KeyKind.Azure ? AzureKeyInComment : Create(kind);

        public static bool IsInComment(ImmutableDictionary<string, string?> properties) => properties.ContainsKey(InComment);

        private static ImmutableDictionary<string, string?>[] CreateAll()
        {
            var all = new ImmutableDictionary<string, string?>[(int)Scanning.KeyKind.Azure + 1];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = ImmutableDictionary<string, string?>.Empty.Add(KeyKind, ((KeyKind)i).ToString());
            }

            return all;
        }
    }
}
