using System.Linq;
using System.Threading.Tasks;
using KeyLint.CodeFixes;
using Microsoft.CodeAnalysis;
using Verify = KeyLint.Tests.KeyLintCodeFixVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer, KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider>;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>KL0001–KL0004 fixes: exact fixed code, compiled with warnings checked, Fix All included.</summary>
    public class KeyCodeFixTests
    {
        private const string Configuration = HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey;
        private const string Environment = HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey;

        [Fact]
        public async Task FieldInitializer_EnvironmentVariable_ShouldAddUsingAndThrowWhenMissing()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                class C
                {
                    public readonly string Key = "{|#0:{{key}}|}"; // keep this comment
                }
                """,
                """
                using System;

                class C
                {
                    public readonly string Key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set."); // keep this comment
                }
                """,
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task NullableTarget_EnvironmentVariable_ShouldNotThrow()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    public string? Key = "{|#0:{{key}}|}";
                }
                """,
                """
                using System;

                class C
                {
                    public string? Key = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                }
                """,
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task LocalWithConfigurationParameter_Configuration_ShouldReadConfiguration()
        {
            string key = FakeKeys.ServiceAccount();
            await Verify.VerifyFixAsync(
                $$"""
                using Microsoft.Extensions.Configuration;

                class C
                {
                    string M(IConfiguration configuration)
                    {
                        var key = "{|#0:{{key}}|}";
                        return key.Trim();
                    }
                }
                """,
                """
                using System;
                using Microsoft.Extensions.Configuration;

                class C
                {
                    string M(IConfiguration configuration)
                    {
                        var key = configuration["OpenAI:ApiKey"] ?? throw new InvalidOperationException("The configuration value 'OpenAI:ApiKey' is not set.");
                        return key.Trim();
                    }
                }
                """,
                Configuration,
                KeyKinds.InCode("ServiceAccount", key).WithLocation(0));
        }

        [Fact]
        public async Task ArgumentWithConfigurationField_Configuration_ShouldReadField()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                using System;
                using Microsoft.Extensions.Configuration;

                class C(IConfiguration config)
                {
                    private readonly IConfiguration _configuration = config;

                    void M() => Use(apiKey: "{|#0:{{key}}|}");

                    static void Use(string apiKey) { }
                }
                """,
                """
                using System;
                using Microsoft.Extensions.Configuration;

                class C(IConfiguration config)
                {
                    private readonly IConfiguration _configuration = config;

                    void M() => Use(apiKey: _configuration["OpenAI:ApiKey"] ?? throw new InvalidOperationException("The configuration value 'OpenAI:ApiKey' is not set."));

                    static void Use(string apiKey) { }
                }
                """,
                Configuration,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task BuilderConfigurationInTopLevelStatements_Configuration_ShouldReadBuilderConfiguration()
        {
            string key = FakeKeys.Project();
            var test = new Verify.Test
            {
                TestCode = $$"""
                    using Microsoft.Extensions.Configuration;

                    var builder = new AppBuilder();
                    var client = new Client("{|#0:{{key}}|}");
                    System.Console.WriteLine(client);

                    class AppBuilder { public IConfiguration Configuration { get; } = null!; }
                    record Client(string ApiKey);
                    """,
                FixedCode = """
                    using System;
                    using Microsoft.Extensions.Configuration;

                    var builder = new AppBuilder();
                    var client = new Client(builder.Configuration["OpenAI:ApiKey"] ?? throw new InvalidOperationException("The configuration value 'OpenAI:ApiKey' is not set."));
                    System.Console.WriteLine(client);

                    class AppBuilder { public IConfiguration Configuration { get; } = null!; }
                    record Client(string ApiKey);
                    """,
                CodeActionEquivalenceKey = Configuration,
                ExpectedDiagnostics = { KeyKinds.InCode("Project", key).WithLocation(0) },
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.FixedState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task KeyInsideLongerString_ShouldReplaceOnlyTheKey()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                class C
                {
                    public string Header = "Authorization: Bearer {|#0:{{key}}|} {braces}\n";
                }
                """,
                """
                using System;

                class C
                {
                    public string Header = $"Authorization: Bearer {Environment.GetEnvironmentVariable("OPENAI_API_KEY")} {{braces}}\n";
                }
                """,
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task KeyInsideVerbatimString_ShouldReplaceOnlyTheKey()
        {
            string key = FakeKeys.LegacyUser();
            await Verify.VerifyFixAsync(
                $$""""
                class C
                {
                    public string Line = @"OPENAI_API_KEY={|#0:{{key}}|} ""quoted""";
                }
                """",
                """"
                using System;

                class C
                {
                    public string Line = $@"OPENAI_API_KEY={Environment.GetEnvironmentVariable("OPENAI_API_KEY")} ""quoted""";
                }
                """",
                Environment,
                KeyKinds.InCode("LegacyUser", key).WithLocation(0));
        }

        [Fact]
        public async Task KeyInsideRawString_ShouldReplaceOnlyTheKey()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                "class C\n{\n    public string Text = \"\"\"\n        apiKey: \"{|#0:" + key + "|}\"\n        \"\"\";\n}\n",
                "using System;\n\nclass C\n{\n    public string Text = $\"\"\"\n        apiKey: \"{Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\")}\"\n        \"\"\";\n}\n",
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task KeyInsideInterpolatedString_ShouldAddAHole()
        {
            string key = FakeKeys.Admin();
            await Verify.VerifyFixAsync(
                $$"""
                class C
                {
                    string M(string user) => $"{user}: {|#0:{{key}}|}";
                }
                """,
                """
                using System;

                class C
                {
                    string M(string user) => $"{user}: {Environment.GetEnvironmentVariable("OPENAI_ADMIN_KEY")}";
                }
                """,
                Environment,
                KeyKinds.InCode("Admin", key).WithLocation(0));
        }

        [Fact]
        public async Task ConstField_ShouldBecomeStaticReadonly()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    /// <summary>The key.</summary>
                    private const string ApiKey = "{|#0:{{key}}|}";

                    int M() => ApiKey.Length;
                }
                """,
                """
                using System;

                class C
                {
                    /// <summary>The key.</summary>
                    private static readonly string ApiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set.");

                    int M() => ApiKey.Length;
                }
                """,
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task ConstLocal_ShouldBecomePlainLocal()
        {
            string key = FakeKeys.None();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    int M()
                    {
                        const string apiKey = "{|#0:{{key}}|}";
                        return apiKey.Length;
                    }
                }
                """,
                """
                using System;

                class C
                {
                    int M()
                    {
                        string apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set.");
                        return apiKey.Length;
                    }
                }
                """,
                Environment,
                KeyKinds.InCode("None", key).WithLocation(0));
        }

        [Fact]
        public async Task AssembledKey_ShouldReplaceWholeExpression()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    public string Key = {|#0:"{{key.Substring(0, 8)}}" + "{{key.Substring(8)}}"|};
                }
                """,
                """
                using System;

                class C
                {
                    public string Key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set.");
                }
                """,
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task AssembledKeyWithSurroundingText_ShouldKeepTheText()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    public string Header = {|#0:"Bearer {{key.Substring(0, 8)}}" + "{{key.Substring(8)}};"|};
                }
                """,
                """
                using System;

                class C
                {
                    public string Header = $"Bearer {Environment.GetEnvironmentVariable("OPENAI_API_KEY")};";
                }
                """,
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task Utf8Literal_ShouldEncodeTheRead()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    ReadOnlySpan<byte> Key() => "{|#0:{{key}}|}"u8;
                }
                """,
                """
                using System;
                using System.Text;

                class C
                {
                    ReadOnlySpan<byte> Key() => Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set."));
                }
                """,
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task Utf8LiteralUsedAsSpan_ShouldKeepTheSpan()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    public byte[] Key() => "{|#0:{{key}}|}"u8.ToArray();
                }
                """,
                """
                using System;
                using System.Text;

                class C
                {
                    public byte[] Key() => new ReadOnlySpan<byte>(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set."))).ToArray();
                }
                """,
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task PropertyNamedEnvironmentInScope_ShouldQualifyTheEnvironmentType()
        {
            string key = FakeKeys.Project(seed: 71);
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    public string Environment { get; } = "Production";
                    public string? Key = "{|#0:{{key}}|}";
                }
                """,
                """
                using System;

                class C
                {
                    public string Environment { get; } = "Production";
                    public string? Key = System.Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                }
                """,
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task TwoDistinctKeys_ShouldGetTwoSettings()
        {
            string first = FakeKeys.Project(seed: 1);
            string second = FakeKeys.Project(seed: 2);
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    public string? A = "{|#0:{{first}}|}";
                    public string? B = "{|#1:{{second}}|}";
                }
                """,
                """
                using System;

                class C
                {
                    public string? A = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                    public string? B = Environment.GetEnvironmentVariable("OPENAI_API_KEY_2");
                }
                """,
                Environment,
                KeyKinds.InCode("Project", first).WithLocation(0),
                KeyKinds.InCode("Project", second).WithLocation(1));
        }

        [Fact]
        public async Task SameKeyTwice_FixAllShouldShareOneSetting()
        {
            string key = FakeKeys.Project(seed: 3);
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    public string? A = "{|#0:{{key}}|}";
                    public string? B = "{|#1:{{key}}|}";
                }
                """,
                """
                using System;

                class C
                {
                    public string? A = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                    public string? B = Environment.GetEnvironmentVariable("OPENAI_API_KEY_2");
                }
                """,
                """
                using System;

                class C
                {
                    public string? A = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                    public string? B = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                }
                """,
                Environment,
                KeyKinds.InCode("Project", key).WithLocation(0),
                KeyKinds.InCode("Project", key).WithLocation(1));
        }
    }
}
