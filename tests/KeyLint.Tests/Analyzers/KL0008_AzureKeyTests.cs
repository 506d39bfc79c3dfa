using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Tests.Reliability;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer>;
using VerifyFiles = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.KeyInProjectFileAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// KL0008: identifiable Azure AI services keys (84 characters, <c>JQQJ9</c>, <c>ACOG</c>, a Marvin32
    /// checksum) in code, in comments and in configuration files; one rule wherever the key is, the
    /// message naming the service and the place. Keys: <see cref="FakeAzureKeys"/>, seeds 801–840.
    /// The string forms and code positions of the shared matrix (<see cref="KeyKinds"/>) hold an Azure
    /// kind too; these tests add what is Azure's own.
    /// </summary>
    public class KL0008_AzureKeyTests
    {
        private static DiagnosticResult Azure(string key, string service = KeyKinds.AzureService, string place = "hardcoded")
            => new DiagnosticResult(KeyLintDescriptors.KL0008_HardcodedAzureKey).WithArguments(service, FakeKeys.Redacted(key, string.Empty), place);

        [Theory]
        [InlineData(FakeAzureKeys.AzureOpenAI, "Azure OpenAI")]
        [InlineData(FakeAzureKeys.AIServices, "Azure AI Services")]
        [InlineData(FakeAzureKeys.CognitiveServices, "Azure Cognitive Services")]
        [InlineData(FakeAzureKeys.Speech, "Azure Speech")]
        [InlineData('o', "Bing Spell Check v7")]
        [InlineData('p', "Azure AI services")]
        [InlineData('q', "Azure AI services")]
        [InlineData('9', "Azure AI services")]
        public async Task KeyOfEachService_ShouldNameTheServiceInTheMessage(char service, string name)
        {
            string key = FakeAzureKeys.Create(801, service);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    const string Key = "{|#0:{{key}}|}";
                }
                """,
                Azure(key, name).WithLocation(0));
        }

        [Fact]
        public async Task Message_ShouldBeExactAndRedacted()
        {
            string key = FakeAzureKeys.Create(802);
            string source = $"class C {{ string Key = \"{key}\"; }}";
            Document document = ReliabilityHarness.CreateDocument(source);
            Diagnostic diagnostic = Assert.Single((await ReliabilityHarness.AnalyzeAsync(document)).KeyLint);
            Assert.Equal(
                $"Azure OpenAI key …{key.Substring(80)} is hardcoded; regenerate it in the Azure portal, and read it from configuration or a secret store, or use Microsoft Entra ID instead of keys",
                diagnostic.GetMessage());
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.DoesNotContain(key.Substring(0, 52), diagnostic.ToString());
        }

        [Fact]
        public async Task StringForms_ShouldReportAtTheLiteral()
        {
            string regular = FakeAzureKeys.Create(803), verbatim = FakeAzureKeys.Create(804), raw = FakeAzureKeys.Create(805);
            string utf8 = FakeAzureKeys.Create(806), interpolated = FakeAzureKeys.Create(807), inHeader = FakeAzureKeys.Create(808);
            await Verify.VerifyAnalyzerAsync(
                $$""""
                class C
                {
                    string A = "{|#0:{{regular}}|}";
                    string B = @"{|#1:{{verbatim}}|}";
                    string R = """{|#2:{{raw}}|}""";
                    System.ReadOnlySpan<byte> U => "{|#3:{{utf8}}|}"u8;
                    string I(int n) => $"key={|#4:{{interpolated}}|}&n={n}";
                    string H = "api-key: {|#5:{{inHeader}}|}";
                }
                """",
                Azure(regular).WithLocation(0),
                Azure(verbatim).WithLocation(1),
                Azure(raw).WithLocation(2),
                Azure(utf8).WithLocation(3),
                Azure(interpolated).WithLocation(4),
                Azure(inHeader).WithLocation(5));
        }

        [Fact]
        public async Task EscapedCharacters_ShouldStillBeFound()
        {
            // The J of JQQJ9 and a character of the random part written as escapes.
            string key = FakeAzureKeys.Create(809);
            string escaped = key.Substring(0, 10) + $"\\u{(int)key[10]:X4}" + key.Substring(11, 41) + "\\x004A" + key.Substring(53);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    string Key = {|#0:"{{escaped}}"|};
                }
                """,
                Azure(key).WithLocation(0));
        }

        [Fact]
        public async Task AssembledFromConstantPieces_ShouldReportOnceOnTheWholeExpression()
        {
            string split = FakeAzureKeys.Create(810), pieces = FakeAzureKeys.Create(811);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    const string Head = "{{pieces.Substring(0, 52)}}";
                    const string Tail = "{{pieces.Substring(52)}}";
                    string Split = {|#0:"{{split.Substring(0, 30)}}" + "{{split.Substring(30, 30)}}" + "{{split.Substring(60)}}"|};
                    string Joined = {|#1:Head + Tail|};
                }
                """,
                Azure(split).WithLocation(0),
                Azure(pieces).WithLocation(1));
        }

        [Fact]
        public async Task InComments_ShouldReportKL0008SayingWhere()
        {
            string line = FakeAzureKeys.Create(812), doc = FakeAzureKeys.Create(813), disabled = FakeAzureKeys.Create(814), directive = FakeAzureKeys.Create(815);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                /// <summary>Calls Azure with {|#1:{{doc}}|}.</summary>
                class C
                {
                    // AZURE_OPENAI_API_KEY={|#0:{{line}}|}
                #if NEVER
                    string Key = "{|#2:{{disabled}}|}";
                #endif
                    #region {|#3:{{directive}}|}
                    #endregion
                }
                """,
                Azure(line, place: "in a comment").WithLocation(0),
                Azure(doc, place: "in a documentation comment").WithLocation(1),
                Azure(disabled, place: "in disabled code").WithLocation(2),
                Azure(directive, place: "in a preprocessor directive").WithLocation(3));
        }

        [Fact]
        public async Task NextToAnOpenAIKey_ShouldReportBoth()
        {
            string azure = FakeAzureKeys.Create(816), openAI = FakeKeys.Project(816);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    string Both = "{|#0:{{openAI}}|};{|#1:{{azure}}|}";
                    // {|#2:{{openAI}}|} {|#3:{{azure}}|}
                }
                """,
                KeyKinds.InCode("Project", openAI).WithLocation(0),
                Azure(azure).WithLocation(1),
                KeyKinds.InComment("Project", openAI, "a comment").WithLocation(2),
                Azure(azure, place: "in a comment").WithLocation(3));
        }

        /// <summary>Each differs from a real key in one respect; none is reported.</summary>
        public static IEnumerable<object[]> NearMisses()
        {
            string key = FakeAzureKeys.Create(817);
            return new (string Name, string Text)[]
            {
                ("wrong checksum", FakeAzureKeys.WithWrongChecksum(key)),
                ("kind D", FakeAzureKeys.Create(817, kind: 'D')),
                ("kind H", FakeAzureKeys.Create(817, kind: 'H')),
                ("month M", FakeAzureKeys.Create(817, month: 'M')),
                ("another provider", FakeAzureKeys.Create(817, providerSignature: "AZEG")),
                ("a letter before", "x" + key),
                ("a digit after", key + "7"),
                ("one character short", key.Substring(1)),
                ("signature in lower case", key.Substring(0, 52) + "jqqj9" + key.Substring(57)),
            }.Select(n => new object[] { n.Name, n.Text });
        }

        [Theory]
        [MemberData(nameof(NearMisses))]
        public async Task NearMiss_ShouldNotReport(string name, string text)
        {
            Assert.NotNull(name);
            await Verify.VerifyAnalyzerAsync(
                $$"""
                class C
                {
                    string Key = "{{text}}";
                    // {{text}}
                }
                """);
        }

        [Fact]
        public async Task GivenToAnAzureOpenAIClient_ShouldBeKL0008AndNotAlsoKL0007()
        {
            string key = FakeAzureKeys.Create(818);
            string source = $$"""
                class C
                {
                    Azure.AI.OpenAI.AzureOpenAIClient Client() => new Azure.AI.OpenAI.AzureOpenAIClient(new System.Uri("https://example.openai.azure.com"), new Azure.AzureKeyCredential("{{key}}"));
                }
                """;
            Document document = ReliabilityHarness.CreateDocument(source);
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document);
            Assert.Empty(analysis.Exceptions);
            Diagnostic diagnostic = Assert.Single(analysis.KeyLint);
            Assert.Equal(RuleIdentifiers.HardcodedAzureKey, diagnostic.Id);
            Assert.Equal(source.IndexOf(key, System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
            Assert.Equal(FakeAzureKeys.Length, diagnostic.Location.SourceSpan.Length);
        }

        private const string LaunchSettingsBefore = "{ \"profiles\": { \"app\": { \"environmentVariables\": { \"AZURE_OPENAI_API_KEY\": \"";

        [Fact]
        public async Task InConfigurationFiles_ShouldReportKL0008AtEachPositionNamingTheFile()
        {
            string json = FakeAzureKeys.Create(819), env = FakeAzureKeys.Create(820, FakeAzureKeys.Speech), launch = FakeAzureKeys.Create(821);
            string openAI = FakeKeys.Project(822);
            var test = new VerifyFiles.AnalyzerTest
            {
                TestState =
                {
                    Sources = { "class C { }" },
                    AdditionalFiles =
                    {
                        ("/app/appsettings.json", "{\n  \"AzureOpenAI\": {\n    \"ApiKey\": \"" + json + "\",\n    \"Other\": \"" + openAI + "\"\n  }\n}\n"),
                        ("/app/.env", "# local\nAZURE_SPEECH_KEY=" + env + "\n"),
                        ("/app/Properties/launchSettings.json", LaunchSettingsBefore + launch + "\" } } } }"),
                        ("/app/notes.txt", "not scanned: " + FakeAzureKeys.Create(823)),
                    },
                },
                ExpectedDiagnostics =
                {
                    Azure(env, "Azure Speech", "in .env").WithSpan("/app/.env", 2, 18, 2, 18 + 84),
                    Azure(launch, place: "in launchSettings.json").WithSpan("/app/Properties/launchSettings.json", 1, LaunchSettingsBefore.Length + 1, 1, LaunchSettingsBefore.Length + 1 + 84),
                    Azure(json, place: "in appsettings.json").WithSpan("/app/appsettings.json", 3, 16, 3, 16 + 84),
                    new DiagnosticResult(KeyLintDescriptors.KL0006_KeyInConfigurationFile)
                        .WithArguments("project key", FakeKeys.Redacted(openAI, "sk-proj-"), "appsettings.json", "move it to user secrets or an environment variable")
                        .WithSpan("/app/appsettings.json", 4, 15, 4, 15 + openAI.Length),
                },
            };
            await test.RunAsync();
        }
    }
}
