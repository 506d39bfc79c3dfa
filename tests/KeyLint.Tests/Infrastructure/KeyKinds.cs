using System.Collections.Generic;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace KeyLint.Tests
{
    /// <summary>Each kind of key a test can plant, with the diagnostic a key of that kind in code must produce.</summary>
    internal static class KeyKinds
    {
        public static readonly string[] All =
        {
            "Project", "ProjectShort", "ServiceAccount", "NamedService", "Admin", "LegacyUser", "LegacyUserLong", "None", "AzureOpenAI",
        };

        /// <summary>The service an Azure key of <see cref="FakeAzureKeys.Create"/> names in KL0008's message.</summary>
        public const string AzureService = "Azure OpenAI";

        public static IEnumerable<object[]> AllAsData()
        {
            foreach (string kind in All)
            {
                yield return new object[] { kind };
            }
        }

        public static string Key(string kind, int seed = 1) => kind switch
        {
            "Project" => FakeKeys.Project(seed),
            "ProjectShort" => FakeKeys.ProjectShort(seed),
            "ServiceAccount" => FakeKeys.ServiceAccount(seed),
            "NamedService" => FakeKeys.NamedService("my-service", seed),
            "Admin" => FakeKeys.Admin(seed),
            "LegacyUser" => FakeKeys.LegacyUser(seed),
            "LegacyUserLong" => FakeKeys.LegacyUserLong(seed),
            "None" => FakeKeys.None(seed),
            "AzureOpenAI" => FakeAzureKeys.Create(seed),
            _ => throw new System.ArgumentOutOfRangeException(nameof(kind)),
        };

        public static string Prefix(string kind) => kind switch
        {
            "Project" or "ProjectShort" => "sk-proj-",
            "ServiceAccount" => "sk-svcacct-",
            "NamedService" => "sk-my-service-",
            "Admin" => "sk-admin-",
            "None" => "sk-None-",
            "AzureOpenAI" => string.Empty,
            _ => "sk-",
        };

        /// <summary>The exact diagnostic for <paramref name="key"/> of <paramref name="kind"/> written in code.</summary>
        public static DiagnosticResult InCode(string kind, string key)
        {
            string redacted = FakeKeys.Redacted(key, Prefix(kind));
            return kind switch
            {
                "Project" or "ProjectShort" => new DiagnosticResult(KeyLintDescriptors.KL0001_HardcodedProjectKey).WithArguments(redacted),
                "ServiceAccount" => new DiagnosticResult(KeyLintDescriptors.KL0002_HardcodedServiceAccountKey).WithArguments("service-account key", redacted),
                "NamedService" => new DiagnosticResult(KeyLintDescriptors.KL0002_HardcodedServiceAccountKey).WithArguments("named service key", redacted),
                "Admin" => new DiagnosticResult(KeyLintDescriptors.KL0003_HardcodedAdminKey).WithArguments(redacted),
                "AzureOpenAI" => new DiagnosticResult(KeyLintDescriptors.KL0008_HardcodedAzureKey).WithArguments(AzureService, redacted, "hardcoded"),
                _ => new DiagnosticResult(KeyLintDescriptors.KL0004_HardcodedLegacyUserKey).WithArguments(redacted),
            };
        }

        public static string DisplayName(string kind) => kind switch
        {
            "Project" or "ProjectShort" => "project key",
            "ServiceAccount" => "service-account key",
            "NamedService" => "named service key",
            "Admin" => "admin key",
            _ => "legacy user key",
        };

        /// <summary>
        /// The exact diagnostic for a key found in <paramref name="place"/>: KL0005 for an OpenAI key.
        /// An Azure key has one rule wherever it is: KL0008, whose message says where.
        /// </summary>
        public static DiagnosticResult InComment(string kind, string key, string place)
            => kind == "AzureOpenAI"
                ? new DiagnosticResult(KeyLintDescriptors.KL0008_HardcodedAzureKey).WithArguments(AzureService, FakeKeys.Redacted(key, Prefix(kind)), "in " + place)
                : new DiagnosticResult(KeyLintDescriptors.KL0005_KeyInCommentOrDisabledCode)
                    .WithArguments(DisplayName(kind), FakeKeys.Redacted(key, Prefix(kind)), place);
    }
}
