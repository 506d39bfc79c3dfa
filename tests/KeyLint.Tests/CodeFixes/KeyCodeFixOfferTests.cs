using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Verify = KeyLint.Tests.KeyLintCodeFixVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer, KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider>;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>Which fixes are offered where: "compiling code or no fix", and titles that never show a key.</summary>
    public class KeyCodeFixOfferTests
    {
        private const string Configuration = HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey;
        private const string Environment = HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey;

        private static async Task<string[]> OfferedAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        {
            IReadOnlyList<CodeAction> actions = await Verify.GetActionsAsync(source, outputKind);
            return actions.Select(a => a.EquivalenceKey!).ToArray();
        }

        public static IEnumerable<object[]> ConstantOnlyPositions() => new[]
        {
            new object[] { """[System.Obsolete("%K%")] class C { }""" },
            new object[] { """class A : System.Attribute { public string? Key { get; set; } } [A(Key = "%K%")] class C { }""" },
            new object[] { """class C { public void M(string apiKey = "%K%") { } }""" },
            new object[] { """record R(string ApiKey = "%K%");""" },
            new object[] { """class C { public int M(string s) { switch (s) { case "%K%": return 1; default: return 0; } } }""" },
            new object[] { """class C { public int M(string s) => s switch { "%K%" => 1, _ => 0 }; }""" },
            new object[] { """class C { public bool M(string s) => s is "%K%"; }""" },
            new object[] { """class C { const string Key = "%K%"; [System.Obsolete(Key)] public void M() { } }""" },
            new object[] { """class C { const string Key = "%K%"; public int M(string s) { switch (s) { case Key: return 1; default: return 0; } } }""" },
            new object[] { """class C { const string Key = "%K%"; const string Header = "Bearer " + Key; public string H => Header; }""" },
            new object[] { """class C { public const string A = "x", Key = "%K%"; }""" },
        };

        [Theory]
        [MemberData(nameof(ConstantOnlyPositions))]
        public async Task KeyWhereACompileTimeConstantIsRequired_ShouldNotOfferAnyFix(string template)
        {
            string source = template.Replace("%K%", FakeKeys.Project());
            Assert.Empty(await OfferedAsync(source));
        }

        [Fact]
        public async Task KeyInSkippedTokensOfBrokenCode_ShouldNotOfferAnyFix()
        {
            Assert.Empty(await OfferedAsync($$"""class C { void M() { ) "{{FakeKeys.Project()}}" } }"""));
        }

        [Fact]
        public async Task StaticContextWithOnlyInstanceConfiguration_ShouldOfferOnlyTheEnvironmentVariable()
        {
            string source = $$"""
                using Microsoft.Extensions.Configuration;
                class C(IConfiguration configuration)
                {
                    public IConfiguration Configuration { get; } = configuration;
                    public static string Key() => "{{FakeKeys.Project()}}";
                }
                """;
            Assert.Equal(new[] { Environment }, await OfferedAsync(source));
        }

        [Fact]
        public async Task InstanceMethodWithConfigurationProperty_ShouldOfferConfigurationFirst()
        {
            string source = $$"""
                using Microsoft.Extensions.Configuration;
                class C(IConfiguration configuration)
                {
                    public IConfiguration Configuration { get; } = configuration;
                    public string Key() => "{{FakeKeys.Project()}}";
                }
                """;
            Assert.Equal(new[] { Configuration, Environment }, await OfferedAsync(source));
        }

        [Fact]
        public async Task NoConfigurationPackage_ShouldOfferOnlyTheEnvironmentVariable()
        {
            Assert.Equal(new[] { Environment }, await OfferedAsync($$"""class C { public string Key() => "{{FakeKeys.Project()}}"; }"""));
        }

        [Fact]
        public async Task Titles_ShouldSayRotateAndNeverShowTheKey()
        {
            string key = FakeKeys.Project();
            string source = $$"""
                using Microsoft.Extensions.Configuration;
                class C { public string Key(IConfiguration configuration) => "{{key}}"; }
                """;
            IReadOnlyList<CodeAction> actions = await Verify.GetActionsAsync(source);
            Assert.Equal(
                new[]
                {
                    "Read the key from configuration 'OpenAI:ApiKey' (user secrets, environment variables, Key Vault…), then rotate the exposed key",
                    "Read the key from environment variable OPENAI_API_KEY, then rotate the exposed key",
                },
                actions.Select(a => a.Title).ToArray());
            Assert.All(actions, a => Assert.DoesNotContain(key.Substring(key.Length - 12), a.Title));
        }

        [Fact]
        public async Task AdminKey_ShouldUseTheAdminSettingNames()
        {
            string source = $$"""
                using Microsoft.Extensions.Configuration;
                class C { public string Key(IConfiguration configuration) => "{{FakeKeys.Admin()}}"; }
                """;
            IReadOnlyList<CodeAction> actions = await Verify.GetActionsAsync(source);
            Assert.Contains("'OpenAI:AdminKey'", actions[0].Title);
            Assert.Contains("OPENAI_ADMIN_KEY", actions[1].Title);
        }

        [Fact]
        public async Task EditorConfigNames_ShouldBeUsed()
        {
            string source = $$"""
                using Microsoft.Extensions.Configuration;
                class C { public string Key(IConfiguration configuration) => "{{FakeKeys.Project()}}"; }
                """;
            IReadOnlyList<CodeAction> actions = await Verify.GetActionsAsync(
                source,
                editorConfig: "root = true\n[*.cs]\nkeylint.configuration_key = Services:OpenAI:Key\nkeylint.environment_variable = MY_OPENAI_KEY\n");
            Assert.Contains("'Services:OpenAI:Key'", actions[0].Title);
            Assert.Contains("MY_OPENAI_KEY", actions[1].Title);
        }

        [Fact]
        public async Task GeneratedFile_ShouldNotOfferAnyFix()
        {
            Document document = KeyLintCodeFixVerifier.CreateDocument($$"""class C { public string Key() => "{{FakeKeys.Project()}}"; }""");
            document = document.Project.Solution.WithDocumentFilePath(document.Id, "/src/Settings.Designer.cs").GetDocument(document.Id)!;
            var diagnostics = await Verify.AnalyzeAsync(document);
            Assert.Single(diagnostics);
            var provider = new HardcodedOpenAIKeyCodeFixProvider();
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostics[0], (a, _) => actions.Add(a), default));
            Assert.Empty(actions);
        }
    }
}
