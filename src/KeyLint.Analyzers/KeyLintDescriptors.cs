using KeyLint.Scanning;
using Microsoft.CodeAnalysis;

namespace KeyLint.Analyzers
{
    /// <summary>The descriptors of every KeyLint rule. Messages show keys redacted, never whole.</summary>
    public static class KeyLintDescriptors
    {
        public static readonly DiagnosticDescriptor KL0001_HardcodedProjectKey = Create(
            RuleIdentifiers.HardcodedProjectKey,
            "Hardcoded OpenAI project key",
            "OpenAI project key {0} is hardcoded; read it from configuration instead and rotate it",
            "An OpenAI project key in source code is readable by everyone who can read the repository, its history and the built assembly. Read it from configuration, an environment variable or a secret store, and rotate the key: removing it from the code does not remove it from history.");

        public static readonly DiagnosticDescriptor KL0002_HardcodedServiceAccountKey = Create(
            RuleIdentifiers.HardcodedServiceAccountKey,
            "Hardcoded OpenAI service-account key",
            "OpenAI {0} {1} is hardcoded; read it from configuration instead and rotate it",
            "A service-account key usually runs production workloads. In source code it is readable by everyone who can read the repository, its history and the built assembly. Read it from configuration, an environment variable or a secret store, and rotate the key.");

        public static readonly DiagnosticDescriptor KL0003_HardcodedAdminKey = Create(
            RuleIdentifiers.HardcodedAdminKey,
            "Hardcoded OpenAI admin key",
            "OpenAI admin key {0} is hardcoded; it can manage the whole organisation: revoke it now and keep admin keys out of code",
            "An admin key manages users, projects and keys of the whole organisation. It does not belong in application code at all: revoke it, create a new one, and keep it in a secret store used only by administration tooling.");

        public static readonly DiagnosticDescriptor KL0004_HardcodedLegacyUserKey = Create(
            RuleIdentifiers.HardcodedLegacyUserKey,
            "Hardcoded legacy OpenAI user key",
            "Legacy OpenAI user key {0} is hardcoded; rotate it, and replace this legacy format with a project or service-account key read from configuration",
            "A legacy user key (sk-… or sk-None-…) is tied to a person rather than a project and cannot be scoped. In source code it is readable by everyone who can read the repository. Rotate it, and replace it with a project or service-account key read from configuration.");

        public static readonly DiagnosticDescriptor KL0005_KeyInCommentOrDisabledCode = Create(
            RuleIdentifiers.KeyInCommentOrDisabledCode,
            "OpenAI key in a comment or disabled code",
            "OpenAI {0} {1} is in {2}; delete it and rotate the key: comments and disabled code are committed like any other code",
            "A key in a comment, an XML documentation comment, a preprocessor directive or code disabled by #if is not used by the program, but it is in the repository all the same. Delete it and rotate the key.");

        public static readonly DiagnosticDescriptor KL0006_KeyInConfigurationFile = Create(
            RuleIdentifiers.KeyInConfigurationFile,
            "OpenAI key in a file the project commits",
            "OpenAI {0} {1} is in {2}; {3}, and rotate it",
            "Configuration files (appsettings*.json, launchSettings.json, .env, local.settings.json, app.config, web.config), HTTP request files, MSBuild files, YAML pipelines and manifests, and notebooks are committed with the project, and several are copied to build output. Keep secrets out of them: user secrets or environment variables during development, a secret store or the pipeline's secrets elsewhere; and rotate a key that was committed.");

        public static readonly DiagnosticDescriptor KL0007_HardcodedCredential = Create(
            RuleIdentifiers.HardcodedCredential,
            "Hardcoded credential passed to an OpenAI client",
            "A constant string is the credential of {0}; read it from configuration instead, and rotate it if it is a real key",
            "Whatever its shape — an Azure OpenAI key, a key of a future format, a shortened key or a placeholder — a constant that reaches an OpenAI client's credential is a hardcoded credential. Read it from configuration, a secret store or an environment variable.");

        public static readonly DiagnosticDescriptor KL0008_HardcodedAzureKey = Create(
            RuleIdentifiers.HardcodedAzureKey,
            "Azure OpenAI or Azure AI services key in code or configuration",
            "{0} key {1} is {2}; regenerate it in the Azure portal, and read it from configuration or a secret store, or use Microsoft Entra ID instead of keys",
            "An 84-character identifiable Azure AI services key (Azure OpenAI, AI Services, Cognitive Services and the other Azure AI services) in source code, a comment or a configuration file is readable by everyone who can read the repository, its history and the build output. Regenerate it (Keys and Endpoint in the Azure portal), read the new one from configuration or Key Vault, or better, authenticate with Microsoft Entra ID (DefaultAzureCredential) and disable local keys.");

        public static readonly DiagnosticDescriptor KL0009_KeyInWebAsset = Create(
            RuleIdentifiers.KeyInWebAsset,
            "Secret key in a file served to browsers",
            "{0} {1} is in {2}, which is sent to every visitor's browser; call the API from the server instead, and rotate the key",
            "A file under wwwroot (scripts, pages, JSON such as a Blazor WebAssembly appsettings.json) is served as it is to everyone who opens the site: a key in it is public the moment the site is deployed, whatever the repository's visibility. Keys belong on the server: call OpenAI from a server endpoint (or hand the browser a short-lived token), and rotate the key.",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor KL0900_InvalidOption = new DiagnosticDescriptor(
            RuleIdentifiers.InvalidOption,
            "Invalid KeyLint option",
            "The .editorconfig option '{0}' has the value '{1}', which is not {2}; KeyLint uses the default instead",
            RuleIdentifiers.ConfigurationCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A KeyLint option in .editorconfig has a value KeyLint cannot use. KeyLint falls back to the default (a name the fixes write, or whether a file is test code) until it is corrected.",
            helpLinkUri: RuleIdentifiers.GetHelpLink(RuleIdentifiers.InvalidOption));

        private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string description, DiagnosticSeverity severity = DiagnosticSeverity.Warning)
            => new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                RuleIdentifiers.SecurityCategory,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: RuleIdentifiers.GetHelpLink(id));

        /// <summary>The rule for a key of <paramref name="kind"/> written in code (for an Azure key, wherever it is written).</summary>
        public static DiagnosticDescriptor ForKeyInCode(KeyKind kind) => kind switch
        {
            KeyKind.Project => KL0001_HardcodedProjectKey,
            KeyKind.ServiceAccount or KeyKind.NamedService => KL0002_HardcodedServiceAccountKey,
            KeyKind.Admin => KL0003_HardcodedAdminKey,
            KeyKind.Azure => KL0008_HardcodedAzureKey,
            _ => KL0004_HardcodedLegacyUserKey,
        };

        /// <summary>How a message names a kind of key ("project key", "service-account key", …).</summary>
        public static string DisplayName(KeyKind kind) => kind switch
        {
            KeyKind.Project => "project key",
            KeyKind.ServiceAccount => "service-account key",
            KeyKind.NamedService => "named service key",
            KeyKind.Admin => "admin key",
            KeyKind.LegacyNone => "legacy user key",
            KeyKind.Azure => "Azure AI services key",
            _ => "legacy user key",
        };
    }
}
