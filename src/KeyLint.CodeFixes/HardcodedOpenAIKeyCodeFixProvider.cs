using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeyLint.CodeFixes
{
    /// <summary>
    /// Fixes for KL0001–KL0004 and KL0007: replace a hardcoded key or credential with a read from an <c>IConfiguration</c> in
    /// scope, or from an environment variable. Every action is checked to compile with no new error
    /// or warning before it is offered; where none does (attribute arguments, case labels, default
    /// parameter values, consts that must stay const), no fix is offered and the warning stays.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedOpenAIKeyCodeFixProvider))]
    [Shared]
    public sealed class HardcodedOpenAIKeyCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence keys: one per strategy, the same for every diagnostic, so Fix All groups them.</summary>
        public const string UseConfigurationKey = "KeyLint.UseConfiguration";
        public const string UseEnvironmentVariableKey = "KeyLint.UseEnvironmentVariable";
        public const string UseKeyVaultKey = "KeyLint.UseKeyVault";

        /// <summary>The order actions are offered in: the first is what a batch tool such as dotnet format applies.</summary>
        internal static readonly KeySource[] Sources = { KeySource.Configuration, KeySource.KeyVault, KeySource.EnvironmentVariable };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIdentifiers.HardcodedProjectKey,
            RuleIdentifiers.HardcodedServiceAccountKey,
            RuleIdentifiers.HardcodedAdminKey,
            RuleIdentifiers.HardcodedLegacyUserKey,
            RuleIdentifiers.HardcodedCredential);

        public override FixAllProvider GetFixAllProvider() => KeyFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            Document document = context.Document;
            SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            KeySettingNames names = KeySettingNames.For(document.Project.AnalyzerOptions, root.SyntaxTree);
            string text = root.ToFullString();
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                foreach (KeySource source in Sources)
                {
                    // A second key fixed in the same file gets the next free name: two keys never share a setting.
                    string name = FirstFreeName(text, Base(names, source, diagnostic), source);
                    Document? changed = await KeyReplacement.TryReplaceAsync(document, diagnostic, source, name, context.CancellationToken).ConfigureAwait(false);
                    if (changed is null)
                    {
                        continue;
                    }

                    context.RegisterCodeFix(
                        CodeAction.Create(Title(source, name), _ => Task.FromResult(changed), EquivalenceKey(source)),
                        diagnostic);
                }
            }
        }

        internal static string Title(KeySource source, string name) => source switch
        {
            KeySource.Configuration => $"Read the key from configuration '{name}' (user secrets, environment variables, Key Vault…), then rotate the exposed key",
            KeySource.KeyVault => $"Read the key from Azure Key Vault secret '{name}', then rotate the exposed key",
            _ => $"Read the key from environment variable {name}, then rotate the exposed key",
        };

        internal static string EquivalenceKey(KeySource source) => source switch
        {
            KeySource.Configuration => UseConfigurationKey,
            KeySource.KeyVault => UseKeyVaultKey,
            _ => UseEnvironmentVariableKey,
        };

        internal static KeySource SourceOf(string? equivalenceKey) => equivalenceKey switch
        {
            UseConfigurationKey => KeySource.Configuration,
            UseKeyVaultKey => KeySource.KeyVault,
            _ => KeySource.EnvironmentVariable,
        };

        /// <summary>
        /// The setting a diagnostic's key is read from: the configured names, admin names for admin
        /// keys, and Azure OpenAI's conventional names for KL0007 credentials of Azure OpenAI.
        /// </summary>
        internal static string Base(KeySettingNames names, KeySource source, Diagnostic diagnostic)
        {
            bool isAzure = diagnostic.Properties.TryGetValue(HardcodedCredentialAnalyzer.ServiceProperty, out string? service)
                && service == HardcodedCredentialAnalyzer.AzureService;
            if (isAzure)
            {
                return source switch
                {
                    KeySource.Configuration => "AzureOpenAI:ApiKey",
                    KeySource.KeyVault => "azure-openai-api-key",
                    _ => "AZURE_OPENAI_API_KEY",
                };
            }

            return Base(names, source, KindOf(diagnostic));
        }

        internal static string Base(KeySettingNames names, KeySource source, OpenAIKeyKind kind) => source switch
        {
            KeySource.Configuration => names.ConfigurationKeyFor(kind),
            KeySource.KeyVault => names.KeyVaultSecretNameFor(kind),
            _ => names.EnvironmentVariableFor(kind),
        };

        internal static char NumberSeparator(KeySource source) => source switch
        {
            KeySource.EnvironmentVariable => '_',
            KeySource.KeyVault => '-',
            _ => '\0',
        };

        internal static OpenAIKeyKind KindOf(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(KeyDiagnosticProperties.KeyKind, out string? value) && Enum.TryParse(value, out OpenAIKeyKind kind)
                ? kind
                : diagnostic.Id == RuleIdentifiers.HardcodedAdminKey ? OpenAIKeyKind.Admin : OpenAIKeyKind.Project;

        /// <summary>The first of Name, Name2, Name3… not already written as a string in <paramref name="text"/>.</summary>
        internal static string FirstFreeName(string text, string baseName, KeySource source)
        {
            for (int number = 1; ; number++)
            {
                string candidate = KeySettingNames.Numbered(baseName, number, NumberSeparator(source));
                if (text.IndexOf("\"" + candidate + "\"", StringComparison.Ordinal) < 0)
                {
                    return candidate;
                }
            }
        }
    }
}
