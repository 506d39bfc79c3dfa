using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.CodeFixes;
using KeyLint.Tests.Reliability;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Verify = KeyLint.Tests.KeyLintCodeFixVerifier<KeyLint.Analyzers.HardcodedOpenAIKeyAnalyzer, KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider>;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>
    /// One name per distinct key, in the light bulb and in Fix All alike (README "Setting names"):
    /// a light bulb offers a key the name Fix All in document gives it.
    /// </summary>
    public class SettingNameTests
    {
        private const string Environment = HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey;

        [Fact]
        public async Task LightBulbs_ShouldOfferTheNamesFixAllGives()
        {
            string first = FakeKeys.Project(seed: 61);
            string second = FakeKeys.ServiceAccount(seed: 62);
            string source = $$"""
                class C
                {
                    public string? A = "{{first}}";
                    public string? B = "{{second}}";
                    public string? C2 = "{{first}}";
                    public string? D = "{{second}}";
                }
                """;

            IReadOnlyList<CodeAction> actions = await Verify.GetActionsAsync(source);
            string[] titles = actions.Where(a => a.EquivalenceKey == Environment).Select(a => a.Title).ToArray();
            Assert.Equal(
                new[]
                {
                    "Read the key from environment variable OPENAI_API_KEY, then rotate the exposed key",
                    "Read the key from environment variable OPENAI_API_KEY_2, then rotate the exposed key",
                    "Read the key from environment variable OPENAI_API_KEY, then rotate the exposed key",
                    "Read the key from environment variable OPENAI_API_KEY_2, then rotate the exposed key",
                },
                titles);
        }

        /// <summary>A rule switched off reports nothing to Fix All: its keys do not take a name in the light bulb either.</summary>
        [Fact]
        public async Task KeyOfASwitchedOffRule_ShouldNotTakeAName()
        {
            string service = FakeKeys.ServiceAccount(seed: 67);
            string project = FakeKeys.Project(seed: 68);
            IReadOnlyList<CodeAction> actions = await Verify.GetActionsAsync(
                $$"""
                class C
                {
                    public string? A = "{{service}}";
                    public string? B = "{{project}}";
                }
                """,
                editorConfig: "root = true\n\n[*.cs]\ndotnet_diagnostic.KL0002.severity = none\n");
            Assert.Equal(
                "Read the key from environment variable OPENAI_API_KEY, then rotate the exposed key",
                Assert.Single(actions, a => a.EquivalenceKey == Environment).Title);
        }

        [Fact]
        public async Task NameAlreadyWrittenInTheFile_ShouldBeSkipped()
        {
            string key = FakeKeys.Project(seed: 63);
            IReadOnlyList<CodeAction> actions = await Verify.GetActionsAsync($$"""
                class C
                {
                    public string? Other = System.Environment.GetEnvironmentVariable("OPENAI_API_KEY");
                    public string? A = "{{key}}";
                }
                """);
            Assert.Equal(
                "Read the key from environment variable OPENAI_API_KEY_2, then rotate the exposed key",
                Assert.Single(actions, a => a.EquivalenceKey == Environment).Title);
        }

        /// <summary>
        /// A light bulb on the document the previous light bulb produced, in the same workspace (as
        /// an IDE does, without parsing again): every key still gets its fix.
        /// </summary>
        [Fact]
        public async Task LightBulbsOneAfterAnother_InTheSameWorkspace_ShouldEachFixTheirKey()
        {
            var keys = Enumerable.Range(0, 4).Select(i => FakeKeys.Project(seed: 80 + i)).ToArray();
            Document document = ReliabilityHarness.CreateDocument($$"""
                class C
                {
                    public string Long()
                    {
                        var parts = new System.Collections.Generic.List<string>();
                        for (int i = 0; i < 10; i++)
                        {
                            parts.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }

                        return string.Join(",", parts) + "{{keys[0]}}";
                    }

                    public string? A = "{{keys[1]}}";
                    public string? B = "{{keys[2]}}";
                    public string? D = "{{keys[3]}}";
                }
                """);
            var provider = new HardcodedOpenAIKeyCodeFixProvider();
            for (int fixedSoFar = 0; fixedSoFar < keys.Length; fixedSoFar++)
            {
                Diagnostic[] diagnostics = (await ReliabilityHarness.AnalyzeAsync(document)).Diagnostics
                    .Where(d => ReliabilityHarness.FixedIds.Contains(d.Id))
                    .OrderByDescending(d => d.Location.SourceSpan.Start)
                    .ToArray();
                Assert.Equal(keys.Length - fixedSoFar, diagnostics.Length);

                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None));
                CodeAction environment = Assert.Single(actions, a => a.EquivalenceKey == Environment);
                document = await ReliabilityHarness.ApplyAsync(document, environment);
            }

            string text = (await document.GetTextAsync()).ToString();
            Assert.True(!text.Contains("sk-", System.StringComparison.Ordinal), "a key is left:\n" + ReliabilityHarness.RedactAll(text));
            Assert.True(text.Contains("\"OPENAI_API_KEY_4\"", System.StringComparison.Ordinal), ReliabilityHarness.RedactAll(text));
        }

        /// <summary>
        /// dotnet format analyses once, then runs one Fix All per diagnostic ID on the solution the
        /// previous one changed: the second ID's diagnostics point into the text before the first fix.
        /// </summary>
        [Fact]
        public async Task FixAllPerId_WithDiagnosticsFromBeforeTheFirstFix_ShouldFixEveryId()
        {
            string project = FakeKeys.Project(seed: 64);
            string service = FakeKeys.ServiceAccount(seed: 65);
            string legacy = FakeKeys.LegacyUser(seed: 66);
            Document document = ReliabilityHarness.CreateDocument($$"""
                class C
                {
                    private const string Service = "{{service}}";
                    public static readonly string Header = "Authorization: Bearer {{legacy}}";
                    public string? Project = "{{project}}";
                    public int Length => Service.Length;
                }
                """);
            ImmutableArray<Diagnostic> analysed = (await ReliabilityHarness.AnalyzeAsync(document)).Diagnostics
                .Where(d => ReliabilityHarness.FixedIds.Contains(d.Id))
                .ToImmutableArray();
            Assert.Equal(new[] { "KL0001", "KL0002", "KL0004" }, analysed.Select(d => d.Id).OrderBy(id => id).ToArray());

            var provider = new HardcodedOpenAIKeyCodeFixProvider();
            Solution solution = document.Project.Solution;
            foreach (string id in new[] { "KL0002", "KL0004", "KL0001" })
            {
                Document current = solution.GetDocument(document.Id)!;
                var context = new FixAllContext(
                    current,
                    provider,
                    FixAllScope.Solution,
                    Environment,
                    new[] { id },
                    new ReliabilityHarness.FixedDiagnosticProvider(analysed.Where(d => d.Id == id).ToImmutableArray()),
                    CancellationToken.None);
                CodeAction action = (await provider.GetFixAllProvider().GetFixAsync(context))!;
                ApplyChangesOperation operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
                solution = operation.ChangedSolution;
            }

            // A host keeps the trees it is handed: marks left for the compile check would mislead the next fix.
            SyntaxNode fixedRoot = (await solution.GetDocument(document.Id)!.GetSyntaxRootAsync())!;
            Assert.Empty(fixedRoot.GetAnnotatedNodesAndTokens("KeyLint.ChangedMember"));
            Assert.Empty(fixedRoot.GetAnnotatedNodesAndTokens("KeyLint.Hole"));
            Assert.Empty(fixedRoot.GetAnnotatedNodesAndTokens("KeyLint.RemovedDeclarations"));

            string text = (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
            Assert.Equal(
                """
                using System;

                class C
                {
                    private static readonly string Service = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("The environment variable OPENAI_API_KEY is not set.");
                    public static readonly string Header = $"Authorization: Bearer {Environment.GetEnvironmentVariable("OPENAI_API_KEY_2")}";
                    public string? Project = Environment.GetEnvironmentVariable("OPENAI_API_KEY_3");
                    public int Length => Service.Length;
                }
                """.ReplaceLineEndings(),
                text.ReplaceLineEndings());
        }
    }
}
