namespace KeyLint.Analyzers
{
    /// <summary>Every rule ID KeyLint reports. IDs are public contract: never renumber or reuse one.</summary>
    public static class RuleIdentifiers
    {
        public const string HardcodedProjectKey = "KL0001";
        public const string HardcodedServiceAccountKey = "KL0002";
        public const string HardcodedAdminKey = "KL0003";
        public const string HardcodedLegacyUserKey = "KL0004";
        public const string KeyInCommentOrDisabledCode = "KL0005";
        public const string KeyInConfigurationFile = "KL0006";
        public const string HardcodedCredential = "KL0007";
        public const string HardcodedAzureKey = "KL0008";
        public const string KeyInWebAsset = "KL0009";

        public const string InvalidOption = "KL0900";

        public const string SecurityCategory = "Security";
        public const string ConfigurationCategory = "Configuration";

        /// <summary>The rule's documentation page; <c>docs/rules/KLxxxx.md</c> in the repository.</summary>
        public static string GetHelpLink(string id) => $"https://github.com/keylint/keylint/blob/main/docs/rules/{id}.md";
    }
}
