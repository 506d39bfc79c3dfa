using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>KL0007's fixes: the same reads as KL0001–KL0004, Azure OpenAI names for Azure credentials.</summary>
    public class KL0007_CredentialCodeFixTests
    {
        private sealed class Test : CSharpCodeFixTest<HardcodedCredentialAnalyzer, HardcodedOpenAIKeyCodeFixProvider, DefaultVerifier>
        {
            public Test()
            {
                TestReferences.Apply(TestState);
                TestState.AdditionalReferences.AddRange(ClientLibraries.References);
                SolutionTransforms.Add(TestReferences.EnableNullable);
                CompilerDiagnostics = CompilerDiagnostics.Warnings;
            }

            protected override ParseOptions CreateParseOptions()
                => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);
        }

        private static DiagnosticResult Credential(int location, string what)
            => new DiagnosticResult(KeyLintDescriptors.KL0007_HardcodedCredential).WithLocation(location).WithArguments(what);

        /// <summary>The OpenAI SDK's apiKey parameter is not nullable-annotated: the plain read compiles with no warning.</summary>
        [Fact]
        public async Task OpenAIClientLiteral_EnvironmentVariable()
        {
            await new Test
            {
                TestCode = """
                    using System;

                    class C
                    {
                        public OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient({|#0:"my-placeholder-key"|});
                    }
                    """,
                FixedCode = """
                    using System;

                    class C
                    {
                        public OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                    }
                    """,
                CodeActionEquivalenceKey = HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey,
                ExpectedDiagnostics = { Credential(0, "OpenAIClient (apiKey)") },
            }.RunAsync();
        }

        [Fact]
        public async Task AzureKeyCredentialFromLocal_ShouldUseAzureNamesAndDropTheLocal()
        {
            await new Test
            {
                TestCode = """
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
                FixedCode = """
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
                CodeActionEquivalenceKey = HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey,
                ExpectedDiagnostics = { Credential(0, "AzureKeyCredential for AzureOpenAIClient (key)") },
            }.RunAsync();
        }
    }
}
