namespace KeyLint.Scanning
{
    /// <summary>The families of secret keys the scanner recognises.</summary>
    public enum KeyKind : byte
    {
        /// <summary><c>sk-proj-…</c>: a project key, the format OpenAI issues today.</summary>
        Project,

        /// <summary><c>sk-svcacct-…</c>: a service-account key.</summary>
        ServiceAccount,

        /// <summary><c>sk-&lt;name&gt;-…</c>: an early named service key (20 + marker + 20).</summary>
        NamedService,

        /// <summary><c>sk-admin-…</c>: an organisation admin key.</summary>
        Admin,

        /// <summary><c>sk-…</c> without a prefix word: a legacy user key.</summary>
        LegacyUser,

        /// <summary><c>sk-None-…</c>: a legacy key created without a project.</summary>
        LegacyNone,

        /// <summary>
        /// An 84-character identifiable Azure AI services key (Azure OpenAI, AI Services, Cognitive
        /// Services…): <see cref="AzureKeyFormat"/>. Which service it belongs to is written in the key.
        /// </summary>
        Azure,
    }
}
