using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        {
            var test = new Verify.AnalyzerTest { TestCode = source };
            test.TestState.AdditionalReferences.AddRange(ClientLibraries.References);
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
        };

        /// <summary>The shapes of a constant: each reported at the argument.</summary>
        public static IEnumerable<object[]> ApisAndConstants()
        {
            string[] constants = { "Literal", "Const", "StaticReadonly", "Local", "Concatenation", "Interpolation" };
            foreach (object[] api in Apis())
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
            string source = $$"""
                using Microsoft.SemanticKernel;

                class C
                {
                    {{declarations}}

                    void M()
                    {
                        {{local}}{{call.Replace("%V%", "{|#0:" + value + "|}")}}
                    }
                }
                """;
            await VerifyAsync(source, Credential(0, what));
        }

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
            await VerifyAsync($$"""
                using Microsoft.Extensions.Configuration;
                using Microsoft.SemanticKernel;

                class C
                {
                    static string FromVault() => System.Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "";

                    void FromParameter(string apiKey) { {{call.Replace("%V%", "apiKey")}} }

                    void FromConfiguration(IConfiguration configuration) { {{call.Replace("%V%", "configuration[\"OpenAI:ApiKey\"]!")}} }

                    void FromMethod() { {{call.Replace("%V%", "FromVault()")}} }

                    void FromReassignedLocal(bool b)
                    {
                        var key = "placeholder";
                        if (b) { key = FromVault(); }
                        {{call.Replace("%V%", "key")}}
                    }

                    void FromEmptyString() { {{call.Replace("%V%", "\"\"")}} }
                }
                """);
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
        }
    }
}
