using System.Linq;
using System.Threading.Tasks;
using KeyLint.CodeFixes;
using Verify = KeyLint.Tests.KeyLintCodeFixVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer, KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider>;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>The Azure Key Vault fix: offered where a SecretClient is in reach, awaited in async code.</summary>
    public class KeyVaultCodeFixTests
    {
        private const string KeyVault = HardcodedOpenAIKeyCodeFixProvider.UseKeyVaultKey;

        [Fact]
        public async Task SecretClientField_ShouldReadTheSecret()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                using Azure.Security.KeyVault.Secrets;

                class C(SecretClient secrets)
                {
                    private readonly SecretClient _secrets = secrets;

                    public string Key() => "{|#0:{{key}}|}";
                }
                """,
                """
                using Azure.Security.KeyVault.Secrets;

                class C(SecretClient secrets)
                {
                    private readonly SecretClient _secrets = secrets;

                    public string Key() => _secrets.GetSecret("openai-api-key").Value.Value;
                }
                """,
                KeyVault,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task SecretClientParameterInAsyncMethod_ShouldAwaitTheSecret()
        {
            string key = FakeKeys.Admin();
            await Verify.VerifyFixAsync(
                $$"""
                using System.Threading.Tasks;
                using Azure.Security.KeyVault.Secrets;

                class C
                {
                    public async Task<string> KeyAsync(SecretClient client)
                    {
                        await Task.Yield();
                        return "{|#0:{{key}}|}";
                    }
                }
                """,
                """
                using System.Threading.Tasks;
                using Azure.Security.KeyVault.Secrets;

                class C
                {
                    public async Task<string> KeyAsync(SecretClient client)
                    {
                        await Task.Yield();
                        return (await client.GetSecretAsync("openai-admin-key")).Value.Value;
                    }
                }
                """,
                KeyVault,
                KeyKinds.InCode("Admin", key).WithLocation(0));
        }

        [Fact]
        public async Task NoSecretClient_ShouldNotOfferKeyVault()
        {
            var actions = await Verify.GetActionsAsync($$"""class C { public string Key() => "{{FakeKeys.Project()}}"; }""");
            Assert.DoesNotContain(KeyVault, actions.Select(a => a.EquivalenceKey));
        }
    }
}
