using System;
using System.Collections.Generic;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// The one place setting names are decided, for the light bulb and Fix All alike.
    /// </summary>
    /// <remarks>
    /// The rule: within a scope (the document for a light bulb and for Fix All in document; the
    /// project or solution for Fix All there), keys are taken in order of file path and position,
    /// and each distinct key gets the first of <c>Name</c>, <c>Name2</c>, <c>Name3</c>…
    /// (<c>NAME_2</c> for environment variables, <c>name-2</c> for Key Vault secrets) that no
    /// other key of the scope was given and that is not already written as a string in the scope's
    /// code. The same key written twice reads one setting; two different keys never share one. A
    /// light bulb therefore offers a key the name Fix All in document would give it. Once a key is
    /// fixed, its name is written in the code and so taken: a later fix of the same key elsewhere
    /// cannot know the name was for the same key, and gets the next one.
    /// </remarks>
    internal sealed class SettingNames
    {
        private readonly string _writtenCode;
        private readonly Dictionary<(string Key, KeySource Source, string BaseName), string> _byKey = new Dictionary<(string, KeySource, string), string>();
        private readonly HashSet<string> _given = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _written = new Dictionary<string, bool>(StringComparer.Ordinal);

        /// <param name="writtenCode">The scope's code: a name written there as a string is taken.</param>
        public SettingNames(string writtenCode) => _writtenCode = writtenCode;

        /// <summary>The name for <paramref name="key"/> read from <paramref name="source"/>; the first call for a key decides it.</summary>
        public string Assign(string key, KeySource source, string baseName)
        {
            if (_byKey.TryGetValue((key, source, baseName), out string? name))
            {
                return name;
            }

            for (int number = 1; ; number++)
            {
                string candidate = KeySettingNames.Numbered(baseName, number, NumberSeparator(source));
                if (!_given.Contains(candidate) && !IsWritten(candidate))
                {
                    _given.Add(candidate);
                    _byKey[(key, source, baseName)] = candidate;
                    return candidate;
                }
            }
        }

        /// <summary>Whether the scope's code holds the name as a string; remembered, since a project's code is long.</summary>
        private bool IsWritten(string name)
        {
            if (!_written.TryGetValue(name, out bool written))
            {
                written = _writtenCode.IndexOf("\"" + name + "\"", StringComparison.Ordinal) >= 0;
                _written.Add(name, written);
            }

            return written;
        }

        /// <summary>Gives <paramref name="key"/> its name for every source, in the order the rule takes keys.</summary>
        public void AssignAll(string key, Diagnostic diagnostic, KeySettingNames options)
        {
            foreach (KeySource source in FixActions.Sources)
            {
                Assign(key, source, BaseName(options, source, diagnostic));
            }
        }

        /// <summary>
        /// The unnumbered name: the configured names for the kind of key (admin names for OpenAI admin
        /// keys, Azure names for Azure keys and for KL0007 credentials of Azure OpenAI).
        /// </summary>
        public static string BaseName(KeySettingNames options, KeySource source, Diagnostic diagnostic)
        {
            bool isAzureCredential = diagnostic.Properties.TryGetValue(CredentialReport.ServiceProperty, out string? service)
                && service == CredentialReport.AzureService;
            KeyKind kind = isAzureCredential ? KeyKind.Azure : KindOf(diagnostic);
            return source switch
            {
                KeySource.Configuration => options.ConfigurationKeyFor(kind),
                KeySource.KeyVault => options.KeyVaultSecretNameFor(kind),
                _ => options.EnvironmentVariableFor(kind),
            };
        }

        private static char NumberSeparator(KeySource source) => source switch
        {
            KeySource.EnvironmentVariable => '_',
            KeySource.KeyVault => '-',
            _ => '\0',
        };

        private static KeyKind KindOf(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(KeyDiagnosticProperties.KeyKind, out string? value) && Enum.TryParse(value, out KeyKind kind)
                ? kind
                : diagnostic.Id == RuleIdentifiers.HardcodedAdminKey ? KeyKind.Admin : KeyKind.Project;
    }
}
