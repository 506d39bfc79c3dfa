using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Verify = KeyLint.Tests.KeyLintCodeFixVerifier<KeyLint.Analyzers.HardcodedCredentialAnalyzer, KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider>;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>KL0007's fixes: the same reads as KL0001–KL0004, Azure OpenAI names for Azure credentials.</summary>
    public class KL0007_CredentialCodeFixTests
    {
        private const string Configuration = HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey;
        private const string Environment = HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey;

        private static Task VerifyFixAsync(string source, string fixedSource, string equivalenceKey, params DiagnosticResult[] expected)
            => VerifyFixAsync(source, fixedSource, fixedSource, equivalenceKey, expected);

        /// <summary>The shared fix verifier, with the real OpenAI client libraries referenced.</summary>
        private static Task VerifyFixAsync(string source, string fixedSource, string batchFixedSource, string equivalenceKey, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                BatchFixedCode = batchFixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            test.TestState.AdditionalReferences.AddRange(KeyLintCodeFixVerifier.ClientLibraryReferences);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static DiagnosticResult Credential(int location, string what)
            => new DiagnosticResult(KeyLintDescriptors.KL0007_HardcodedCredential).WithLocation(location).WithArguments(what);

        /// <summary>The OpenAI SDK's apiKey parameter is not nullable-annotated: the plain read compiles with no warning.</summary>
        [Fact]
        public async Task OpenAIClientLiteral_EnvironmentVariable()
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
    }
}
