using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Testing;
using Verify = KeyLint.Tests.KeyLintCodeFixVerifier<KeyLint.Analyzers.HardcodedCredentialAnalyzer, KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider>;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>
    /// KL0007's fixes: the same reads as KL0001–KL0004 (configuration, environment variable, Key Vault),
    /// Azure OpenAI names for Azure credentials; exact fixed code, compiled with warnings checked, Fix All included.
    /// The credentials are obvious non-keys: KL0007 reports any constant, whatever it looks like.
    /// </summary>
    public class KL0007_CredentialCodeFixTests
    {
        private const string Configuration = HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey;
        private const string Environment = HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey;
        private const string KeyVault = HardcodedOpenAIKeyCodeFixProvider.UseKeyVaultKey;

        private static Task VerifyFixAsync(string source, string fixedSource, string equivalenceKey, params DiagnosticResult[] expected)
            => VerifyFixAsync(source, fixedSource, fixedSource, equivalenceKey, expected);

        /// <summary>The shared fix verifier, with the real OpenAI client libraries referenced.</summary>
        private static Task VerifyFixAsync(string source, string fixedSource, string batchFixedSource, string equivalenceKey, params DiagnosticResult[] expected)
            => VerifyFixAsync(KeyLintCodeFixVerifier.ClientLibraryReferences, source, fixedSource, batchFixedSource, equivalenceKey, expected);

        /// <summary>Against OpenAI 1.11.0 (OpenAI-API-dotnet) and Azure.AI.OpenAI 1.0.0-beta.6 instead of the current packages.</summary>
        private static Task VerifyOlderFixAsync(string source, string fixedSource, string equivalenceKey, params DiagnosticResult[] expected)
            => VerifyFixAsync(KeyLintCodeFixVerifier.OlderClientLibraryReferences, source, fixedSource, fixedSource, equivalenceKey, expected);

        private static Task VerifyFixAsync(IEnumerable<MetadataReference> references, string source, string fixedSource, string batchFixedSource, string equivalenceKey, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                BatchFixedCode = batchFixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            test.TestState.AdditionalReferences.AddRange(references);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static DiagnosticResult Credential(int location, string what)
            => new DiagnosticResult(KeyLintDescriptors.KL0007_HardcodedCredential).WithLocation(location).WithArguments(what);

        /// <summary>The equivalence keys offered for the one KL0007 diagnostic of <paramref name="source"/>.</summary>
        private static async Task<string[]> OfferedAsync(string source)
        {
            Document document = KeyLintCodeFixVerifier.CreateDocument(source, references: KeyLintCodeFixVerifier.ClientLibraryReferences);
            Assert.Single(await Verify.AnalyzeAsync(document), d => d.Id == RuleIdentifiers.HardcodedCredential);
            IReadOnlyList<CodeAction> actions = await Verify.GetActionsAsync(source, references: KeyLintCodeFixVerifier.ClientLibraryReferences);
            return actions.Select(a => a.EquivalenceKey!).ToArray();
        }

        /// <summary>The OpenAI SDK's apiKey parameter is not nullable-annotated: the plain read compiles with no warning.</summary>
        [Fact]
        public async Task OpenAIClientArgument_EnvironmentVariable_ShouldNotThrowWhereTheParameterIsNotAnnotated()
        {
            await VerifyFixAsync(
                """
                using System;

                class C
                {
                    public OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient({|#0:"my-placeholder-key"|});
                }
                """,
                """
                using System;

                class C
                {
                    public OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "OpenAIClient (apiKey)"));
        }

        [Fact]
        public async Task TargetTypedReturnedClient_EnvironmentVariable_ShouldReadTheVariable()
        {
            await VerifyFixAsync(
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    public ChatClient Create() => new("gpt-4o", {|#0:"my-placeholder-key"|});
                }
                """,
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    public ChatClient Create() => new("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "ChatClient (apiKey)"));
        }

        [Fact]
        public async Task LocalClientWithConfigurationParameter_Configuration_ShouldReadConfiguration()
        {
            await VerifyFixAsync(
                """
                using Microsoft.Extensions.Configuration;
                using OpenAI.Chat;

                class C
                {
                    ChatClient Create(IConfiguration configuration)
                    {
                        var chat = new ChatClient("gpt-4o", {|#0:"my-placeholder-credential"|});
                        return chat;
                    }
                }
                """,
                """
                using Microsoft.Extensions.Configuration;
                using OpenAI.Chat;

                class C
                {
                    ChatClient Create(IConfiguration configuration)
                    {
                        var chat = new ChatClient("gpt-4o", configuration["OpenAI:ApiKey"]);
                        return chat;
                    }
                }
                """,
                Configuration,
                Credential(0, "ChatClient (apiKey)"));
        }

        [Fact]
        public async Task NamedArgumentWithConfigurationField_Configuration_ShouldReadField()
        {
            await VerifyFixAsync(
                """
                using Microsoft.Extensions.Configuration;
                using OpenAI.Chat;

                class C(IConfiguration config)
                {
                    private readonly IConfiguration _configuration = config;

                    public ChatClient Create() => new ChatClient(apiKey: {|#0:"my-placeholder-credential"|}, model: "gpt-4o");
                }
                """,
                """
                using Microsoft.Extensions.Configuration;
                using OpenAI.Chat;

                class C(IConfiguration config)
                {
                    private readonly IConfiguration _configuration = config;

                    public ChatClient Create() => new ChatClient(apiKey: _configuration["OpenAI:ApiKey"], model: "gpt-4o");
                }
                """,
                Configuration,
                Credential(0, "ChatClient (apiKey)"));
        }

        /// <summary>ApiKeyCredential's key is a non-nullable string: the read ends in "?? throw".</summary>
        [Fact]
        public async Task ApiKeyCredential_EnvironmentVariable_ShouldAddUsingAndThrowWhenMissing()
        {
            await VerifyFixAsync(
                """
                using System.ClientModel;
                using OpenAI;

                class C
                {
                    public OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential({|#0:"my-placeholder-credential"|}));
                }
                """,
                """
                using System;
                using System.ClientModel;
                using OpenAI;

                class C
                {
                    public OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set.")));
                }
                """,
                Environment,
                Credential(0, "ApiKeyCredential (key)"));
        }

        [Fact]
        public async Task AzureKeyCredential_EnvironmentVariable_ShouldReadTheAzureVariable()
        {
            await VerifyFixAsync(
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;

                class C
                {
                    public AzureOpenAIClient Create() => new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), new AzureKeyCredential({|#0:"0123456789abcdef0123456789abcdef"|}));
                }
                """,
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;

                class C
                {
                    public AzureOpenAIClient Create() => new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable AZURE_OPENAI_API_KEY is not set.")));
                }
                """,
                Environment,
                Credential(0, "AzureKeyCredential for AzureOpenAIClient (key)"));
        }

        [Fact]
        public async Task ApiKeyCredentialForAzureOpenAIClient_EnvironmentVariable_ShouldReadTheAzureVariable()
        {
            await VerifyFixAsync(
                """
                using System;
                using System.ClientModel;
                using Azure.AI.OpenAI;

                class C
                {
                    public AzureOpenAIClient Create() => new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), new ApiKeyCredential({|#0:"0123456789abcdef0123456789abcdef"|}));
                }
                """,
                """
                using System;
                using System.ClientModel;
                using Azure.AI.OpenAI;

                class C
                {
                    public AzureOpenAIClient Create() => new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), new ApiKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable AZURE_OPENAI_API_KEY is not set.")));
                }
                """,
                Environment,
                Credential(0, "ApiKeyCredential (key)"));
        }

        [Fact]
        public async Task AzureKeyCredentialFromLocal_ShouldUseAzureNamesAndDropTheLocal()
        {
            await VerifyFixAsync(
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;
                using Microsoft.Extensions.Configuration;

                class C
                {
                    public AzureOpenAIClient Create(IConfiguration configuration)
                    {
                        var key = "0123456789abcdef0123456789abcdef";
                        return new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), new AzureKeyCredential({|#0:key|}));
                    }
                }
                """,
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;
                using Microsoft.Extensions.Configuration;

                class C
                {
                    public AzureOpenAIClient Create(IConfiguration configuration)
                    {
                        return new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), new AzureKeyCredential(configuration["AzureOpenAI:ApiKey"] ?? throw new InvalidOperationException("The configuration value 'AzureOpenAI:ApiKey' is not set.")));
                    }
                }
                """,
                Configuration,
                Credential(0, "AzureKeyCredential for AzureOpenAIClient (key)"));
        }

        [Fact]
        public async Task AzureKeyCredentialWithSecretClientField_KeyVault_ShouldReadTheAzureSecret()
        {
            await VerifyFixAsync(
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;
                using Azure.Security.KeyVault.Secrets;

                class C(SecretClient secrets)
                {
                    private readonly SecretClient _secrets = secrets;

                    public AzureOpenAIClient Create() => new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), new AzureKeyCredential({|#0:"0123456789abcdef0123456789abcdef"|}));
                }
                """,
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;
                using Azure.Security.KeyVault.Secrets;

                class C(SecretClient secrets)
                {
                    private readonly SecretClient _secrets = secrets;

                    public AzureOpenAIClient Create() => new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), new AzureKeyCredential(_secrets.GetSecret("azure-openai-api-key").Value.Value));
                }
                """,
                KeyVault,
                Credential(0, "AzureKeyCredential for AzureOpenAIClient (key)"));
        }

        [Fact]
        public async Task SecretClientParameterInAsyncMethod_KeyVault_ShouldAwaitTheSecret()
        {
            await VerifyFixAsync(
                """
                using System.Threading.Tasks;
                using Azure.Security.KeyVault.Secrets;
                using OpenAI.Chat;

                class C
                {
                    public async Task<ChatClient> CreateAsync(SecretClient client)
                    {
                        await Task.Yield();
                        return new ChatClient("gpt-4o", {|#0:"my-placeholder-credential"|});
                    }
                }
                """,
                """
                using System.Threading.Tasks;
                using Azure.Security.KeyVault.Secrets;
                using OpenAI.Chat;

                class C
                {
                    public async Task<ChatClient> CreateAsync(SecretClient client)
                    {
                        await Task.Yield();
                        return new ChatClient("gpt-4o", (await client.GetSecretAsync("openai-api-key")).Value.Value);
                    }
                }
                """,
                KeyVault,
                Credential(0, "ChatClient (apiKey)"));
        }

        /// <summary>KL0007 reports the argument, not the const: the const read only there goes with it (KL0001 would make it static readonly).</summary>
        [Fact]
        public async Task PrivateConstFieldReadOnlyByTheClient_ShouldBeRemoved()
        {
            await VerifyFixAsync(
                """
                using OpenAI.Chat;

                class C
                {
                    private const string ApiKey = "my-placeholder-credential";

                    public ChatClient Create() => new ChatClient("gpt-4o", {|#0:ApiKey|});
                }
                """,
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    public ChatClient Create() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "ChatClient (apiKey)"));
        }

        [Fact]
        public async Task RemovedConstWithDocumentationAndComment_ShouldDropItsDocumentationAndKeepTheComment()
        {
            await VerifyFixAsync(
                """
                using OpenAI.Chat;

                class C
                {
                    // Rotated on 2026-01-01.
                    /// <summary>The credential.</summary>
                    private const string ApiKey = "my-placeholder-credential";

                    /// <summary>Makes a client.</summary>
                    public ChatClient Create() => new ChatClient("gpt-4o", {|#0:ApiKey|});
                }
                """,
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    // Rotated on 2026-01-01.
                    /// <summary>Makes a client.</summary>
                    public ChatClient Create() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "ChatClient (apiKey)"));
        }

        [Fact]
        public async Task PrivateStaticReadonlyFieldReadOnlyByTheClient_ShouldBeRemoved()
        {
            await VerifyFixAsync(
                """
                using OpenAI.Chat;

                class C
                {
                    private static readonly string ApiKey = "my-placeholder-credential";

                    public ChatClient Create() => new ChatClient("gpt-4o", {|#0:ApiKey|});
                }
                """,
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    public ChatClient Create() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "ChatClient (apiKey)"));
        }

        [Fact]
        public async Task ConstLocalReadOnlyByTheClient_ShouldBeRemoved()
        {
            await VerifyFixAsync(
                """
                using OpenAI.Chat;

                class C
                {
                    public ChatClient Create()
                    {
                        const string apiKey = "my-placeholder-credential";
                        return new ChatClient("gpt-4o", {|#0:apiKey|});
                    }
                }
                """,
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    public ChatClient Create()
                    {
                        return new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                    }
                }
                """,
                Environment,
                Credential(0, "ChatClient (apiKey)"));
        }

        /// <summary>The attribute needs the const: it stays, and only the client's argument is replaced.</summary>
        [Fact]
        public async Task ConstAlsoUsedWhereAConstantIsRequired_ShouldStayAndOnlyTheArgumentIsReplaced()
        {
            await VerifyFixAsync(
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    private const string ApiKey = "my-placeholder-credential";

                    [Obsolete(ApiKey)]
                    public void Old() { }

                    public ChatClient Create() => new ChatClient("gpt-4o", {|#0:ApiKey|});
                }
                """,
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    private const string ApiKey = "my-placeholder-credential";

                    [Obsolete(ApiKey)]
                    public void Old() { }

                    public ChatClient Create() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "ChatClient (apiKey)"));
        }

        [Fact]
        public async Task ConcatenatedConstant_ShouldReplaceTheWholeExpressionAndDropItsPiece()
        {
            await VerifyFixAsync(
                """
                using OpenAI.Chat;

                class C
                {
                    private const string Part = "0123456789abcdef";

                    public ChatClient Create() => new ChatClient("gpt-4o", {|#0:Part + "fedcba9876543210"|});
                }
                """,
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    public ChatClient Create() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "ChatClient (apiKey)"));
        }

        [Fact]
        public async Task ClientInFieldInitializer_EnvironmentVariable_ShouldReadTheVariable()
        {
            await VerifyFixAsync(
                """
                using OpenAI.Chat;

                class C
                {
                    private readonly ChatClient _chat = new("gpt-4o", {|#0:"my-placeholder-credential"|});

                    public ChatClient Chat => _chat;
                }
                """,
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    private readonly ChatClient _chat = new("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

                    public ChatClient Chat => _chat;
                }
                """,
                Environment,
                Credential(0, "ChatClient (apiKey)"));
        }

        [Fact]
        public async Task BetalgoApiKeyProperty_EnvironmentVariable_ShouldThrowWhenMissing()
        {
            await VerifyFixAsync(
                """
                using Betalgo.Ranul.OpenAI;

                class C
                {
                    public OpenAIOptions Options() => new OpenAIOptions { ApiKey = {|#0:"my-placeholder-credential"|} };
                }
                """,
                """
                using System;
                using Betalgo.Ranul.OpenAI;

                class C
                {
                    public OpenAIOptions Options() => new OpenAIOptions { ApiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set.") };
                }
                """,
                Environment,
                Credential(0, "OpenAIOptions.ApiKey"));
        }

        [Fact]
        public async Task SemanticKernelConnector_EnvironmentVariable_ShouldThrowWhenMissing()
        {
            await VerifyFixAsync(
                """
                using Microsoft.SemanticKernel;

                class C
                {
                    public Kernel Create() => Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", {|#0:"my-placeholder-credential"|}).Build();
                }
                """,
                """
                using System;
                using Microsoft.SemanticKernel;

                class C
                {
                    public Kernel Create() => Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set.")).Build();
                }
                """,
                Environment,
                Credential(0, "AddOpenAIChatCompletion (apiKey)"));
        }

        [Fact]
        public async Task SemanticKernelService_EnvironmentVariable_ShouldReadTheVariable()
        {
            await VerifyFixAsync(
                """
                using Microsoft.SemanticKernel.Connectors.OpenAI;

                class C
                {
                    public OpenAIChatCompletionService Create() => new OpenAIChatCompletionService("gpt-4o", {|#0:"my-secret-credential"|});
                }
                """,
                """
                using System;
                using Microsoft.SemanticKernel.Connectors.OpenAI;

                class C
                {
                    public OpenAIChatCompletionService Create() => new OpenAIChatCompletionService("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set."));
                }
                """,
                Environment,
                Credential(0, "OpenAIChatCompletionService (apiKey)"));
        }

        [Fact]
        public async Task SemanticKernelAzureService_Configuration_ShouldReadTheAzureKey()
        {
            await VerifyFixAsync(
                """
                using Microsoft.Extensions.Configuration;
                using Microsoft.SemanticKernel.Connectors.AzureOpenAI;

                class C
                {
                    public AzureOpenAIChatCompletionService Create(IConfiguration configuration)
                        => new AzureOpenAIChatCompletionService("chat", "https://example.openai.azure.com", {|#0:"my-secret-credential"|});
                }
                """,
                """
                using System;
                using Microsoft.Extensions.Configuration;
                using Microsoft.SemanticKernel.Connectors.AzureOpenAI;

                class C
                {
                    public AzureOpenAIChatCompletionService Create(IConfiguration configuration)
                        => new AzureOpenAIChatCompletionService("chat", "https://example.openai.azure.com", configuration["AzureOpenAI:ApiKey"] ?? throw new InvalidOperationException("The configuration value 'AzureOpenAI:ApiKey' is not set."));
                }
                """,
                Configuration,
                Credential(0, "AzureOpenAIChatCompletionService (apiKey)"));
        }

        [Fact]
        public async Task ApiKeyCredentialUpdate_EnvironmentVariable_ShouldThrowWhenMissing()
        {
            await VerifyFixAsync(
                """
                using System.ClientModel;

                class C(ApiKeyCredential credential)
                {
                    public void Rotate() => credential.Update({|#0:"my-rotated-credential"|});
                }
                """,
                """
                using System;
                using System.ClientModel;

                class C(ApiKeyCredential credential)
                {
                    public void Rotate() => credential.Update(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set."));
                }
                """,
                Environment,
                Credential(0, "ApiKeyCredential.Update (key)"));
        }

        [Fact]
        public async Task AzureKeyCredentialUpdate_EnvironmentVariable_ShouldReadTheAzureVariable()
        {
            await VerifyFixAsync(
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;

                class C
                {
                    public AzureOpenAIClient Create(AzureKeyCredential credential)
                    {
                        credential.Update({|#0:"my-rotated-credential"|});
                        return new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), credential);
                    }
                }
                """,
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;

                class C
                {
                    public AzureOpenAIClient Create(AzureKeyCredential credential)
                    {
                        credential.Update(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable AZURE_OPENAI_API_KEY is not set."));
                        return new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), credential);
                    }
                }
                """,
                Environment,
                Credential(0, "AzureKeyCredential.Update for AzureOpenAIClient (key)"));
        }

        /// <summary>The credential is held by a local that the client takes: the local keeps its place, its value is read.</summary>
        [Fact]
        public async Task AzureKeyCredentialInALocal_Configuration_ShouldReadTheAzureKey()
        {
            await VerifyFixAsync(
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;
                using Microsoft.Extensions.Configuration;

                class C
                {
                    public AzureOpenAIClient Create(IConfiguration configuration)
                    {
                        var credential = new AzureKeyCredential({|#0:"my-secret-credential"|});
                        return new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), credential);
                    }
                }
                """,
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;
                using Microsoft.Extensions.Configuration;

                class C
                {
                    public AzureOpenAIClient Create(IConfiguration configuration)
                    {
                        var credential = new AzureKeyCredential(configuration["AzureOpenAI:ApiKey"] ?? throw new InvalidOperationException("The configuration value 'AzureOpenAI:ApiKey' is not set."));
                        return new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), credential);
                    }
                }
                """,
                Configuration,
                Credential(0, "AzureKeyCredential for AzureOpenAIClient (key)"));
        }

        [Fact]
        public async Task AzureAIInferenceClient_KeyVault_ShouldReadTheAzureSecret()
        {
            await VerifyFixAsync(
                """
                using System;
                using Azure;
                using Azure.AI.Inference;
                using Azure.Security.KeyVault.Secrets;

                class C
                {
                    private readonly SecretClient _secrets;

                    public C(SecretClient secrets) => _secrets = secrets;

                    public ChatCompletionsClient Create() => new ChatCompletionsClient(new Uri("https://example.openai.azure.com/openai/deployments/gpt-4o"), new AzureKeyCredential({|#0:"my-secret-credential"|}));
                }
                """,
                """
                using System;
                using Azure;
                using Azure.AI.Inference;
                using Azure.Security.KeyVault.Secrets;

                class C
                {
                    private readonly SecretClient _secrets;

                    public C(SecretClient secrets) => _secrets = secrets;

                    public ChatCompletionsClient Create() => new ChatCompletionsClient(new Uri("https://example.openai.azure.com/openai/deployments/gpt-4o"), new AzureKeyCredential(_secrets.GetSecret("azure-openai-api-key").Value.Value));
                }
                """,
                KeyVault,
                Credential(0, "AzureKeyCredential for ChatCompletionsClient (key)"));
        }

        /// <summary>HttpHeaders.Add takes a nullable value: the plain read compiles with no warning.</summary>
        [Fact]
        public async Task ApiKeyHeader_Configuration_ShouldReadTheAzureKey()
        {
            await VerifyFixAsync(
                """
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class C
                {
                    public HttpClient Create(IConfiguration configuration)
                    {
                        var client = new HttpClient();
                        client.DefaultRequestHeaders.Add("api-key", {|#0:"my-secret-credential"|});
                        return client;
                    }
                }
                """,
                """
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class C
                {
                    public HttpClient Create(IConfiguration configuration)
                    {
                        var client = new HttpClient();
                        client.DefaultRequestHeaders.Add("api-key", configuration["AzureOpenAI:ApiKey"]);
                        return client;
                    }
                }
                """,
                Configuration,
                Credential(0, "the api-key header (Azure OpenAI key)"));
        }

        [Fact]
        public async Task ApiKeyHeaderFromConst_EnvironmentVariable_ShouldDropTheConst()
        {
            await VerifyFixAsync(
                """
                using System.Net.Http;

                class C
                {
                    private const string Key = "my-secret-credential";

                    public void Send(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("api-key", {|#0:Key|});
                }
                """,
                """
                using System;
                using System.Net.Http;

                class C
                {
                    public void Send(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("api-key", Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "the api-key header (Azure OpenAI key)"));
        }

        /// <summary>
        /// OpenAI-API-dotnet takes its key through APIAuthentication's implicit conversion from string:
        /// the string is replaced, and the read converts as the literal did.
        /// </summary>
        [Fact]
        public async Task OpenAIAPIImplicitConversion_EnvironmentVariable_ShouldReadTheVariable()
        {
            await VerifyOlderFixAsync(
                """
                using OpenAI_API;

                class C
                {
                    public OpenAIAPI Create() => new OpenAIAPI({|#0:"my-secret-credential"|});
                }
                """,
                """
                using System;
                using OpenAI_API;

                class C
                {
                    public OpenAIAPI Create() => new OpenAIAPI(Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "OpenAIAPI (apiKeys)"));
        }

        [Fact]
        public async Task APIAuthentication_Configuration_ShouldReadConfiguration()
        {
            await VerifyOlderFixAsync(
                """
                using Microsoft.Extensions.Configuration;
                using OpenAI_API;

                class C
                {
                    public OpenAIAPI Create(IConfiguration configuration) => new OpenAIAPI(new APIAuthentication({|#0:"my-secret-credential"|}, "org-placeholder"));
                }
                """,
                """
                using Microsoft.Extensions.Configuration;
                using OpenAI_API;

                class C
                {
                    public OpenAIAPI Create(IConfiguration configuration) => new OpenAIAPI(new APIAuthentication(configuration["OpenAI:ApiKey"], "org-placeholder"));
                }
                """,
                Configuration,
                Credential(0, "APIAuthentication (apiKey)"));
        }

        /// <summary>Azure.AI.OpenAI 1.x's OpenAIClient(string) calls OpenAI, not Azure: the OpenAI names.</summary>
        [Fact]
        public async Task AzureAIOpenAIBetaOpenAIClient_EnvironmentVariable_ShouldReadTheOpenAIVariable()
        {
            await VerifyOlderFixAsync(
                """
                using Azure.AI.OpenAI;

                class C
                {
                    private const string Key = "my-secret-credential";

                    public OpenAIClient Create() => new OpenAIClient({|#0:Key|});
                }
                """,
                """
                using System;
                using Azure.AI.OpenAI;

                class C
                {
                    public OpenAIClient Create() => new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "OpenAIClient (openAIApiKey)"));
        }

        [Fact]
        public async Task AzureAIOpenAIBetaAzureKeyCredential_EnvironmentVariable_ShouldReadTheAzureVariable()
        {
            await VerifyOlderFixAsync(
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;

                class C
                {
                    public OpenAIClient Create() => new OpenAIClient(new Uri("https://example.openai.azure.com"), new AzureKeyCredential({|#0:"my-secret-credential"|}));
                }
                """,
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;

                class C
                {
                    public OpenAIClient Create() => new OpenAIClient(new Uri("https://example.openai.azure.com"), new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable AZURE_OPENAI_API_KEY is not set.")));
                }
                """,
                Environment,
                Credential(0, "AzureKeyCredential for OpenAIClient (key)"));
        }

        /// <summary>
        /// Fix All in a test project: the placeholders KL0007 leaves alone there stay as they are, and
        /// the two secret-looking constants get the first two settings — the light bulb, which numbers
        /// settings from the document's diagnostics, agrees (the placeholders take no number).
        /// </summary>
        [Fact]
        public async Task TestProject_FixAllShouldFixOnlySecretLookingCredentials_AndNumberThemAlone()
        {
            string hexKey = Scanning.SecretLikeStrings.Of(Scanning.SecretLikeStrings.Named("Azure key: 32 lowercase hex")).Skip(3).First();
            string token = Scanning.SecretLikeStrings.Of(Scanning.SecretLikeStrings.Named("base62, 40")).Skip(3).First();
            var test = new Verify.Test
            {
                TestCode = $$"""
                    using System.ClientModel;
                    using OpenAI.Chat;

                    class ClientTests
                    {
                        public ChatClient Placeholder() => new ChatClient("gpt-4o", "fake-key");

                        public ChatClient Secret() => new ChatClient("gpt-4o", {|#0:"{{hexKey}}"|});

                        public ApiKeyCredential Another() => new ApiKeyCredential("NOKEY");

                        public ApiKeyCredential Token() => new ApiKeyCredential({|#1:"{{token}}"|});
                    }
                    """,
                FixedCode = """
                    using System;
                    using System.ClientModel;
                    using OpenAI.Chat;

                    class ClientTests
                    {
                        public ChatClient Placeholder() => new ChatClient("gpt-4o", "fake-key");

                        public ChatClient Secret() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

                        public ApiKeyCredential Another() => new ApiKeyCredential("NOKEY");

                        public ApiKeyCredential Token() => new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY_2") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY_2 is not set."));
                    }
                    """,
                CodeActionEquivalenceKey = Environment,
            };
            test.TestState.AdditionalReferences.AddRange(KeyLintCodeFixVerifier.ClientLibraryReferences);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
            test.ExpectedDiagnostics.Add(Credential(0, "ChatClient (apiKey)"));
            test.ExpectedDiagnostics.Add(Credential(1, "ApiKeyCredential (key)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task ThreeDistinctCredentials_FixAllShouldGiveEachItsOwnSetting()
        {
            await VerifyFixAsync(
                """
                using System.ClientModel;
                using OpenAI.Chat;
                using OpenAI.Embeddings;

                class C
                {
                    public ChatClient Chat() => new ChatClient("gpt-4o", {|#0:"placeholder-credential-one"|});

                    public EmbeddingClient Embeddings() => new EmbeddingClient("text-embedding-3-small", {|#1:"placeholder-credential-two"|});

                    public ApiKeyCredential Credential() => new ApiKeyCredential({|#2:"placeholder-credential-three"|});
                }
                """,
                """
                using System;
                using System.ClientModel;
                using OpenAI.Chat;
                using OpenAI.Embeddings;

                class C
                {
                    public ChatClient Chat() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));

                    public EmbeddingClient Embeddings() => new EmbeddingClient("text-embedding-3-small", Environment.GetEnvironmentVariable("OPENAI_API_KEY_2"));

                    public ApiKeyCredential Credential() => new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY_3") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY_3 is not set."));
                }
                """,
                Environment,
                Credential(0, "ChatClient (apiKey)"),
                Credential(1, "EmbeddingClient (apiKey)"),
                Credential(2, "ApiKeyCredential (key)"));
        }

        [Fact]
        public async Task TwoDistinctCredentialsWithConfiguration_FixAllShouldGiveEachItsOwnKey()
        {
            await VerifyFixAsync(
                """
                using Microsoft.Extensions.Configuration;
                using OpenAI.Chat;

                class C(IConfiguration configuration)
                {
                    private readonly IConfiguration _configuration = configuration;

                    public ChatClient Chat() => new ChatClient("gpt-4o", {|#0:"placeholder-credential-one"|});

                    public ChatClient Mini() => new ChatClient("gpt-4o-mini", {|#1:"placeholder-credential-two"|});
                }
                """,
                """
                using Microsoft.Extensions.Configuration;
                using OpenAI.Chat;

                class C(IConfiguration configuration)
                {
                    private readonly IConfiguration _configuration = configuration;

                    public ChatClient Chat() => new ChatClient("gpt-4o", _configuration["OpenAI:ApiKey"]);

                    public ChatClient Mini() => new ChatClient("gpt-4o-mini", _configuration["OpenAI:ApiKey2"]);
                }
                """,
                Configuration,
                Credential(0, "ChatClient (apiKey)"),
                Credential(1, "ChatClient (apiKey)"));
        }

        [Fact]
        public async Task AzureAndOpenAICredentials_FixAllShouldUseEachServiceNames()
        {
            await VerifyFixAsync(
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;
                using OpenAI.Chat;

                class C
                {
                    public AzureOpenAIClient Azure() => new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), new AzureKeyCredential({|#0:"0123456789abcdef0123456789abcdef"|}));

                    public ChatClient OpenAI() => new ChatClient("gpt-4o", {|#1:"my-placeholder-credential"|});
                }
                """,
                """
                using System;
                using Azure;
                using Azure.AI.OpenAI;
                using OpenAI.Chat;

                class C
                {
                    public AzureOpenAIClient Azure() => new AzureOpenAIClient(new Uri("https://example.openai.azure.com"), new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable AZURE_OPENAI_API_KEY is not set.")));

                    public ChatClient OpenAI() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                Environment,
                Credential(0, "AzureKeyCredential for AzureOpenAIClient (key)"),
                Credential(1, "ChatClient (apiKey)"));
        }

        /// <summary>
        /// KL0007 never sits where C# needs a constant (an attribute cannot build a client), but a read
        /// can still fail to compile: a throw expression is not allowed in an expression tree, and
        /// without it the read is a nullable warning. No fix compiles, so none is offered.
        /// </summary>
        [Fact]
        public async Task NonNullCredentialInExpressionTree_ShouldNotOfferAnyFix()
        {
            string source = """
                using System;
                using System.ClientModel;
                using System.Linq.Expressions;

                class C
                {
                    public Expression<Func<ApiKeyCredential>> Factory() => () => new ApiKeyCredential("my-placeholder-credential");
                }
                """;
            Compilation compilation = (await KeyLintCodeFixVerifier.CreateDocument(source, references: KeyLintCodeFixVerifier.ClientLibraryReferences).Project.GetCompilationAsync())!;
            Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity >= DiagnosticSeverity.Warning);
            Assert.Empty(await OfferedAsync(source));
        }

        [Fact]
        public async Task CredentialInBrokenCode_ShouldNotOfferAnyFix()
        {
            Assert.Empty(await OfferedAsync("""
                using OpenAI.Chat;

                class C
                {
                    public ChatClient Create()
                    {
                        var chat = new ChatClient("gpt-4o", "my-placeholder-credential")
                        return chat;
                    }
                }
                """));
        }
    }
}
