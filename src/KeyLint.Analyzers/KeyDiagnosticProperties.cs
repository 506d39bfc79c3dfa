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

        private static readonly ImmutableDictionary<string, string?>[] ByKind = CreateAll();

        public static ImmutableDictionary<string, string?> Create(OpenAIKeyKind kind) => ByKind[(int)kind];

        private static ImmutableDictionary<string, string?>[] CreateAll()
        {
            var all = new ImmutableDictionary<string, string?>[(int)OpenAIKeyKind.LegacyNone + 1];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = ImmutableDictionary<string, string?>.Empty.Add(KeyKind, ((OpenAIKeyKind)i).ToString());
            }

            return all;
        }
    }
}
