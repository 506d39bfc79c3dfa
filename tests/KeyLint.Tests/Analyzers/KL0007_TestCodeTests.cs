using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Tests.Scanning;
using Microsoft.CodeAnalysis.Testing;
using KeysVerify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer>;
using OptionsVerify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.InvalidOptionAnalyzer>;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.HardcodedCredentialAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// KL0007 in test code: placeholders quiet at every watched API, secret-looking constants
    /// reported; what counts as test code (IsTestProject, keylint.test_code both ways); the other
    /// rules unchanged there.
    /// </summary>
    public class KL0007_TestCodeTests
    {
        private const string TestProject = "is_global = true\nbuild_property.IsTestProject = true\n";

        /// <summary>The placeholders public test code passes most (see docs/rules/KL0007.md, "The data").</summary>
        public static IEnumerable<object[]> Placeholders() => new[]
        {
            "ApiKey", "NOKEY", "key", "apikey", "fake_key", "fake-key", "test-key", "INVALID_KEY", "your-api-key",
            "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "not-a-real-key-but-should-be-sanitized",
        }.Select(p => new object[] { p });

        /// <summary>A random 32-hex Azure OpenAI key and a 40-character token, from the seeded generator.</summary>
        private static readonly string s_azureHexKey = SecretLikeStrings.Of(SecretLikeStrings.Named("Azure key: 32 lowercase hex")).First();
        private static readonly string s_token40 = SecretLikeStrings.Of(SecretLikeStrings.Named("base62, 40")).First();

        private static Verify.AnalyzerTest Test(string source, string? globalConfig, string? editorConfig = null, params DiagnosticResult[] expected)
        {
            var test = new Verify.AnalyzerTest { TestCode = source };
            test.TestState.AdditionalReferences.AddRange(ClientLibraries.References);
            if (globalConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
            }

            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        private static string Calling(string call, string value) => $$"""
            #pragma warning disable SKEXP0010, CS0618
            using Microsoft.SemanticKernel;

            class C
            {
                void M()
                {
                    {{call.Replace("%V%", "{|#0:\"" + value + "\"|}")}}
                }
            }
            """;

        private static DiagnosticResult Credential(string what)
            => new DiagnosticResult(KeyLintDescriptors.KL0007_HardcodedCredential).WithLocation(0).WithArguments(what);

        public static IEnumerable<object[]> ApisAndPlaceholders()
            => from api in KL0007_HardcodedCredentialTests.Apis()
               from placeholder in new[] { "ApiKey", "fake-key" }
               select new[] { api[0], api[1], api[2], placeholder };

        [Theory]
        [MemberData(nameof(ApisAndPlaceholders))]
        public async Task PlaceholderInATestProject_ShouldBeQuietAtEveryApi(string api, string call, string what, string placeholder)
        {
            _ = (api, what);
            await Test(Calling(call, placeholder), TestProject).RunAsync();
        }

        [Theory]
        [MemberData(nameof(KL0007_HardcodedCredentialTests.Apis), MemberType = typeof(KL0007_HardcodedCredentialTests))]
        public async Task SecretLookingConstantInATestProject_ShouldBeReportedAtEveryApi(string api, string call, string what)
        {
            _ = api;
            await Test(Calling(call, s_azureHexKey), TestProject, null, Credential(what)).RunAsync();
        }

        [Theory]
        [MemberData(nameof(Placeholders))]
        public async Task EachCollectedPlaceholder_ShouldBeQuietInATestProject_AndReportedInProductCode(string placeholder)
        {
            const string Call = """var chat = new OpenAI.Chat.ChatClient("gpt-4o", %V%);""";
            await Test(Calling(Call, placeholder), TestProject).RunAsync();
            await Test(Calling(Call, placeholder), null, null, Credential("ChatClient (apiKey)")).RunAsync();
        }

        [Fact]
        public async Task FortyCharacterToken_ShouldBeReportedInATestProject()
        {
            await Test(Calling("var credential = new System.ClientModel.ApiKeyCredential(%V%);", s_token40), TestProject, null, Credential("ApiKeyCredential (key)")).RunAsync();
        }

        [Fact]
        public async Task ConstantsReachingTheCredential_ShouldBeJudgedByTheirValue()
        {
            // A const, a static readonly field and a local: the value decides, wherever it is declared.
            string source = $$"""
                class C
                {
                    private const string Placeholder = "fake-key";
                    private static readonly string Secret = "{{s_azureHexKey}}";

                    void M()
                    {
                        var a = new OpenAI.Chat.ChatClient("gpt-4o", Placeholder);
                        var b = new OpenAI.Chat.ChatClient("gpt-4o", {|#0:Secret|});
                        var token = "NOKEY";
                        var c = new System.ClientModel.ApiKeyCredential(token);
                        var d = new System.ClientModel.ApiKeyCredential({|#1:"{{s_token40.Substring(0, 20)}}" + "{{s_token40.Substring(20)}}"|});
                    }
                }
                """;
            await Test(
                source,
                TestProject,
                null,
                Credential("ChatClient (apiKey)"),
                new DiagnosticResult(KeyLintDescriptors.KL0007_HardcodedCredential).WithLocation(1).WithArguments("ApiKeyCredential (key)")).RunAsync();
        }

        [Fact]
        public async Task BearerTokensInATestProject_ShouldBeJudgedWithoutTheScheme()
        {
            string source = $$"""
                using System.Net.Http;
                using System.Net.Http.Headers;

                class C
                {
                    void M(HttpClient client, HttpRequestMessage request)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
                        client.DefaultRequestHeaders.Add("Authorization", "Bearer fake-token");
                        request.Headers.Add("Authorization", "Bearer {|#0:{{s_token40}}|}");
                        client.DefaultRequestHeaders.Add("api-key", "dummy");
                    }
                }
                """;
            await Test(source, TestProject, null, Credential("the Authorization header (Bearer token)")).RunAsync();
        }

        [Fact]
        public async Task EditorConfigMarksTestCode_InAProjectThatIsNotATestProject()
        {
            const string Call = """var chat = new OpenAI.Chat.ChatClient("gpt-4o", %V%);""";
            var test = new Verify.AnalyzerTest();
            test.TestState.AdditionalReferences.AddRange(ClientLibraries.References);
            test.TestState.Sources.Add(("/src/tests/ClientTests.cs", Calling(Call, "fake-key").Replace("class C", "class ClientTests")));
            test.TestState.Sources.Add(("/src/app/Startup.cs", Calling(Call, "fake-key").Replace("class C", "class Startup").Replace("{|#0:", "{|#1:")));
            test.TestState.AnalyzerConfigFiles.Add(("/src/.editorconfig", "root = true\n[tests/**.cs]\nkeylint.test_code = true\n"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(KeyLintDescriptors.KL0007_HardcodedCredential).WithLocation(1).WithArguments("ChatClient (apiKey)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task EditorConfigFalse_MakesAFolderOfATestProjectProductCode()
        {
            const string Call = """var chat = new OpenAI.Chat.ChatClient("gpt-4o", %V%);""";
            var test = new Verify.AnalyzerTest();
            test.TestState.AdditionalReferences.AddRange(ClientLibraries.References);
            test.TestState.Sources.Add(("/src/ClientTests.cs", Calling(Call, "fake-key").Replace("class C", "class ClientTests").Replace("{|#0:", "").Replace("\"|}", "\"")));
            test.TestState.Sources.Add(("/src/Shipped/Sample.cs", Calling(Call, "fake-key").Replace("class C", "class Sample")));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestProject));
            test.TestState.AnalyzerConfigFiles.Add(("/src/.editorconfig", "root = true\n[Shipped/**.cs]\nkeylint.test_code = false\n"));
            test.ExpectedDiagnostics.Add(Credential("ChatClient (apiKey)"));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("false")]
        [InlineData("False")]
        public async Task IsTestProjectFalse_ShouldReportPlaceholders(string value)
        {
            await Test(Calling("var chat = new OpenAI.Chat.ChatClient(\"gpt-4o\", %V%);", "fake-key"), $"is_global = true\nbuild_property.IsTestProject = {value}\n", null, Credential("ChatClient (apiKey)")).RunAsync();
        }

        [Fact]
        public async Task InvalidTestCodeValue_ShouldBeReportedAsKL0900_AndLeaveTheProjectSettingInForce()
        {
            var options = new OptionsVerify.AnalyzerTest
            {
                TestState =
                {
                    Sources = { "class A { }" },
                    AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*.cs]\nkeylint.test_code = yes\n") },
                },
                ExpectedDiagnostics =
                {
                    new DiagnosticResult(KeyLintDescriptors.KL0900_InvalidOption).WithArguments("keylint.test_code", "yes", "true or false"),
                },
            };
            await options.RunAsync();

            // "yes" is no value: the project's IsTestProject decides, and the placeholder stays quiet.
            await Test(Calling("var chat = new OpenAI.Chat.ChatClient(\"gpt-4o\", %V%);", "fake-key"), TestProject, "root = true\n[*.cs]\nkeylint.test_code = yes\n").RunAsync();
        }

        [Fact]
        public async Task RealShapedKeyInATestProject_ShouldStillBeKL0001()
        {
            string key = FakeKeys.Project(seed: 4242);
            string source = Calling("var chat = new OpenAI.Chat.ChatClient(\"gpt-4o\", %V%);", key).Replace("{|#0:\"", "\"{|#0:").Replace("\"|}", "|}\"");
            var keys = new KeysVerify.AnalyzerTest { TestCode = source };
            keys.TestState.AdditionalReferences.AddRange(ClientLibraries.References);
            keys.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestProject));
            keys.ExpectedDiagnostics.Add(KeyKinds.InCode("Project", key).WithLocation(0));
            await keys.RunAsync();

            // …and KL0007 leaves it to KL0001, in tests as elsewhere.
            await Test(Calling("var chat = new OpenAI.Chat.ChatClient(\"gpt-4o\", %V%);", key).Replace("{|#0:", "").Replace("\"|}", "\""), TestProject).RunAsync();
        }

        /// <summary>A project on a test framework that sets no IsTestProject (Microsoft.Testing.Platform, xunit v3): the reference decides.</summary>
        [Theory]
        [InlineData(null, false)]
        [InlineData("is_global = true\nbuild_property.IsTestProject = \n", false)]
        [InlineData("is_global = true\nbuild_property.IsTestProject = false\n", true)]
        public async Task CompilationReferencingXunit_ShouldBeTestCode_UnlessIsTestProjectSaysOtherwise(string? globalConfig, bool reported)
        {
            var test = Test(
                Calling("var chat = new OpenAI.Chat.ChatClient(\"gpt-4o\", %V%);", "fake-key"),
                globalConfig,
                null,
                reported ? new[] { Credential("ChatClient (apiKey)") } : System.Array.Empty<DiagnosticResult>());
            test.TestState.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(System.IO.Path.Combine(System.AppContext.BaseDirectory, "xunit.core.dll")));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("xunit.core", true)]
        [InlineData("xunit.v3.core", true)]
        [InlineData("nunit.framework", true)]
        [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework", true)]
        [InlineData("TUnit.Core", true)]
        [InlineData("xunit.abstractions", false)]
        [InlineData("Xunit.Core", false)]
        [InlineData("OpenAI", false)]
        public void TestFrameworks_ShouldBeKnownByTheirAssemblyName(string assembly, bool isFramework)
        {
            Assert.Equal(isFramework, TestCode.IsTestFramework(assembly));
        }
    }
}
