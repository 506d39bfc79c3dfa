using System.Threading.Tasks;
using KeyLint.CodeFixes;
using Verify = KeyLint.Tests.KeyLintCodeFixVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer, KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider>;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>Keys assembled from const locals and private const fields: the pieces that only served the key go with it.</summary>
    public class AssembledKeyFixTests
    {
        [Fact]
        public async Task ConstLocalPiece_ShouldBeRemovedWithTheKeyAndCommentsKept()
        {
            string key = FakeKeys.Admin();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    public static string Run()
                    {
                        // An admin key assembled from pieces.
                        const string prefix = "sk-admin-";
                        string adminKey = {|#0:prefix + "{{key.Substring(9)}}"|};
                        return adminKey;
                    }
                }
                """,
                """
                using System;

                class C
                {
                    public static string Run()
                    {
                        // An admin key assembled from pieces.
                        string adminKey = Environment.GetEnvironmentVariable("OPENAI_ADMIN_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_ADMIN_KEY is not set.");
                        return adminKey;
                    }
                }
                """,
                HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey,
                KeyKinds.InCode("Admin", key).WithLocation(0));
        }

        [Fact]
        public async Task ConstLocalPieceUsedElsewhere_ShouldStay()
        {
            string key = FakeKeys.Admin();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    public static string Run()
                    {
                        const string prefix = "sk-admin-";
                        string adminKey = {|#0:prefix + "{{key.Substring(9)}}"|};
                        return prefix + adminKey;
                    }
                }
                """,
                """
                using System;

                class C
                {
                    public static string Run()
                    {
                        const string prefix = "sk-admin-";
                        string adminKey = Environment.GetEnvironmentVariable("OPENAI_ADMIN_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_ADMIN_KEY is not set.");
                        return prefix + adminKey;
                    }
                }
                """,
                HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey,
                KeyKinds.InCode("Admin", key).WithLocation(0));
        }

        [Fact]
        public async Task PrivateConstFieldPiece_ShouldBeRemovedWithTheKeyAndCommentsKept()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    // The secret half.
                    private const string Rest = "{{key.Substring(8)}}";

                    // The whole key.
                    private static readonly string Key = {|#0:"sk-proj-" + Rest|};

                    public static string Get() => Key;
                }
                """,
                """
                using System;

                class C
                {
                    // The secret half.
                    // The whole key.
                    private static readonly string Key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set.");

                    public static string Get() => Key;
                }
                """,
                HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }

        [Fact]
        public async Task PublicConstFieldPiece_ShouldStay()
        {
            string key = FakeKeys.Project();
            await Verify.VerifyFixAsync(
                $$"""
                using System;

                class C
                {
                    public const string Rest = "{{key.Substring(8)}}";
                    private static readonly string Key = {|#0:"sk-proj-" + Rest|};

                    public static string Get() => Key;
                }
                """,
                $$"""
                using System;

                class C
                {
                    public const string Rest = "{{key.Substring(8)}}";
                    private static readonly string Key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set.");

                    public static string Get() => Key;
                }
                """,
                HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey,
                KeyKinds.InCode("Project", key).WithLocation(0));
        }
    }
}