using System.Threading.Tasks;
using KeyLint.CodeFixes;
using Verify = KeyLint.Tests.KeyLintCodeFixVerifier;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>Keys assembled from const locals: the pieces that only served the key go with it.</summary>
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
    }
}
