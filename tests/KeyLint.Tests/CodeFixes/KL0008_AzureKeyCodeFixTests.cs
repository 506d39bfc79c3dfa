using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.CodeFixes;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Testing;
using Verify = KeyLint.Tests.KeyLintCodeFixVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer, KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider>;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>
    /// KL0008's fixes: in code, the three reads of KL0001 with the Azure names (<c>AzureOpenAI:ApiKey</c>,
    /// <c>AZURE_OPENAI_API_KEY</c>, <c>azure-openai-api-key</c>, or the <c>keylint.azure_*</c> options);
    /// in a comment, the redaction. Exact fixed code, Fix All included. Keys: <see cref="FakeAzureKeys"/>, seeds 851–870.
    /// </summary>
    public class KL0008_AzureKeyCodeFixTests
    {
        private const string Configuration = HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey;
        private const string Environment = HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey;
        private const string KeyVault = HardcodedOpenAIKeyCodeFixProvider.UseKeyVaultKey;

        private static DiagnosticResult InCode(string key) => KeyKinds.InCode("AzureOpenAI", key);

        [Fact]
        public async Task Configuration_ShouldReadTheAzureName()
        {
            string key = FakeAzureKeys.Create(851);
            await Verify.VerifyFixAsync(
                $$"""
                using Microsoft.Extensions.Configuration;

                class C(IConfiguration configuration)
                {
                    private readonly IConfiguration _configuration = configuration;

                    public string Key() => "{|#0:{{key}}|}";
                }
                """,
                """
                using System;
                using Microsoft.Extensions.Configuration;

                class C(IConfiguration configuration)
                {
                    private readonly IConfiguration _configuration = configuration;

                    public string Key() => _configuration["AzureOpenAI:ApiKey"] ?? throw new InvalidOperationException("The configuration value 'AzureOpenAI:ApiKey' is not set.");
                }
                """,
                Configuration,
                InCode(key).WithLocation(0));
        }

        [Fact]
        public async Task EnvironmentVariable_ShouldReadTheAzureName()
        {
            string key = FakeAzureKeys.Create(852);
            await Verify.VerifyFixAsync(
                $$"""
                class C
                {
                    public string? Key = "{|#0:{{key}}|}";
                }
                """,
                """
                using System;

                class C
                {
                    public string? Key = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY");
                }
                """,
                Environment,
                InCode(key).WithLocation(0));
        }

        [Fact]
        public async Task KeyVault_ShouldReadTheAzureSecret()
        {
            string key = FakeAzureKeys.Create(853);
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

                    public string Key() => _secrets.GetSecret("azure-openai-api-key").Value.Value;
                }
                """,
                KeyVault,
                InCode(key).WithLocation(0));
        }

        [Fact]
        public async Task AssembledFromConstPieces_ShouldReadTheKeyAndRemoveThePieces()
        {
            string key = FakeAzureKeys.Create(854);
            await Verify.VerifyFixAsync(
                $$"""
                class C
                {
                    private const string Head = "{{key.Substring(0, 52)}}";
                    public string? Key = {|#0:Head + "{{key.Substring(52)}}"|};
                }
                """,
                """
                using System;

                class C
                {
                    public string? Key = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY");
                }
                """,
                Environment,
                InCode(key).WithLocation(0));
        }

        [Fact]
        public async Task AzureAndOpenAIKeysInOneFile_ShouldEachReadTheirOwnName_AndTwoAzureKeysAreNumbered()
        {
            string azure = FakeAzureKeys.Create(855), otherAzure = FakeAzureKeys.Create(856, FakeAzureKeys.Speech), openAI = FakeKeys.Project(857);
            await Verify.VerifyFixAsync(
                $$"""
                class C
                {
                    public string? A = "{|#0:{{azure}}|}";
                    public string? O = "{|#1:{{openAI}}|}";
                    public string? S = "{|#2:{{otherAzure}}|}";
                    public string? Again = "{|#3:{{azure}}|}";
                }
                """,
                // One light bulb after another: the first copy of a key is gone when its second is fixed,
                // so the second takes the next free name (README, "Setting names").
                """
                using System;

                class C
                {
                    public string? A = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY");
                    public string? O = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                    public string? S = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY_2");
                    public string? Again = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY_3");
                }
                """,
                // Fix All: one key, one setting.
                """
                using System;

                class C
                {
                    public string? A = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY");
                    public string? O = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                    public string? S = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY_2");
                    public string? Again = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY");
                }
                """,
                Environment,
                InCode(azure).WithLocation(0),
                KeyKinds.InCode("Project", openAI).WithLocation(1),
                KeyKinds.InCode("AzureOpenAI", otherAzure).WithArguments("Azure Speech", FakeKeys.Redacted(otherAzure, string.Empty), "hardcoded").WithLocation(2),
                InCode(azure).WithLocation(3));
        }

        [Fact]
        public async Task Options_ShouldNameTheAzureReads_AndLeaveTheOpenAINamesAlone()
        {
            string azure = FakeAzureKeys.Create(858), openAI = FakeKeys.Project(859);
            string source = $$"""
                using Azure.Security.KeyVault.Secrets;
                using Microsoft.Extensions.Configuration;

                class C(IConfiguration configuration, SecretClient secrets)
                {
                    private readonly IConfiguration _configuration = configuration;
                    private readonly SecretClient _secrets = secrets;

                    public string? A() => "{{azure}}";
                    public string? O() => "{{openAI}}";
                }
                """;
            IReadOnlyList<CodeAction> actions = await Verify.GetActionsAsync(
                source,
                editorConfig: "root = true\n[*.cs]\nkeylint.azure_configuration_key = Azure:Foundry:Key\nkeylint.azure_environment_variable = FOUNDRY_KEY\nkeylint.azure_key_vault_secret_name = foundry-key\n");
            Assert.Equal(
                new[]
                {
                    "Read the key from configuration 'Azure:Foundry:Key' (user secrets, environment variables, Key Vault…), then rotate the exposed key",
                    "Read the key from Azure Key Vault secret 'foundry-key', then rotate the exposed key",
                    "Read the key from environment variable FOUNDRY_KEY, then rotate the exposed key",
                    "Read the key from configuration 'OpenAI:ApiKey' (user secrets, environment variables, Key Vault…), then rotate the exposed key",
                    "Read the key from Azure Key Vault secret 'openai-api-key', then rotate the exposed key",
                    "Read the key from environment variable OPENAI_API_KEY, then rotate the exposed key",
                },
                actions.Select(a => a.Title).ToArray());
        }

        [Fact]
        public async Task InAComment_ShouldBeRedacted()
        {
            string key = FakeAzureKeys.Create(860);
            string redacted = FakeKeys.Redacted(key, string.Empty);
            await Verify.VerifyFixAsync(
                $$"""
                class C
                {
                    // AZURE_OPENAI_API_KEY={|#0:{{key}}|} (old)
                }
                """,
                $$"""
                class C
                {
                    // AZURE_OPENAI_API_KEY={{redacted}} (old)
                }
                """,
                RedactKeyInCommentCodeFixProvider.RedactKey,
                KeyKinds.InComment("AzureOpenAI", key, "a comment").WithLocation(0));
        }

        [Fact]
        public async Task InCodeAndComments_FixAll_ShouldReadAndRedactInOnePass()
        {
            string inCode = FakeAzureKeys.Create(861), inComment = FakeAzureKeys.Create(862), inDisabled = FakeAzureKeys.Create(863);
            string source = $$"""
                class C
                {
                    // was {|#0:{{inComment}}|}
                    public string? Key = "{|#1:{{inCode}}|}";
                #if NEVER
                    public string? Old = "{|#2:{{inDisabled}}|}";
                #endif
                }
                """;
            string allFixed = $$"""
                using System;

                class C
                {
                    // was {{FakeKeys.Redacted(inComment, string.Empty)}}
                    public string? Key = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY");
                #if NEVER
                    public string? Old = "{{FakeKeys.Redacted(inDisabled, string.Empty)}}";
                #endif
                }
                """;

            // The light bulb fixes the key in code (the one diagnostic with this action); Fix All reads it and redacts the rest.
            var test = new Verify.Test
            {
                TestCode = source,
                FixedCode = "using System;\n\n" + Unmarked(source).Replace("\"" + inCode + "\"", "Environment.GetEnvironmentVariable(\"AZURE_OPENAI_API_KEY\")"),
                BatchFixedCode = allFixed,
                CodeActionEquivalenceKey = Environment,
            };
            test.FixedState.ExpectedDiagnostics.Add(KeyKinds.InComment("AzureOpenAI", inComment, "a comment").WithSpan(5, 12, 5, 96));
            test.FixedState.ExpectedDiagnostics.Add(KeyKinds.InComment("AzureOpenAI", inDisabled, "disabled code").WithSpan(8, 27, 8, 111));
            test.ExpectedDiagnostics.Add(KeyKinds.InComment("AzureOpenAI", inComment, "a comment").WithLocation(0));
            test.ExpectedDiagnostics.Add(InCode(inCode).WithLocation(1));
            test.ExpectedDiagnostics.Add(KeyKinds.InComment("AzureOpenAI", inDisabled, "disabled code").WithLocation(2));
            await test.RunAsync();
        }

        private static string Unmarked(string markup) => System.Text.RegularExpressions.Regex.Replace(markup, @"\{\|#\d+:|\|\}", string.Empty);
    }
}
