namespace KeyLint.CodeFixes
{
    /// <summary>Where a fix reads the key from instead.</summary>
    internal enum KeySource
    {
        Configuration,
        EnvironmentVariable,
        KeyVault,
    }
}
