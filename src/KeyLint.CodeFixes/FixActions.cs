namespace KeyLint.CodeFixes
{
    /// <summary>What the user sees of a fix: the sources in the order offered, titles and equivalence keys.</summary>
    internal static class FixActions
    {
        /// <summary>The order actions are offered in: the first is what a batch tool such as dotnet format applies.</summary>
        public static readonly KeySource[] Sources = { KeySource.Configuration, KeySource.KeyVault, KeySource.EnvironmentVariable };

        public static string Title(KeySource source, string name) => source switch
        {
            KeySource.Configuration => $"Read the key from configuration '{name}' (user secrets, environment variables, Key Vault…), then rotate the exposed key",
            KeySource.KeyVault => $"Read the key from Azure Key Vault secret '{name}', then rotate the exposed key",
            _ => $"Read the key from environment variable {name}, then rotate the exposed key",
        };

        public static string FixAllTitle(KeySource source, bool readsCode, bool redactsComments)
        {
            if (!readsCode)
            {
                return CommentRedaction.FixAllTitle;
            }

            string read = source switch
            {
                KeySource.Configuration => "Read every hardcoded key from configuration (or the environment)",
                KeySource.KeyVault => "Read every hardcoded key from Azure Key Vault (or the environment)",
                _ => "Read every hardcoded key from environment variables",
            };
            return read + (redactsComments ? ", redact the keys in comments" : string.Empty) + ", then rotate the keys";
        }

        /// <summary>One key per strategy, the same for every diagnostic, so Fix All groups them.</summary>
        public static string EquivalenceKey(KeySource source) => source switch
        {
            KeySource.Configuration => HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey,
            KeySource.KeyVault => HardcodedOpenAIKeyCodeFixProvider.UseKeyVaultKey,
            _ => HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey,
        };

        public static KeySource SourceOf(string? equivalenceKey) => equivalenceKey switch
        {
            HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey => KeySource.Configuration,
            HardcodedOpenAIKeyCodeFixProvider.UseKeyVaultKey => KeySource.KeyVault,
            _ => KeySource.EnvironmentVariable,
        };
    }
}
