using Microsoft.CodeAnalysis.CSharp;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// The C# expression that reads a key from its new home. Written as text on purpose: a
    /// <see cref="Site"/> splices it into the source of a string (an interpolation hole), where a
    /// syntax node would have to be printed anyway. Types are named as <see cref="TypeNames"/> says.
    /// </summary>
    internal static class KeyReads
    {
        /// <param name="receiver">The <c>IConfiguration</c> or <c>SecretClient</c> expression in scope; unused for the environment.</param>
        /// <param name="throwIfMissing">End with <c>?? throw</c>, for targets that need a non-null string.</param>
        /// <param name="isAsync">Inside async code, where a Key Vault read is awaited.</param>
        public static string Build(KeySource source, string? receiver, string settingName, bool throwIfMissing, bool isAsync, TypeNames types)
        {
            string name = SymbolDisplay.FormatLiteral(settingName, quote: true);
            string read = source switch
            {
                KeySource.Configuration => $"{receiver}[{name}]",
                KeySource.KeyVault when isAsync => $"(await {receiver}.GetSecretAsync({name})).Value.Value",
                KeySource.KeyVault => $"{receiver}.GetSecret({name}).Value.Value",
                _ => $"{types.Environment}.GetEnvironmentVariable({name})",
            };
            if (!throwIfMissing)
            {
                return read;
            }

            string what = source == KeySource.Configuration
                ? $"The configuration value '{settingName}' is not set."
                : $"The environment variable {settingName} is not set.";
            return $"{read} ?? throw new {types.InvalidOperationException}({SymbolDisplay.FormatLiteral(what, quote: true)})";
        }

        /// <summary>Whether a source can end in <c>?? throw</c>: a Key Vault secret's value is never null.</summary>
        public static bool CanThrowIfMissing(KeySource source) => source != KeySource.KeyVault;
    }
}
