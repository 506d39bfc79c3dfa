using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.HardcodedCredentialAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// KL0007: a constant that reaches an OpenAI client's credential, whatever its shape, checked
    /// against the real assemblies of the client libraries.
    /// </summary>
    public class KL0007_HardcodedCredentialTests
    {
        private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
            => VerifyAsync(ClientLibraries.References, source, expected);

        /// <summary>Against OpenAI 1.11.0 (OpenAI-API-dotnet) and Azure.AI.OpenAI 1.0.0-beta.6 instead of the current packages.</summary>
        private static Task VerifyOlderAsync(string source, params DiagnosticResult[] expected)
            => VerifyAsync(OlderClientLibraries.References, source, expected);

        private static Task VerifyAsync(IEnumerable<MetadataReference> references, string source, params DiagnosticResult[] expected)
        {
            var test = new Verify.AnalyzerTest { TestCode = source };
            test.TestState.AdditionalReferences.AddRange(references);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static DiagnosticResult Credential(int location, string what)
            => new DiagnosticResult(KeyLintDescriptors.KL0007_HardcodedCredential).WithLocation(location).WithArguments(what);

        /// <summary>Each API, with the credential written as %V% (the value is spliced in by each test).</summary>
        public static IEnumerable<object[]> Apis() => new[]
        {
            new object[] { "OpenAIClient", """var client = new OpenAI.OpenAIClient(%V%);""", "OpenAIClient (apiKey)" },
            new object[] { "ChatClient", """var chat = new OpenAI.Chat.ChatClient("gpt-4o", %V%);""", "ChatClient (apiKey)" },
            new object[] { "ChatClientNamed", """var chat = new OpenAI.Chat.ChatClient(apiKey: %V%, model: "gpt-4o");""", "ChatClient (apiKey)" },
            new object[] { "EmbeddingClient", """var embeddings = new OpenAI.Embeddings.EmbeddingClient("text-embedding-3-small", %V%);""", "EmbeddingClient (apiKey)" },
            new object[] { "ImageClient", """var images = new OpenAI.Images.ImageClient("dall-e-3", %V%);""", "ImageClient (apiKey)" },
            new object[] { "AudioClient", """var audio = new OpenAI.Audio.AudioClient("whisper-1", %V%);""", "AudioClient (apiKey)" },
            new object[] { "ApiKeyCredential", """var credential = new System.ClientModel.ApiKeyCredential(%V%);""", "ApiKeyCredential (key)" },
            new object[] { "AzureKeyCredential", """var azure = new Azure.AI.OpenAI.AzureOpenAIClient(new System.Uri("https://example.openai.azure.com"), new Azure.AzureKeyCredential(%V%));""", "AzureKeyCredential for AzureOpenAIClient (key)" },
            new object[] { "SemanticKernelOpenAI", """var kernel = Microsoft.SemanticKernel.Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", %V%).Build();""", "AddOpenAIChatCompletion (apiKey)" },
            new object[] { "SemanticKernelAzure", """var kernel = Microsoft.SemanticKernel.Kernel.CreateBuilder().AddAzureOpenAIChatCompletion("chat", "https://example.openai.azure.com", apiKey: %V%).Build();""", "AddAzureOpenAIChatCompletion (apiKey)" },
            new object[] { "Betalgo", """var options = new Betalgo.Ranul.OpenAI.OpenAIOptions { ApiKey = %V% };""", "OpenAIOptions.ApiKey" },
            new object[] { "SemanticKernelChatService", """var chat = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService("gpt-4o", %V%);""", "OpenAIChatCompletionService (apiKey)" },
            new object[] { "SemanticKernelChatServiceAtEndpoint", """var chat = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService("llama3", new System.Uri("http://localhost:11434/v1"), %V%);""", "OpenAIChatCompletionService (apiKey)" },
            new object[] { "SemanticKernelEmbeddingService", """var embeddings = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextEmbeddingGenerationService("text-embedding-3-small", %V%);""", "OpenAITextEmbeddingGenerationService (apiKey)" },
            new object[] { "SemanticKernelTextToImageService", """var images = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextToImageService(%V%);""", "OpenAITextToImageService (apiKey)" },
            new object[] { "SemanticKernelTextToAudioService", """var speech = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextToAudioService("tts-1", %V%);""", "OpenAITextToAudioService (apiKey)" },
            new object[] { "SemanticKernelAudioToTextService", """var transcription = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIAudioToTextService("whisper-1", %V%);""", "OpenAIAudioToTextService (apiKey)" },
            new object[] { "SemanticKernelFileService", """var files = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIFileService(%V%);""", "OpenAIFileService (apiKey)" },
            new object[] { "SemanticKernelAzureChatService", """var chat = new Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAIChatCompletionService("chat", "https://example.openai.azure.com", %V%);""", "AzureOpenAIChatCompletionService (apiKey)" },
            new object[] { "SemanticKernelAzureEmbeddingService", """var embeddings = new Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAITextEmbeddingGenerationService("embeddings", "https://example.openai.azure.com", %V%);""", "AzureOpenAITextEmbeddingGenerationService (apiKey)" },
            new object[] { "SemanticKernelAzureTextToImageService", """var images = new Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAITextToImageService("dall-e-3", "https://example.openai.azure.com", %V%, "dall-e-3");""", "AzureOpenAITextToImageService (apiKey)" },
            new object[] { "SemanticKernelAzureTextToAudioService", """var speech = new Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAITextToAudioService("tts", "https://example.openai.azure.com", %V%);""", "AzureOpenAITextToAudioService (apiKey)" },
            new object[] { "SemanticKernelAzureAudioToTextService", """var transcription = new Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAIAudioToTextService("whisper", "https://example.openai.azure.com", %V%);""", "AzureOpenAIAudioToTextService (apiKey)" },
            new object[] { "ApiKeyCredentialUpdate", """var credential = new System.ClientModel.ApiKeyCredential(System.Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? ""); credential.Update(%V%);""", "ApiKeyCredential.Update (key)" },
            new object[] { "AzureKeyCredentialUpdate", """var credential = new Azure.AzureKeyCredential(System.Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? ""); var azure = new Azure.AI.OpenAI.AzureOpenAIClient(new System.Uri("https://example.openai.azure.com"), credential); credential.Update(%V%);""", "AzureKeyCredential.Update for AzureOpenAIClient (key)" },
            new object[] { "AzureKeyCredentialInLocal", """var credential = new Azure.AzureKeyCredential(%V%); var azure = new Azure.AI.OpenAI.AzureOpenAIClient(new System.Uri("https://example.openai.azure.com"), credential);""", "AzureKeyCredential for AzureOpenAIClient (key)" },
            new object[] { "InferenceChatCompletionsClient", """var chat = new Azure.AI.Inference.ChatCompletionsClient(new System.Uri("https://example.openai.azure.com/openai/deployments/gpt-4o"), new Azure.AzureKeyCredential(%V%));""", "AzureKeyCredential for ChatCompletionsClient (key)" },
            new object[] { "InferenceEmbeddingsClient", """var embeddings = new Azure.AI.Inference.EmbeddingsClient(new System.Uri("https://example.openai.azure.com/openai/deployments/embeddings"), new Azure.AzureKeyCredential(%V%), new Azure.AI.Inference.AzureAIInferenceClientOptions());""", "AzureKeyCredential for EmbeddingsClient (key)" },
            new object[] { "ApiKeyHeader", """var http = new System.Net.Http.HttpClient(); http.DefaultRequestHeaders.Add("api-key", %V%);""", "the api-key header (Azure OpenAI key)" },
            new object[] { "ApiKeyHeaderWithoutValidation", """var request = new System.Net.Http.HttpRequestMessage(); request.Headers.TryAddWithoutValidation("Api-Key", %V%);""", "the api-key header (Azure OpenAI key)" },
        };

        /// <summary>The APIs of OpenAI 1.11.0 (OpenAI-API-dotnet) and Azure.AI.OpenAI 1.0.0-beta.6, as <see cref="Apis"/>.</summary>
        public static IEnumerable<object[]> OlderApis() => new[]
        {
            new object[] { "OpenAIAPI", """var api = new OpenAI_API.OpenAIAPI(%V%);""", "OpenAIAPI (apiKeys)" },
            new object[] { "OpenAIAPICast", """var api = new OpenAI_API.OpenAIAPI((OpenAI_API.APIAuthentication)(%V%));""", "OpenAIAPI (apiKeys)" },
            new object[] { "APIAuthentication", """var api = new OpenAI_API.OpenAIAPI(new OpenAI_API.APIAuthentication(%V%));""", "APIAuthentication (apiKey)" },
            new object[] { "APIAuthenticationWithOrganization", """var auth = new OpenAI_API.APIAuthentication(%V%, "org-placeholder");""", "APIAuthentication (apiKey)" },
            new object[] { "AzureAIOpenAIBetaOpenAIClient", """var client = new Azure.AI.OpenAI.OpenAIClient(%V%);""", "OpenAIClient (openAIApiKey)" },
            new object[] { "AzureAIOpenAIBetaAzureKeyCredential", """var client = new Azure.AI.OpenAI.OpenAIClient(new System.Uri("https://example.openai.azure.com"), new Azure.AzureKeyCredential(%V%));""", "AzureKeyCredential for OpenAIClient (key)" },
        };

        /// <summary>The shapes of a constant: each reported at the argument.</summary>
        public static IEnumerable<object[]> ApisAndConstants() => WithConstants(Apis());

        public static IEnumerable<object[]> OlderApisAndConstants() => WithConstants(OlderApis());

        private static IEnumerable<object[]> WithConstants(IEnumerable<object[]> apis)
        {
            string[] constants = { "Literal", "Const", "StaticReadonly", "Local", "Concatenation", "Interpolation" };
            foreach (object[] api in apis)
            {
                foreach (string constant in constants)
                {
                    yield return new[] { api[0], api[1], api[2], constant };
                }
            }
        }

        [Theory]
        [MemberData(nameof(ApisAndConstants))]
        public async Task ConstantCredential_ShouldReportAtTheArgument(string api, string call, string what, string constant)
        {
            _ = api;
            await VerifyAsync(WithConstant(call, constant, CurrentUsings), Credential(0, what));
        }

        [Theory]
        [MemberData(nameof(OlderApisAndConstants))]
        public async Task ConstantCredentialForAnOlderLibrary_ShouldReportAtTheArgument(string api, string call, string what, string constant)
        {
            _ = api;
            await VerifyOlderAsync(WithConstant(call, constant, ""), Credential(0, what));
        }

        /// <summary>A class that makes <paramref name="call"/> with a constant of the given shape, marked as location 0.</summary>
        private static string WithConstant(string call, string constant, string usings)
        {
            (string declarations, string value) = constant switch
            {
                "Literal" => ("", "\"azure-5f2b9c0d41e84a7f9b3c2d1e0f9a8b7c\""),
                "Const" => ("const string Key = \"your-api-key\";", "Key"),
                "StaticReadonly" => ("static readonly string Key = \"sk-shortened-in-a-hurry\";", "Key"),
                "Local" => ("", "key"),
                "Concatenation" => ("const string Part = \"0123456789abcdef\";", "Part + \"fedcba9876543210\""),
                "Interpolation" => ("const string Part = \"0123456789abcdef\";", "$\"{Part}-suffix\""),
                _ => throw new System.ArgumentOutOfRangeException(nameof(constant)),
            };
            string local = constant == "Local" ? "var key = \"a-key-of-a-future-format\";\n        " : "";
            return $$"""
                {{usings}}

                class C
                {
                    {{declarations}}

                    void M()
                    {
                        {{local}}{{call.Replace("%V%", "{|#0:" + value + "|}")}}
                    }
                }
                """;
        }

        /// <summary>Semantic Kernel's services are experimental (SKEXP0010), some obsolete: neither matters here.</summary>
        private const string CurrentUsings = """
            #pragma warning disable SKEXP0010, CS0618
            using Microsoft.SemanticKernel;
            """;

        /// <summary>
        /// The ways a watched call can be written: KL0007 finds calls by the names they spell, then
        /// binds only those, so every spelling of the name must lead to the call.
        /// </summary>
        [Theory]
        [InlineData("ImportedName", "void M() { var chat = new ChatClient(\"gpt-4o\", {|#0:\"your-api-key\"|}); }", "ChatClient (apiKey)")]
        [InlineData("GlobalQualified", "void M() { var chat = new global::OpenAI.Chat.ChatClient(\"gpt-4o\", {|#0:\"your-api-key\"|}); }", "ChatClient (apiKey)")]
        [InlineData("TargetTypedLocal", "void M() { ChatClient chat = new(\"gpt-4o\", {|#0:\"your-api-key\"|}); }", "ChatClient (apiKey)")]
        [InlineData("TargetTypedField", "private readonly ChatClient _chat = new(\"gpt-4o\", {|#0:\"your-api-key\"|});", "ChatClient (apiKey)")]
        [InlineData("TargetTypedProperty", "public ChatClient Chat { get; } = new(\"gpt-4o\", {|#0:\"your-api-key\"|});", "ChatClient (apiKey)")]
        [InlineData("TargetTypedCredential", "void M() { var client = new OpenAIClient(new ApiKeyCredential({|#0:\"your-api-key\"|})); }", "ApiKeyCredential (key)")]
        [InlineData("ExpressionBodied", "OpenAIClient Create() => new OpenAIClient({|#0:\"your-api-key\"|});", "OpenAIClient (apiKey)")]
        [InlineData("InLambda", "System.Func<OpenAIClient> Factory = () => new OpenAIClient({|#0:\"your-api-key\"|});", "OpenAIClient (apiKey)")]
        [InlineData("MemberAssignment", "void M() { var options = new Betalgo.Ranul.OpenAI.OpenAIOptions(); options.ApiKey = {|#0:\"your-api-key\"|}; }", "OpenAIOptions.ApiKey")]
        [InlineData("ExtensionCalledStatically", "void M(IKernelBuilder builder) { OpenAIKernelBuilderExtensions.AddOpenAIChatCompletion(builder, \"gpt-4o\", {|#0:\"your-api-key\"|}); }", "AddOpenAIChatCompletion (apiKey)")]
        [InlineData("TargetTypedReturned", "ChatClient Create() => new(\"gpt-4o\", {|#0:\"your-api-key\"|});", "ChatClient (apiKey)")]
        [InlineData("TargetTypedReturnStatement", "ChatClient? Create(bool fast) { if (fast) { return new(\"gpt-4o-mini\", {|#0:\"your-api-key\"|}); } return null; }", "ChatClient (apiKey)")]
        [InlineData("TargetTypedAssignedInConstructor", "private readonly ChatClient _chat; C() { _chat = new(\"gpt-4o\", {|#0:\"your-api-key\"|}); }", "ChatClient (apiKey)")]
        [InlineData("TargetTypedArgument", "void Use(ChatClient chat) { } void M() { Use(new(\"gpt-4o\", {|#0:\"your-api-key\"|})); }", "ChatClient (apiKey)")]
        public async Task EverySpellingOfACall_ShouldBeFound(string shape, string member, string what)
        {
            _ = shape;
            string source = $$"""
                using System.ClientModel;
                using Microsoft.SemanticKernel;
                using OpenAI;
                using OpenAI.Chat;

                class C
                {
                    {{member}}
                }
                """;
            await VerifyAsync(source, Credential(0, what));
        }

        /// <summary>
        /// Sites whose credential is surely not constant are not bound (NonConstantSyntax and the
        /// constructors' credential positions); the constant ones among them are still reported.
        /// </summary>
        [Fact]
        public async Task SitesSkippedWithoutBinding_ShouldNotHideConstants()
        {
            await VerifyAsync("""
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;

                class C
                {
                    void M(string apiKey, string model)
                    {
                        var credential = new ApiKeyCredential(apiKey);
                        var chat = new ChatClient("gpt-4o", credential);
                        var copy = apiKey;
                        var client = new OpenAIClient(copy);
                        var other = new ChatClient(model, apiKey);

                        const string Key = "const-key-value";
                        var chat2 = new ChatClient("gpt-4o", {|#0:Key|});
                        var fromLiteral = "local-literal-key";
                        var chat3 = new ChatClient(apiKey: {|#1:fromLiteral|}, model: "gpt-4o");
                        var chat4 = new ChatClient("gpt-4o", new ApiKeyCredential({|#2:"nested-literal-key"|}));
                    }
                }
                """,
                Credential(0, "ChatClient (apiKey)"),
                Credential(1, "ChatClient (apiKey)"),
                Credential(2, "ApiKeyCredential (key)"));
        }

        /// <summary>Names that only look like a watched API are not bound, and nothing is reported.</summary>
        [Fact]
        public async Task LookAlikeNames_ShouldNotReport()
        {
            await VerifyAsync("""
                class ChatClient { public ChatClient(string model, string apiKey) { } }

                class C
                {
                    private readonly System.Net.Http.HttpClient _http = new();
                    public string ApiKey { get; set; } = "";

                    void M()
                    {
                        var chat = new ChatClient("gpt-4o", "your-api-key");
                        ApiKey = "your-api-key";
                    }
                }
                """);
        }

        [Theory]
        [MemberData(nameof(Apis))]
        public async Task NonConstantCredential_ShouldNotReport(string api, string call, string what)
        {
            _ = (api, what);
            await VerifyAsync(WithRunTimeValues(call, CurrentUsings));
        }

        [Theory]
        [MemberData(nameof(OlderApis))]
        public async Task NonConstantCredentialForAnOlderLibrary_ShouldNotReport(string api, string call, string what)
        {
            _ = (api, what);
            await VerifyOlderAsync(WithRunTimeValues(call, ""));
        }

        /// <summary>The Azure OpenAI sites of <see cref="Apis"/> and the OpenAI SDK clients, as a project on Azure.AI.OpenAI 2.1.0 writes them.</summary>
        public static IEnumerable<object[]> AzureOpenAI21Apis() => Apis().Where(api => api[0] is "OpenAIClient" or "ChatClient" or "ApiKeyCredential" or "ApiKeyCredentialUpdate"
            or "AzureKeyCredential" or "AzureKeyCredentialUpdate" or "AzureKeyCredentialInLocal");

        public static IEnumerable<object[]> AzureOpenAI21ApisAndConstants() => WithConstants(AzureOpenAI21Apis());

        [Theory]
        [MemberData(nameof(AzureOpenAI21ApisAndConstants))]
        public async Task ConstantCredentialWithAzureOpenAI21_ShouldReportAtTheArgument(string api, string call, string what, string constant)
        {
            _ = api;
            Assert.Equal(new System.Version(2, 1, 0, 0), AzureOpenAI21Libraries.AzureOpenAIVersion);
            await VerifyAsync(AzureOpenAI21Libraries.References, WithConstant(call, constant, ""), Credential(0, what));
        }

        [Theory]
        [MemberData(nameof(AzureOpenAI21Apis))]
        public async Task NonConstantCredentialWithAzureOpenAI21_ShouldNotReport(string api, string call, string what)
        {
            _ = (api, what);
            await VerifyAsync(AzureOpenAI21Libraries.References, WithRunTimeValues(call, ""));
        }

        [Fact]
        public async Task TargetTypedCreationsOfOtherTypes_InAFileThatDeclaresAClient_ShouldNotReport()
        {
            string source = """
                #nullable enable
                using System.Collections.Generic;
                using OpenAI.Chat;

                class C
                {
                    private readonly Dictionary<string, string> _headers = new(System.StringComparer.Ordinal);
                    private readonly ChatClient _chat;

                    C(string key)
                    {
                        _chat = new("gpt-4o", key);
                        List<string> names = new(16);
                        System.Uri endpoint = new("https://example.openai.azure.com");
                    }

                    ChatClient Create(string key) => new("gpt-4o", key);
                }
                """;
            await VerifyAsync(source);
        }

        /// <summary>A class that makes <paramref name="call"/> with values known only at run time.</summary>
        private static string WithRunTimeValues(string call, string usings)
        {
            return $$"""
                {{usings}}
                using Microsoft.Extensions.Configuration;

                class C
                {
                    static string FromVault() => System.Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "";

                    void FromParameter(string apiKey) { {{call.Replace("%V%", "apiKey")}} }

                    void FromConfiguration(IConfiguration configuration) { {{call.Replace("%V%", "configuration[\"OpenAI:ApiKey\"]!")}} }

                    void FromEnvironment() { {{call.Replace("%V%", "System.Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\")!")}} }

                    void FromMethod() { {{call.Replace("%V%", "FromVault()")}} }

                    void FromReassignedLocal(bool b)
                    {
                        var key = "placeholder";
                        if (b) { key = FromVault(); }
                        {{call.Replace("%V%", "key")}}
                    }

                    void FromEmptyString() { {{call.Replace("%V%", "\"\"")}} }
                }
                """;
        }

        [Fact]
        public async Task OpenAIShapedKey_ShouldBeLeftToTheShapeRules()
        {
            await VerifyAsync($$"""
                class C
                {
                    void M() { var client = new OpenAI.OpenAIClient("{{FakeKeys.Project()}}"); }
                }
                """);
        }

        [Fact]
        public async Task AzureKeyCredentialForAnotherService_ShouldNotReport()
        {
            await VerifyAsync("""
                class C
                {
                    Azure.AzureKeyCredential M() => new Azure.AzureKeyCredential("a-search-service-key");
                }
                """);
        }

        [Fact]
        public async Task StaticReadonlyAssignedInStaticConstructor_ShouldNotReport()
        {
            await VerifyAsync("""
                class C
                {
                    static readonly string Key = "placeholder";
                    static C() { Key = System.Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? ""; }
                    void M() { var client = new OpenAI.OpenAIClient(Key); }
                }
                """);
        }

        [Fact]
        public async Task ConstantBearerTokens_ShouldReportTheToken()
        {
            await VerifyAsync("""
                using System.Net.Http;
                using System.Net.Http.Headers;

                class C
                {
                    const string Token = "az-0123456789abcdef0123456789abcdef";
                    static readonly string Other = "future-format-token-value";

                    void M(HttpClient client, HttpRequestMessage request)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", {|#0:Token|});
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", {|#1:"literal-token-123"|});
                        client.DefaultRequestHeaders.Add("Authorization", "Bearer " + {|#2:Other|});
                        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {{|#3:Token|}}");
                        request.Headers.Add("Authorization", "Bearer {|#4:inline-token-456|}");
                    }
                }
                """,
                Credential(0, "AuthenticationHeaderValue (Bearer token)"),
                Credential(1, "AuthenticationHeaderValue (Bearer token)"),
                Credential(2, "the Authorization header (Bearer token)"),
                Credential(3, "the Authorization header (Bearer token)"),
                Credential(4, "the Authorization header (Bearer token)"));
        }

        [Fact]
        public async Task NonConstantBearerTokens_ShouldNotReport()
        {
            await VerifyAsync("""
                using System.Net.Http;
                using System.Net.Http.Headers;

                class C
                {
                    void M(HttpClient client, string token)
                    {
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        client.DefaultRequestHeaders.Add("Authorization", "Bearer " + token);
                        client.DefaultRequestHeaders.Add("Authorization", $"Bearer {token}");
                        client.DefaultRequestHeaders.Add("X-Note", "Bearer tokens go in Authorization");
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
                        System.Console.WriteLine("Bearer of bad news");
                    }
                }
                """);
        }

        /// <summary>
        /// Parameters are skipped without binding (NonConstantSyntax); a lambda or local function
        /// may reuse an outer parameter's name for a constant local, which must still be reported.
        /// </summary>
        [Fact]
        public async Task ConstantsNamedLikeAnOuterParameter_ShouldBeReported()
        {
            await VerifyAsync("""
                using System;
                using System.Net.Http;
                using System.Net.Http.Headers;

                class C
                {
                    void M(HttpClient client, string token, string apiKey)
                    {
                        Action send = () =>
                        {
                            string token = "lambda-local-token-1";
                            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|#0:token|});
                        };
                        void Local()
                        {
                            const string apiKey = "local-function-const-2";
                            var credential = new System.ClientModel.ApiKeyCredential({|#1:apiKey|});
                            client.DefaultRequestHeaders.Add("Authorization", "Bearer " + token);
                        }
                        Func<string, AuthenticationHeaderValue> header = token => new AuthenticationHeaderValue("Bearer", token);
                    }
                }
                """,
                Credential(0, "AuthenticationHeaderValue (Bearer token)"),
                Credential(1, "ApiKeyCredential (key)"));
        }

        [Fact]
        public void CompilationWithoutClientLibraries_ShouldWatchNothing()
        {
            CSharpCompilation compilation = CSharpCompilation.Create("Plain", new[] { CSharpSyntaxTree.ParseText("class C { }") }, TestReferences.Net80References);
            Assert.True(CredentialTargets.Resolve(compilation).IsEmpty);

            CSharpCompilation withOpenAI = compilation.AddReferences(ClientLibraries.References);
            CredentialTargets targets = CredentialTargets.Resolve(withOpenAI);
            Assert.True(targets.WatchesConstructors);
            Assert.True(targets.WatchesInvocations);
            Assert.True(targets.WatchesAssignments);
            Assert.Equal(new[] { "AzureOpenAIClient", "ChatCompletionsClient", "EmbeddingsClient", "ImageEmbeddingsClient" }, targets.AzureClients.Select(c => c.Name).OrderBy(n => n, System.StringComparer.Ordinal));

            CSharpCompilation withOlderLibraries = compilation.AddReferences(OlderClientLibraries.References);
            CredentialTargets olderTargets = CredentialTargets.Resolve(withOlderLibraries);
            Assert.True(olderTargets.WatchesConstructors);
            Assert.Equal(new[] { "OpenAIClient" }, olderTargets.AzureClients.Select(c => c.Name));
        }

        /// <summary>
        /// Azure.Core alone (an Azure service other than OpenAI): AzureKeyCredential is every Azure
        /// service's credential, and is not watched without an Azure OpenAI or AI Inference library,
        /// though it derives from ApiKeyCredential, which is.
        /// </summary>
        [Fact]
        public async Task AzureKeyCredentialWithoutAnAzureOpenAILibrary_ShouldWatchNothing()
        {
            MetadataReference[] azureCore =
            {
                MetadataReference.CreateFromFile(typeof(Azure.AzureKeyCredential).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(System.ClientModel.ApiKeyCredential).Assembly.Location),
            };
            const string Source = """
                class C
                {
                    private readonly Azure.AzureKeyCredential _credential = new Azure.AzureKeyCredential("a-search-service-key");

                    void Rotate() => _credential.Update("another-search-service-key");
                }
                """;
            CSharpCompilation compilation = CSharpCompilation.Create("Search", new[] { CSharpSyntaxTree.ParseText(Source) }, TestReferences.Net80References.AddRange(azureCore));
            Assert.False(CredentialTargets.Resolve(compilation).WatchesAzureKeyCredential);
            Assert.Empty(await ReportedAsync(Source, azureCore));
        }

        /// <summary>Types of the watched names, declared by the code itself rather than by a client library: nothing is reported.</summary>
        [Fact]
        public async Task LookAlikesOfTheNewSites_ShouldNotReport()
        {
            await VerifyAsync("""
                using System.Collections.Generic;

                class OpenAIChatCompletionService { public OpenAIChatCompletionService(string modelId, string apiKey) { } }
                class OpenAIAPI { public OpenAIAPI(string apiKeys) { } }
                class ChatCompletionsClient { public ChatCompletionsClient(System.Uri endpoint, Azure.AzureKeyCredential credential) { } }
                class Headers { public void Add(string name, string value) { } }

                class C
                {
                    void M(Headers headers, Dictionary<string, string> settings)
                    {
                        var chat = new OpenAIChatCompletionService("gpt-4o", "my-secret-credential");
                        var api = new OpenAIAPI("my-secret-credential");
                        var credential = new Azure.AzureKeyCredential("my-secret-credential");
                        var inference = new ChatCompletionsClient(new System.Uri("https://example.openai.azure.com"), credential);
                        credential.Update("my-other-credential");
                        headers.Add("api-key", "my-secret-credential");
                        settings.Add("api-key", "my-secret-credential");
                    }
                }
                """);
        }

        /// <summary>
        /// A credential object held by a local, parameter or field counts as the credential of the
        /// client the same scope gives it to; given to no watched client, an AzureKeyCredential is not
        /// an OpenAI credential and is not reported.
        /// </summary>
        [Fact]
        public async Task CredentialObjectsGivenThroughAVariable_ShouldReportByTheirClient()
        {
            await VerifyAsync("""
                using System;
                using System.ClientModel;
                using Azure;
                using Azure.AI.Inference;
                using Azure.AI.OpenAI;

                class C
                {
                    private static readonly Uri Endpoint = new Uri("https://example.openai.azure.com");
                    private readonly AzureKeyCredential _credential = new AzureKeyCredential({|#0:"my-secret-credential"|});
                    private readonly AzureKeyCredential _searchCredential = new AzureKeyCredential("my-search-credential");
                    private AzureKeyCredential Other { get; } = new AzureKeyCredential("my-other-credential");

                    ChatCompletionsClient Create() => new ChatCompletionsClient(Endpoint, this._credential);

                    void Rotate()
                    {
                        _credential.Update({|#1:"my-rotated-credential"|});
                        _searchCredential.Update("my-rotated-search-credential");
                        Other.Update("my-rotated-other-credential");
                    }

                    void Local(AzureKeyCredential parameter)
                    {
                        AzureKeyCredential credential;
                        credential = new AzureKeyCredential({|#2:"my-assigned-credential"|});
                        var client = new AzureOpenAIClient(Endpoint, credential!);
                        parameter.Update({|#3:"my-parameter-credential"|});
                        var other = new AzureOpenAIClient(Endpoint, parameter);
                        var apiKey = new ApiKeyCredential({|#4:"my-api-key-credential"|});
                        apiKey.Update({|#5:"my-rotated-api-key-credential"|});
                    }
                }
                """,
                Credential(0, "AzureKeyCredential for ChatCompletionsClient (key)"),
                Credential(1, "AzureKeyCredential.Update for ChatCompletionsClient (key)"),
                Credential(2, "AzureKeyCredential for AzureOpenAIClient (key)"),
                Credential(3, "AzureKeyCredential.Update for AzureOpenAIClient (key)"),
                Credential(4, "ApiKeyCredential (key)"),
                Credential(5, "ApiKeyCredential.Update (key)"));
        }

        /// <summary>
        /// The service each credential belongs to, which the fixes read their setting names from:
        /// Azure for the Azure OpenAI connectors, the clients that take an AzureKeyCredential, an
        /// ApiKeyCredential given to AzureOpenAIClient and the api-key header; OpenAI otherwise,
        /// Azure.AI.OpenAI 1.x's OpenAIClient(openAIApiKey) included.
        /// </summary>
        [Fact]
        public async Task ServiceProperty_ShouldTellAzureFromOpenAI()
        {
            const string Source = """
                #pragma warning disable SKEXP0010
                using System;
                using System.ClientModel;
                using System.Net.Http;
                using Azure.AI.OpenAI;
                using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
                using Microsoft.SemanticKernel.Connectors.OpenAI;

                class C
                {
                    void M(HttpClient http, Uri endpoint)
                    {
                        var openAI = new OpenAIChatCompletionService("gpt-4o", "openai-service");
                        var azure = new AzureOpenAIChatCompletionService("chat", "https://example.openai.azure.com", "azure-service");
                        var credential = new ApiKeyCredential("azure-api-key-credential");
                        var client = new AzureOpenAIClient(endpoint, credential);
                        credential.Update("azure-api-key-update");
                        var openAICredential = new ApiKeyCredential("openai-api-key-credential");
                        openAICredential.Update("openai-api-key-update");
                        var inference = new Azure.AI.Inference.EmbeddingsClient(endpoint, new Azure.AzureKeyCredential("azure-inference"));
                        http.DefaultRequestHeaders.Add("api-key", "azure-header");
                    }
                }
                """;
            Assert.Equal(
                new[]
                {
                    ("\"openai-service\"", "OpenAI"),
                    ("\"azure-service\"", "Azure"),
                    ("\"azure-api-key-credential\"", "Azure"),
                    ("\"azure-api-key-update\"", "Azure"),
                    ("\"openai-api-key-credential\"", "OpenAI"),
                    ("\"openai-api-key-update\"", "OpenAI"),
                    ("\"azure-inference\"", "Azure"),
                    ("\"azure-header\"", "Azure"),
                },
                await ReportedAsync(Source, ClientLibraries.References));

            const string OlderSource = """
                using System;

                class C
                {
                    void M(Uri endpoint)
                    {
                        var openAI = new Azure.AI.OpenAI.OpenAIClient("openai-beta");
                        var azure = new Azure.AI.OpenAI.OpenAIClient(endpoint, new Azure.AzureKeyCredential("azure-beta"));
                        var api = new OpenAI_API.OpenAIAPI("openai-api");
                    }
                }
                """;
            Assert.Equal(
                new[] { ("\"openai-beta\"", "OpenAI"), ("\"azure-beta\"", "Azure"), ("\"openai-api\"", "OpenAI") },
                await ReportedAsync(OlderSource, OlderClientLibraries.References));
        }

        /// <summary>
        /// The api-key header: only a literal "api-key" (any case) that is the name given to an
        /// HttpHeaders Add or TryAddWithoutValidation; the value must be constant.
        /// </summary>
        [Fact]
        public async Task ApiKeyHeaders_ShouldReportOnlyConstantKeysOfHttpHeaders()
        {
            await VerifyAsync("""
                using System.Net.Http;
                using Microsoft.Extensions.Configuration;

                class C
                {
                    const string Key = "my-secret-credential";
                    const string HeaderName = "api-key";

                    void M(HttpClient client, HttpRequestMessage request, IConfiguration configuration, string key)
                    {
                        client.DefaultRequestHeaders.Add("API-KEY", {|#0:Key|});
                        request.Content = new StringContent("{}");
                        request.Content.Headers.Add("api-key", {|#1:"my-content-credential"|});
                        client.DefaultRequestHeaders.Add("api-key", key);
                        client.DefaultRequestHeaders.Add("api-key", configuration["AzureOpenAI:ApiKey"]);
                        client.DefaultRequestHeaders.Add("api-key", System.Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY"));
                        client.DefaultRequestHeaders.Add("api-key", new[] { "my-listed-credential" });
                        client.DefaultRequestHeaders.Add("X-Note", "api-key");
                        client.DefaultRequestHeaders.Add(HeaderName, "my-unfollowed-credential");
                        System.Console.WriteLine("api-key");
                    }
                }
                """,
                Credential(0, "the api-key header (Azure OpenAI key)"),
                Credential(1, "the api-key header (Azure OpenAI key)"));
        }

        /// <summary>
        /// "Bearer" and "api-key" are searched for in one pass, which yields a chunk's occurrences
        /// word by word, not in text order: an api-key header before a bearer header, and a literal
        /// holding both words, are each examined for both.
        /// </summary>
        [Fact]
        public async Task ApiKeyAndBearerHeadersInOneFile_ShouldEachBeReported()
        {
            await VerifyAsync("""
                using System.Net.Http;

                class C
                {
                    void M(HttpClient client)
                    {
                        client.DefaultRequestHeaders.Add("api-key", {|#0:"my-secret-credential"|});
                        client.DefaultRequestHeaders.Add("Authorization", "Bearer {|#1:my-bearer-credential|}");
                        client.DefaultRequestHeaders.Add("Api-Key", {|#2:"Bearer-api-key-credential"|});
                    }
                }
                """,
                Credential(0, "the api-key header (Azure OpenAI key)"),
                Credential(1, "the Authorization header (Bearer token)"),
                Credential(2, "the api-key header (Azure OpenAI key)"));
        }

        /// <summary>The credential text and service of each diagnostic, in source order; the source must compile.</summary>
        private static async Task<(string Credential, string Service)[]> ReportedAsync(string source, IEnumerable<MetadataReference> references)
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Test",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                TestReferences.Net80References.AddRange(references),
                TestReferences.WithSdkDefaults(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedCredentialAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            return diagnostics
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => (source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length), d.Properties[CredentialReport.ServiceProperty]!))
                .ToArray();
        }
    }
}
