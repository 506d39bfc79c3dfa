using System;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KeyLint.Analyzers
{
    /// <summary>
    /// The names fixes read a key from, and the <c>.editorconfig</c> options that change them:
    /// <c>keylint.configuration_key</c>, <c>keylint.environment_variable</c>,
    /// <c>keylint.key_vault_secret_name</c>, each with an <c>admin_</c> variant for OpenAI admin keys
    /// and an <c>azure_</c> variant for Azure keys (KL0008) and Azure OpenAI credentials (KL0007).
    /// </summary>
    public sealed class KeySettingNames
    {
        public const string ConfigurationKeyOption = "keylint.configuration_key";
        public const string AdminConfigurationKeyOption = "keylint.admin_configuration_key";
        public const string EnvironmentVariableOption = "keylint.environment_variable";
        public const string AdminEnvironmentVariableOption = "keylint.admin_environment_variable";
        public const string KeyVaultSecretNameOption = "keylint.key_vault_secret_name";
        public const string AdminKeyVaultSecretNameOption = "keylint.admin_key_vault_secret_name";
        public const string AzureConfigurationKeyOption = "keylint.azure_configuration_key";
        public const string AzureEnvironmentVariableOption = "keylint.azure_environment_variable";
        public const string AzureKeyVaultSecretNameOption = "keylint.azure_key_vault_secret_name";

        public const string DefaultConfigurationKey = "OpenAI:ApiKey";
        public const string DefaultAdminConfigurationKey = "OpenAI:AdminKey";
        public const string DefaultEnvironmentVariable = "OPENAI_API_KEY";
        public const string DefaultAdminEnvironmentVariable = "OPENAI_ADMIN_KEY";
        public const string DefaultKeyVaultSecretName = "openai-api-key";
        public const string DefaultAdminKeyVaultSecretName = "openai-admin-key";

        // The names Azure OpenAI's own samples and templates use.
        public const string DefaultAzureConfigurationKey = "AzureOpenAI:ApiKey";
        public const string DefaultAzureEnvironmentVariable = "AZURE_OPENAI_API_KEY";
        public const string DefaultAzureKeyVaultSecretName = "azure-openai-api-key";

        private KeySettingNames(
            string configurationKey,
            string adminConfigurationKey,
            string environmentVariable,
            string adminEnvironmentVariable,
            string keyVaultSecretName,
            string adminKeyVaultSecretName,
            string azureConfigurationKey,
            string azureEnvironmentVariable,
            string azureKeyVaultSecretName)
        {
            AzureConfigurationKey = azureConfigurationKey;
            AzureEnvironmentVariable = azureEnvironmentVariable;
            AzureKeyVaultSecretName = azureKeyVaultSecretName;
            KeyVaultSecretName = keyVaultSecretName;
            AdminKeyVaultSecretName = adminKeyVaultSecretName;
            ConfigurationKey = configurationKey;
            AdminConfigurationKey = adminConfigurationKey;
            EnvironmentVariable = environmentVariable;
            AdminEnvironmentVariable = adminEnvironmentVariable;
        }

        public string ConfigurationKey { get; }

        public string AdminConfigurationKey { get; }

        public string EnvironmentVariable { get; }

        public string AdminEnvironmentVariable { get; }

        public string KeyVaultSecretName { get; }

        public string AdminKeyVaultSecretName { get; }

        public string AzureConfigurationKey { get; }

        public string AzureEnvironmentVariable { get; }

        public string AzureKeyVaultSecretName { get; }

        /// <summary>Reads the options that apply to <paramref name="tree"/>; invalid values fall back to the defaults (the analyzer reports them).</summary>
        public static KeySettingNames For(AnalyzerOptions? options, SyntaxTree tree)
        {
            AnalyzerConfigOptions? config = options?.AnalyzerConfigOptionsProvider.GetOptions(tree);
            return new KeySettingNames(
                Read(config, ConfigurationKeyOption, DefaultConfigurationKey, IsValidConfigurationKey),
                Read(config, AdminConfigurationKeyOption, DefaultAdminConfigurationKey, IsValidConfigurationKey),
                Read(config, EnvironmentVariableOption, DefaultEnvironmentVariable, IsValidEnvironmentVariable),
                Read(config, AdminEnvironmentVariableOption, DefaultAdminEnvironmentVariable, IsValidEnvironmentVariable),
                Read(config, KeyVaultSecretNameOption, DefaultKeyVaultSecretName, IsValidKeyVaultSecretName),
                Read(config, AdminKeyVaultSecretNameOption, DefaultAdminKeyVaultSecretName, IsValidKeyVaultSecretName),
                Read(config, AzureConfigurationKeyOption, DefaultAzureConfigurationKey, IsValidConfigurationKey),
                Read(config, AzureEnvironmentVariableOption, DefaultAzureEnvironmentVariable, IsValidEnvironmentVariable),
                Read(config, AzureKeyVaultSecretNameOption, DefaultAzureKeyVaultSecretName, IsValidKeyVaultSecretName));
        }

        public string ConfigurationKeyFor(KeyKind kind) => kind switch
        {
            KeyKind.Admin => AdminConfigurationKey,
            KeyKind.Azure => AzureConfigurationKey,
            _ => ConfigurationKey,
        };

        public string EnvironmentVariableFor(KeyKind kind) => kind switch
        {
            KeyKind.Admin => AdminEnvironmentVariable,
            KeyKind.Azure => AzureEnvironmentVariable,
            _ => EnvironmentVariable,
        };

        public string KeyVaultSecretNameFor(KeyKind kind) => kind switch
        {
            KeyKind.Admin => AdminKeyVaultSecretName,
            KeyKind.Azure => AzureKeyVaultSecretName,
            _ => KeyVaultSecretName,
        };

        /// <summary>Key Vault secret names: 1–127 letters, digits and dashes, and not a key.</summary>
        public static bool IsValidKeyVaultSecretName(string value)
        {
            if (value.Length == 0 || value.Length > 127 || !HoldsNoKey(value))
            {
                return false;
            }

            foreach (char c in value)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The n-th distinct setting of a scope: the name itself, then <c>Name2</c>, <c>Name3</c>…
        /// (<c>NAME_2</c> for environment variables, <c>name-2</c> for Key Vault secrets).
        /// </summary>
        public static string Numbered(string name, int number, char separator)
            => number <= 1 ? name : separator == '\0' ? $"{name}{number}" : $"{name}{separator}{number}";

        /// <summary>Configuration keys: sections separated by ':', each of letters, digits, '_', '-' or '.'; not a key.</summary>
        public static bool IsValidConfigurationKey(string value)
        {
            if (value.Length == 0 || value.Length > 200 || value[0] == ':' || value[value.Length - 1] == ':' || value.Contains("::") || !HoldsNoKey(value))
            {
                return false;
            }

            foreach (char c in value)
            {
                if (!(char.IsLetterOrDigit(c) && c < 128) && c != ':' && c != '_' && c != '-' && c != '.')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Portable environment variable names: <c>[A-Za-z_][A-Za-z0-9_]*</c>, not a key.</summary>
        public static bool IsValidEnvironmentVariable(string value)
        {
            if (value.Length == 0 || value.Length > 200 || char.IsDigit(value[0]) || !HoldsNoKey(value))
            {
                return false;
            }

            foreach (char c in value)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Every option KeyLint reads, with the check its value must pass.</summary>
        public static readonly (string Name, Func<string, bool> IsValid, string Expected)[] Options =
        {
            (ConfigurationKeyOption, IsValidConfigurationKey, "a configuration key such as OpenAI:ApiKey"),
            (AdminConfigurationKeyOption, IsValidConfigurationKey, "a configuration key such as OpenAI:AdminKey"),
            (EnvironmentVariableOption, IsValidEnvironmentVariable, "an environment variable name such as OPENAI_API_KEY"),
            (AdminEnvironmentVariableOption, IsValidEnvironmentVariable, "an environment variable name such as OPENAI_ADMIN_KEY"),
            (KeyVaultSecretNameOption, IsValidKeyVaultSecretName, "a Key Vault secret name such as openai-api-key"),
            (AdminKeyVaultSecretNameOption, IsValidKeyVaultSecretName, "a Key Vault secret name such as openai-admin-key"),
            (AzureConfigurationKeyOption, IsValidConfigurationKey, "a configuration key such as AzureOpenAI:ApiKey"),
            (AzureEnvironmentVariableOption, IsValidEnvironmentVariable, "an environment variable name such as AZURE_OPENAI_API_KEY"),
            (AzureKeyVaultSecretNameOption, IsValidKeyVaultSecretName, "a Key Vault secret name such as azure-openai-api-key"),
            (TestCode.Option, IsBoolean, "true or false"),
            (KeyInProjectFileAnalyzer.ScanFileOption, IsBoolean, "true or false"),
        };

        /// <summary>A yes/no option's value: true and false in any case, with spaces around.</summary>
        public static bool TryParseBoolean(string value, out bool result) => bool.TryParse(value.Trim(), out result);

        /// <summary>Anything <see cref="TryParseBoolean"/> cannot read is not a value (KL0900 reports it).</summary>
        private static bool IsBoolean(string value) => TryParseBoolean(value, out _);

        private static string Read(AnalyzerConfigOptions? options, string key, string fallback, Func<string, bool> isValid)
            => options is not null && options.TryGetValue(key, out string? value) && isValid(value.Trim()) ? value.Trim() : fallback;

        /// <summary>
        /// A key pasted where its name belongs ("configuration_key = sk-proj-…") is shaped like a
        /// valid name, but a fix would write it into the code it is meant to clean.
        /// </summary>
        private static bool HoldsNoKey(string value) => !KeyScanner.ContainsKey(value.AsSpan());
    }
}
