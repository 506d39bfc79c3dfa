using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.CodeFixes;
using KeyLint.Tests.Reliability;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KeyLint.Tests.CodeFixes
{
    /// <summary>
    /// Fix All of the keys in comments where it meets the other fixes: dotnet format's one Fix All
    /// per ID on a solution an earlier ID already changed (KL0005 after KL0001 — the diagnostics then
    /// point into an older text), and KL0008, one rule for Azure keys in code and in comments, fixed
    /// by one provider so that one Fix All reaches both. Keys: <see cref="FakeKeys"/> and
    /// <see cref="FakeAzureKeys"/>, seeds 931–936.
    /// </summary>
    public class CommentFixAllTests
    {
        private static readonly string CodeKey = FakeKeys.Project(931);
        private static readonly string CommentKey = FakeKeys.Project(932);
        private static readonly string AzureInCode = FakeAzureKeys.Create(933);
        private static readonly string AzureInComment = FakeAzureKeys.Create(934);
        private static readonly string AzureInDocComment = FakeAzureKeys.Create(935, service: FakeAzureKeys.Speech);

        private const string EnvironmentRead = "Environment.GetEnvironmentVariable(\"{0}\") ?? throw new InvalidOperationException(\"The environment variable {0} is not set.\")";

        [Fact]
        public async Task FixAllKL0005_AfterAnEarlierIdsFixAllChangedTheDocument_ShouldRedactTheKeyFoundAgain()
        {
            string source = $$"""
                using System;

                public static class Holder
                {
                    public static string Key() => "{{CodeKey}}";

                    // the old key was {{CommentKey}}, keep this note
                }
                """;
            Document document = ReliabilityHarness.CreateDocument(source, filePath: "/src/Holder.cs");
            ImmutableArray<Diagnostic> diagnostics = (await ReliabilityHarness.AnalyzeAsync(document)).Diagnostics;
            Assert.Equal(new[] { RuleIdentifiers.HardcodedProjectKey, RuleIdentifiers.KeyInCommentOrDisabledCode }, diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id));

            // dotnet format: KL0001's Fix All first, then KL0005's with the diagnostics of the first analysis.
            Solution afterKL0001 = await FixAllAsync(new HardcodedOpenAIKeyCodeFixProvider(), document, HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey, diagnostics, RuleIdentifiers.HardcodedProjectKey);
            Document changed = afterKL0001.GetDocument(document.Id)!;
            Diagnostic comment = diagnostics.Single(d => d.Id == RuleIdentifiers.KeyInCommentOrDisabledCode);
            Microsoft.CodeAnalysis.Text.SourceText changedText = await changed.GetTextAsync();
            Assert.True(comment.Location.SourceSpan.End > changedText.Length || changedText.ToString(comment.Location.SourceSpan) != CommentKey, "the first Fix All should have moved the comment");

            Solution afterKL0005 = await FixAllAsync(new RedactKeyInCommentCodeFixProvider(), changed, RedactKeyInCommentCodeFixProvider.RedactKey, diagnostics, RuleIdentifiers.KeyInCommentOrDisabledCode);

            string expected = $$"""
                using System;

                public static class Holder
                {
                    public static string Key() => {{string.Format(EnvironmentRead, "OPENAI_API_KEY")}};

                    // the old key was {{FakeKeys.Redacted(CommentKey, "sk-proj-")}}, keep this note
                }
                """;
            Assert.Equal(expected, (await afterKL0005.GetDocument(document.Id)!.GetTextAsync()).ToString());
        }

        [Theory]
        [InlineData(HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey)]
        [InlineData(RedactKeyInCommentCodeFixProvider.RedactKey)]
        public async Task FixAllKL0008_FromEitherAction_ShouldReadTheKeyInCodeAndRedactTheKeysInComments(string equivalenceKey)
        {
            string source = $$"""
                using System;

                /// <summary>Speech key: {{AzureInDocComment}}</summary>
                public static class Holder
                {
                    // was {{AzureInComment}}
                    public static string Key() => "{{AzureInCode}}";
                }
                """;
            Document document = ReliabilityHarness.CreateDocument(source, filePath: "/src/Holder.cs");
            ImmutableArray<Diagnostic> diagnostics = (await ReliabilityHarness.AnalyzeAsync(document)).Diagnostics;
            Assert.Equal(3, diagnostics.Count(d => d.Id == RuleIdentifiers.HardcodedAzureKey));
            Assert.Equal(2, diagnostics.Count(CommentRedaction.IsInComment));

            (Solution fixedSolution, string title) = await FixAllWithTitleAsync(new HardcodedOpenAIKeyCodeFixProvider(), document, equivalenceKey, diagnostics, RuleIdentifiers.HardcodedAzureKey);

            // No IConfiguration in reach: configuration (the redaction's read) falls back to the environment.
            string expected = $$"""
                using System;

                /// <summary>Speech key: {{FakeKeys.Redacted(AzureInDocComment, string.Empty)}}</summary>
                public static class Holder
                {
                    // was {{FakeKeys.Redacted(AzureInComment, string.Empty)}}
                    public static string Key() => {{string.Format(EnvironmentRead, "AZURE_OPENAI_API_KEY")}};
                }
                """;
            Assert.Equal(expected, (await fixedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString());
            string read = equivalenceKey == RedactKeyInCommentCodeFixProvider.RedactKey ? "configuration (or the environment)" : "environment variables";
            Assert.Equal($"Read every hardcoded key from {read}, redact the keys in comments, then rotate the keys", title);
        }

        [Fact]
        public async Task FixAllKL0008_WithKeysInCommentsOnly_ShouldRedactAndSaySo()
        {
            string source = $$"""
                public static class Holder
                {
                    // was {{AzureInComment}}
                }
                """;
            Document document = ReliabilityHarness.CreateDocument(source, filePath: "/src/Holder.cs");
            ImmutableArray<Diagnostic> diagnostics = (await ReliabilityHarness.AnalyzeAsync(document)).Diagnostics;

            (Solution fixedSolution, string title) = await FixAllWithTitleAsync(new HardcodedOpenAIKeyCodeFixProvider(), document, RedactKeyInCommentCodeFixProvider.RedactKey, diagnostics, RuleIdentifiers.HardcodedAzureKey);

            Assert.Equal(source.Replace(AzureInComment, FakeKeys.Redacted(AzureInComment, string.Empty)), (await fixedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString());
            Assert.Equal("Replace every key in comments with its redacted form, then rotate the exposed keys", title);
        }

        [Fact]
        public async Task LightBulb_KL0008InAComment_ShouldOfferTheRedactionOnly_AndKL0005HasItsOwnProvider()
        {
            string source = $$"""
                public static class Holder
                {
                    // was {{AzureInComment}}
                }
                """;
            Document document = ReliabilityHarness.CreateDocument(source, filePath: "/src/Holder.cs");
            Diagnostic diagnostic = Assert.Single((await ReliabilityHarness.AnalyzeAsync(document)).Diagnostics);
            Assert.Equal(RuleIdentifiers.HardcodedAzureKey, diagnostic.Id);

            var provider = new HardcodedOpenAIKeyCodeFixProvider();
            var actions = new System.Collections.Generic.List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), default));

            CodeAction redaction = Assert.Single(actions);
            string redacted = FakeKeys.Redacted(AzureInComment, string.Empty);
            Assert.Equal($"Replace the key with {redacted}, then rotate the exposed key", redaction.Title);
            Assert.Equal(RedactKeyInCommentCodeFixProvider.RedactKey, redaction.EquivalenceKey);
            Document fixedDocument = await ReliabilityHarness.ApplyAsync(document, redaction);
            Assert.Equal(source.Replace(AzureInComment, redacted), (await fixedDocument.GetTextAsync()).ToString());

            // One provider per ID: dotnet format applies one, and KL0008's must reach code and comments.
            Assert.DoesNotContain(RuleIdentifiers.HardcodedAzureKey, new RedactKeyInCommentCodeFixProvider().FixableDiagnosticIds);
        }

        private static async Task<Solution> FixAllAsync(CodeFixProvider provider, Document document, string equivalenceKey, ImmutableArray<Diagnostic> diagnostics, string id)
            => (await FixAllWithTitleAsync(provider, document, equivalenceKey, diagnostics, id)).Solution;

        /// <summary>Fix All in Solution for one ID with the diagnostics given, the way dotnet format runs it.</summary>
        private static async Task<(Solution Solution, string Title)> FixAllWithTitleAsync(CodeFixProvider provider, Document document, string equivalenceKey, ImmutableArray<Diagnostic> diagnostics, string id)
        {
            var context = new FixAllContext(
                document.Project,
                provider,
                FixAllScope.Solution,
                equivalenceKey,
                new[] { id },
                new ReliabilityHarness.FixedDiagnosticProvider(diagnostics.Where(d => d.Id == id).ToImmutableArray()),
                default);
            CodeAction? action = await provider.GetFixAllProvider()!.GetFixAsync(context);
            Assert.NotNull(action);
            ImmutableArray<CodeActionOperation> operations = await action!.GetOperationsAsync(default);
            return (Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution, action.Title);
        }
    }
}
