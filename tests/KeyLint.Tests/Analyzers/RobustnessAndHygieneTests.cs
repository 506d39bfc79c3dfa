using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = KeyLint.Tests.KeyLintVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer>;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// Near-misses in real code stay silent; half-typed code never makes the analyzer throw;
    /// generated code is reported; no message ever carries a whole key.
    /// </summary>
    public class RobustnessAndHygieneTests
    {
        [Fact]
        public async Task NearMissesInCode_ShouldNotReport()
        {
            var random = new Random(42);
            string Alnum(int n) => new string(Enumerable.Range(0, n).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[random.Next(62)]).ToArray());
            string Hex(int n) => new string(Enumerable.Range(0, n).Select(_ => "0123456789abcdef"[random.Next(16)]).ToArray());
            string key = FakeKeys.Project();
            await Verify.VerifyAnalyzerAsync(
                $$"""
                using System.Globalization;
                class C
                {
                    string Anthropic = "sk-ant-api03-{{Alnum(90)}}";
                    string OpenRouter = "sk-or-v1-{{Hex(64)}}";
                    string StripeLive = "sk_live_{{Alnum(24)}}";
                    string StripeTest = "sk_test_{{Alnum(24)}}";
                    string DeepSeek = "sk-{{Hex(32)}}";
                    string NoMarker = "sk-{{Alnum(48)}}";
                    CultureInfo Slovak = new CultureInfo("sk-SK");
                    string Css = "sk-button task-list";
                    string[] Placeholders = { "sk-...", "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-your-key-here", "sk-proj-REPLACE_ME" };
                    string Repeated = "sk-proj-{{new string('x', 20)}}T3BlbkFJ{{new string('x', 20)}}";
                    string Redacted = "sk-proj-…AbCd sk-abc...def";
                    string Glued = "task-{{Alnum(20)}}T3BlbkFJ{{Alnum(20)}}";
                    string GluedToKey = "x{{key}}";
                    string WrongCase = "sk-{{Alnum(20)}}t3blbkfj{{Alnum(20)}}";
                    string MarkerAlone = "T3BlbkFJ";
                    string FarApart = "sk-proj-{{Alnum(16)}}T3BlbkFJ{{Alnum(60)}}";
                    string Ids = "org-{{Alnum(24)}} proj_{{Alnum(24)}}";
                }
                """);
        }

        public static IEnumerable<object[]> BrokenSources()
        {
            string key = FakeKeys.Project();
            yield return new object[] { $$"""class C { string K = "{{key}}""" };
            yield return new object[] { $$"""class C { string K = @"{{key}}""" };
            yield return new object[] { $$"""class C { string K = $"{{key}} {""" };
            yield return new object[] { $$"""class C { string K = $"{ $"{ "{{key}}" """ };
            yield return new object[] { $$"""class C { string K = "\u00{{key}}"; }""" };
            yield return new object[] { "class C { string K = \"\"\"" + key };
            yield return new object[] { "class C { string K = \"\"\"\n  " + key + "\n" };
            yield return new object[] { $$"""class C { void M() { Use("{{key}}" +  } }""" };
            yield return new object[] { $$"""class C { const string A = "sk-proj-"; const string B = A + ; string K = A + "{{key.Substring(8)}}" + B; }""" };
            yield return new object[] { $$"""namespace { [Attr("{{key}}"]""" };
            yield return new object[] { $$"""/* {{key}}""" };
            yield return new object[] { $$"""#if false{{"\n"}}"{{key}}""" };
            yield return new object[] { $$"""#region {{key}}""" };
            yield return new object[] { $$""" "{{key}}" """ };
            yield return new object[] { $$"""class C { char c = '{{key}}'; }""" };
            yield return new object[] { $$"""class C { string K = "\uD800{{key}}\uDC00"; }""" };
            yield return new object[] { "class C { string K = \"\uD800" + key + "\"; }" };
            yield return new object[] { $$"""class C { const string A = B + "{{key.Substring(3)}}"; const string B = A + "sk-"; }""" };
            yield return new object[] { $$"""class C { string K = {{key}}; }""" };
            yield return new object[] { "T3BlbkFJ" };
            yield return new object[] { "\\u" };
            yield return new object[] { "\"\\x" };
            yield return new object[] { string.Empty };
        }

        /// <summary>Half-typed and broken code: any outcome but an exception (AD0001) is acceptable.</summary>
        [Theory]
        [MemberData(nameof(BrokenSources))]
        public async Task BrokenCode_ShouldNeverThrow(string source)
        {
            ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(source);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        [Fact]
        public async Task UnterminatedStringWithKey_ShouldStillReport()
        {
            string key = FakeKeys.Project();
            ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync($$"""class C { string K = "{{key}}""");
            Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id.StartsWith("KL", StringComparison.Ordinal));
            Assert.Equal("KL0001", diagnostic.Id);
            Assert.Equal(22, diagnostic.Location.SourceSpan.Start);
            Assert.Equal(key.Length, diagnostic.Location.SourceSpan.Length);
        }

        [Fact]
        public async Task KeyInGeneratedFile_ShouldReport()
        {
            string key = FakeKeys.Project();
            var test = new Verify.AnalyzerTest
            {
                TestState =
                {
                    Sources =
                    {
                        ("Settings.Designer.cs", $$"""
                            // <auto-generated/>
                            class Settings { public string ApiKey => "{|#0:{{key}}|}"; }
                            """),
                    },
                },
                ExpectedDiagnostics = { KeyKinds.InCode("Project", key).WithLocation(0) },
            };
            await test.RunAsync();
        }

        /// <summary>Every rule, over keys of every kind: the messages show each key redacted, never whole.</summary>
        [Fact]
        public async Task Messages_ShouldNeverContainAWholeKey()
        {
            var keys = new List<string>();
            var source = new System.Text.StringBuilder("class C\n{\n");
            int seed = 100;
            foreach (string kind in KeyKinds.All)
            {
                string literal = KeyKinds.Key(kind, seed++);
                string comment = KeyKinds.Key(kind, seed++);
                string assembled = KeyKinds.Key(kind, seed++);
                keys.AddRange(new[] { literal, comment, assembled });
                source.Append($"    // {comment}\n");
                source.Append($"    string F{seed} = \"{literal}\";\n");
                source.Append($"    string G{seed} = \"{assembled.Substring(0, 10)}\" + \"{assembled.Substring(10)}\";\n");
            }

            source.Append("}\n");
            ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(source.ToString());

            Assert.Equal(keys.Count, diagnostics.Count(d => d.Id.StartsWith("KL", StringComparison.Ordinal)));
            foreach (Diagnostic diagnostic in diagnostics)
            {
                string rendered = diagnostic.ToString() + diagnostic.GetMessage() + diagnostic.Descriptor.Title + diagnostic.Descriptor.Description
                    + string.Join(";", diagnostic.Properties.Select(p => p.Key + "=" + p.Value));
                foreach (string key in keys)
                {
                    // Not Assert.DoesNotContain: its failure message would print the whole key.
                    bool leaked = rendered.Contains(key.Substring(key.Length - 12), StringComparison.Ordinal);
                    Assert.False(leaked, $"{diagnostic.Id} holds the key {KeyRedactor.Redact(key.AsSpan(), 3)}");
                }
            }
        }

        internal static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Test.cs");
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Test",
                new[] { tree },
                TestReferences.Net80References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new HardcodedOpenAIKeyAnalyzer());
            var exceptions = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Add(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

            // An analyzer exception would reach users as AD0001: fail with the exception itself.
            Assert.Empty(exceptions);
            return diagnostics;
        }
    }
}
