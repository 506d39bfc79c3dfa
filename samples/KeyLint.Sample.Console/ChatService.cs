using System;

namespace KeyLint.Sample
{
    /// <summary>A stand-in for an OpenAI client, so the sample needs no package.</summary>
    public sealed class ChatService
    {
        // KL0002: a service-account key in a constant (FakeKeys.ServiceAccount(seed: 502)).
        private const string ServiceAccountKey = "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";

        // KL0004: a legacy user key inside a longer header value (FakeKeys.LegacyUser(seed: 504)).
        public static readonly string AuthorizationHeader = "Authorization: Bearer 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";

        private readonly string _apiKey;

        public ChatService(string apiKey)
        {
            _apiKey = apiKey;
        }

        public string Describe() => $"key of {_apiKey.Length} characters; fallback of {ServiceAccountKey.Length}";
    }

    /// <summary>Azure OpenAI settings, the way a quick experiment writes them.</summary>
    public static class AzureSettings
    {
        // KL0008: an Azure OpenAI key (FakeAzureKeys.Create(seed: 506)).
        public static string ApiKey() => "9y9Ioi00v3ilOJqSq3MD52dCCsOV5sZPRQbRsvWXO30V8JZEPqWbJQQJ99BCGB47Lw6vJUu2AAABACOG75ma";

        // KL0008 in a comment (FakeAzureKeys.Create(seed: 507)): the key before FYQY76AqdCsEJDv2fpjUHryfIFsBQW5JrykdZifym9qeJ6mI3UXhJQQJ99BCSVhNZkFsEzQ6AAABACOG2Tkk
    }

    public static class AdminTools
    {
        // KL0005: a key left in a comment (FakeKeys.Project(seed: 505)):
        // previous key: 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

        public static string Run()
        {
            // KL0003: an admin key assembled from pieces (FakeKeys.Admin(seed: 503)).
            const string prefix = "sk-admin-";
            string adminKey = prefix + "UmH_Iz3ckDDBvFafcnjVBMLtVDnX6BbzuLFvP2peRkpI4DFp9dbmy8AHaZT3BlbkFJqEMgijoQTk_rPm-EDcjD1R-9Zdm0AxK-U2MkSxCGgowgpSO0nt5kkXkZFO";
            return adminKey.Length > 0 ? "admin tools ready" : string.Empty;
        }
    }
}
