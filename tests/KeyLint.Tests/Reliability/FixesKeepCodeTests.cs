using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// For code that compiles, every fix offered keeps it compiling (no new error, and — as the
    /// fixes promise — no new warning), and changes nothing but the replaced expression, plus the
    /// changes a fix is allowed to make: added using directives, const turned into static readonly
    /// (fields) or a plain local, and const locals removed when they were only pieces of the key.
    /// KL0005's fix changes exactly the key's characters into the redacted form.
    /// </summary>
    public class FixesKeepCodeTests
    {
        private readonly ITestOutputHelper _output;

        public FixesKeepCodeTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Inputs() => new[]
        {
            new object[] { "KeysEverywhere" },
            new object[] { "Credentials" },
            new object[] { "TopLevel" },
            new object[] { "SamplesConsole" },
        };

        private static Document Create(string input)
        {
            switch (input)
            {
                case "SamplesConsole":
                {
                    var samples = ReliabilityHarness.SampleSources().Where(s => s.Name.StartsWith("KeyLint.Sample.Console/", StringComparison.Ordinal)).ToArray();
                    Assert.Equal(2, samples.Length);
                    return ReliabilityHarness.CreateDocument(
                        samples[0].Text,
                        OutputKind.ConsoleApplication,
                        filePath: "/src/" + samples[0].Name,
                        otherDocuments: samples.Skip(1).Select(s => ("/src/" + s.Name, s.Text)));
                }

                default:
                {
                    ReliabilitySources.Source source = ReliabilitySources.All().Single(s => s.Name == input + ".cs");
                    return ReliabilityHarness.CreateDocument(source.Text, source.OutputKind);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Inputs))]
        public async Task EveryOfferedFix_ShouldCompileAndChangeOnlyTheReplacedCode(string input)
        {
            Document first = Create(input);
            Project project = first.Project;
            Compilation compilation = (await project.GetCompilationAsync())!;
            Dictionary<string, int> problemsBefore = Problems(compilation);
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, input + " does not compile: " + string.Join("; ", errors.Select(e => ReliabilityHarness.RedactAll(e.ToString()))));

            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(first);
            Assert.Empty(analysis.Exceptions);

            var failures = new List<string>();
            int checkedFixes = 0;
            foreach (Document document in project.Documents)
            {
                (List<ReliabilityHarness.OfferedFix> fixes, List<Exception> exceptions) = await ReliabilityHarness.RunFixesAsync(document, analysis.Diagnostics, computeOperations: false);
                failures.AddRange(exceptions.Select(e => "fix threw " + ReliabilityHarness.Describe(e)));
                string original = (await document.GetTextAsync()).ToString();
                SyntaxNode root = (await document.GetSyntaxRootAsync())!;
                foreach (ReliabilityHarness.OfferedFix fix in fixes)
                {
                    string where = $"{document.Name} {fix.Diagnostic.Id} at {fix.Diagnostic.Location.GetLineSpan().StartLinePosition} '{fix.Action.Title}'";
                    Document changed = await ReliabilityHarness.ApplyAsync(document, fix.Action);
                    string result = (await changed.GetTextAsync()).ToString();
                    checkedFixes++;

                    Dictionary<string, int> problemsAfter = Problems((await changed.Project.GetCompilationAsync())!);
                    foreach ((string id, int count) in problemsAfter)
                    {
                        if (!problemsBefore.TryGetValue(id, out int before) || before < count)
                        {
                            failures.Add($"{where}: new {id} ({count} after, {problemsBefore.GetValueOrDefault(id)} before)");
                        }
                    }

                    failures.AddRange(fix.Diagnostic.Id == RuleIdentifiers.KeyInCommentOrDisabledCode
                        ? CheckRedaction(original, result, fix.Diagnostic).Select(f => where + ": " + f)
                        : CheckChangedOnlyTheReplacedCode(original, root, result, fix.Diagnostic).Select(f => where + ": " + f));
                }
            }

            _output.WriteLine($"{input}: {checkedFixes} fixes applied and checked");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Select(ReliabilityHarness.RedactAll)));
            Assert.True(checkedFixes >= 4, checkedFixes + " fixes");
        }

        /// <summary>Fix All at document scope, for each strategy: the result still compiles, with no new error.</summary>
        [Theory]
        [MemberData(nameof(Inputs))]
        public async Task FixAllInDocument_ShouldCompile(string input)
        {
            Document first = Create(input);
            Compilation compilation = (await first.Project.GetCompilationAsync())!;
            Dictionary<string, int> problemsBefore = Problems(compilation);
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(first);
            var provider = new KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider();
            var failures = new List<string>();
            foreach (Document document in first.Project.Documents)
            {
                foreach (string equivalenceKey in new[] { KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider.UseConfigurationKey, KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider.UseKeyVaultKey, KeyLint.CodeFixes.HardcodedOpenAIKeyCodeFixProvider.UseEnvironmentVariableKey })
                {
                    var context = new Microsoft.CodeAnalysis.CodeFixes.FixAllContext(
                        document, provider, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Document, equivalenceKey, provider.FixableDiagnosticIds,
                        new ReliabilityHarness.FixedDiagnosticProvider(analysis.Diagnostics), default);
                    Microsoft.CodeAnalysis.CodeActions.CodeAction? fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
                    if (fixAll is null)
                    {
                        continue;
                    }

                    Document changed = await ReliabilityHarness.ApplyAsync(document, fixAll);
                    foreach ((string id, int count) in Problems((await changed.Project.GetCompilationAsync())!))
                    {
                        if ((!problemsBefore.TryGetValue(id, out int before) || before < count) && id != "CS0414")
                        {
                            failures.Add($"{document.Name} Fix All '{equivalenceKey}': new {id} ({count} after, {problemsBefore.GetValueOrDefault(id)} before)");
                        }
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        /// <summary>
        /// KL0007 on a private static readonly field: the fix replaces the field's only read. Left
        /// alone, the field would be assigned and never read (CS0414, a warning that only the whole
        /// compilation reports, so the fix's own per-document check cannot see it): it is removed
        /// with its only read.
        /// </summary>
        [Fact]
        public async Task FixOfTheOnlyReadOfAPrivateStaticReadonlyField_ShouldNotAddWarningCS0414()
        {
            const string Source = """
                class C
                {
                    private static readonly string Placeholder = "your-api-key";

                    public OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient(Placeholder);
                }
                """;
            Document document = ReliabilityHarness.CreateDocument(Source);
            Assert.DoesNotContain((await document.Project.GetCompilationAsync())!.GetDiagnostics(), d => d.Severity >= DiagnosticSeverity.Warning);
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document);
            Diagnostic diagnostic = Assert.Single(analysis.KeyLint);
            Assert.Equal(RuleIdentifiers.HardcodedCredential, diagnostic.Id);

            (List<ReliabilityHarness.OfferedFix> fixes, _) = await ReliabilityHarness.RunFixesAsync(document, analysis.Diagnostics, computeOperations: false);
            ReliabilityHarness.OfferedFix fix = Assert.Single(fixes);
            Document changed = await ReliabilityHarness.ApplyAsync(document, fix.Action);
            Assert.Equal(
                """
                using System;

                class C
                {
                    public OpenAI.OpenAIClient Create() => new OpenAI.OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
                }
                """,
                (await changed.GetTextAsync()).ToString());
            Assert.Empty((await changed.Project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id));
        }

        private const string OracleSource = "using System;\nclass C\n{\n    private const string K = \"%K%\";\n    int x = 1;\n}\n";

        /// <summary>The diff check itself: the allowed changes pass (0), anything else is caught (1).</summary>
        [Theory]
        [InlineData("using System;\nusing System.Text;\nclass C\n{\n    private static readonly string K = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\") ?? throw new InvalidOperationException(\"x\");\n    int x = 1;\n}\n", 0)]
        [InlineData("using System;\nclass C\n{\n    private static readonly string K = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");\n    int x = 2;\n}\n", 1)]
        [InlineData("using System;\nclass C\n{\n    private static readonly string K = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");\n    int  x = 1;\n}\n", 1)]
        [InlineData("class C\n{\n    private static readonly string K = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");\n    int x = 1;\n}\n", 1)]
        [InlineData("using System;\nclass C\n{\n    private static string K = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");\n    int x = 1;\n}\n", 1)]
        [InlineData("using System;\nclass C\n{\n    private static readonly string K = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");\n    int x = 1; int y;\n}\n", 1)]
        public void DiffCheck_ShouldAcceptOnlyTheAllowedChanges(string fixedTemplate, int accepted)
        {
            string key = FakeKeys.Project(61);
            string original = OracleSource.Replace("%K%", key);
            SyntaxTree tree = CSharpSyntaxTree.ParseText(original, new CSharpParseOptions(LanguageVersion.Latest));
            int start = original.IndexOf(key, StringComparison.Ordinal);
            Diagnostic diagnostic = Diagnostic.Create(KeyLintDescriptors.KL0001_HardcodedProjectKey, Location.Create(tree, new TextSpan(start, key.Length)), "redacted");
            List<string> failures = CheckChangedOnlyTheReplacedCode(original, tree.GetRoot(), fixedTemplate, diagnostic);
            Assert.True((failures.Count == 0) == (accepted == 0), failures.Count + " failures: " + string.Join("\n", failures));
        }

        /// <summary>Errors and warnings of a compilation, counted by ID.</summary>
        private static Dictionary<string, int> Problems(Compilation compilation)
            => compilation.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .GroupBy(d => d.Id)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        /// <summary>KL0005: exactly the key's characters become its redacted form.</summary>
        internal static IEnumerable<string> CheckRedaction(string original, string result, Diagnostic diagnostic)
        {
            TextSpan span = diagnostic.Location.SourceSpan;
            string key = original.Substring(span.Start, span.Length);
            KeyMatchEnumerator matches = KeyScanner.Find(key.AsSpan());
            if (!matches.MoveNext() || matches.Current.Length != key.Length)
            {
                yield return "the diagnostic does not cover exactly one key";
                yield break;
            }

            string expected = original.Substring(0, span.Start) + KeyRedactor.Redact(key.AsSpan(), matches.Current.PrefixLength) + original.Substring(span.End);
            if (!string.Equals(expected, result, StringComparison.Ordinal))
            {
                yield return "the redaction changed more than the key: " + FirstDifference(expected, result);
            }
        }

        /// <summary>
        /// Diffs the token streams of the original and the fixed text and accepts only: changes
        /// inside the replaced expression, const → static readonly / removed const, removed local
        /// declarations that were pieces of the key, and added using directives. Trivia (whitespace,
        /// comments) may change only next to an accepted change.
        /// </summary>
        internal static List<string> CheckChangedOnlyTheReplacedCode(string original, SyntaxNode root, string result, Diagnostic diagnostic)
        {
            var failures = new List<string>();
            TextSpan replaced = ReplacedSpan(root, diagnostic.Location.SourceSpan);
            SyntaxToken? constKeyword = ConstKeywordOf(root, replaced);
            SyntaxNode resultRoot = CSharpSyntaxTree.ParseText(result, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();

            // Using directives: every original one is kept, in order; added ones are allowed.
            string[] usingsBefore = Usings(root);
            string[] usingsAfter = Usings(resultRoot);
            int kept = 0;
            foreach (string directive in usingsAfter)
            {
                if (kept < usingsBefore.Length && usingsBefore[kept] == directive)
                {
                    kept++;
                }
            }

            if (kept != usingsBefore.Length)
            {
                failures.Add("a using directive was removed or reordered");
            }

            // Locals and private fields that were only pieces of the key (or only read there) and are gone
            // from the result are allowed removals.
            HashSet<TextSpan> removed = RemovableStatementTokens(root, replaced, resultRoot);

            (SyntaxToken Token, bool AfterExcluded)[] before = Tokens(root, t => removed.Contains(t.Span));
            (SyntaxToken Token, bool AfterExcluded)[] after = Tokens(resultRoot, _ => false);
            List<(int Before, int After)> matched = LongestCommonSubsequence(before.Select(t => t.Token).ToArray(), after.Select(t => t.Token).ToArray());

            bool InReplaced(SyntaxToken token) => replaced.Contains(token.Span);
            bool IsConst(SyntaxToken token) => constKeyword is SyntaxToken c && c.Span == token.Span;

            int previousBefore = -1, previousAfter = -1;
            var adjacent = new HashSet<int>();
            foreach ((int b, int a) in matched.Append((before.Length, after.Length)))
            {
                SyntaxToken[] deleted = before.Skip(previousBefore + 1).Take(b - previousBefore - 1).Select(t => t.Token).ToArray();
                SyntaxToken[] inserted = after.Skip(previousAfter + 1).Take(a - previousAfter - 1).Select(t => t.Token).ToArray();
                if (deleted.Length > 0 || inserted.Length > 0)
                {
                    adjacent.Add(previousBefore);
                    adjacent.Add(b);
                    int insertionPoint = b < before.Length ? before[b].Token.SpanStart : original.Length;
                    bool touchesReplaced = deleted.Any(InReplaced) || (deleted.Length == 0 && insertionPoint >= replaced.Start && insertionPoint <= replaced.End);
                    SyntaxToken[] unexplained = deleted.Where(t => !InReplaced(t) && !IsConst(t)).ToArray();
                    if (unexplained.Length > 0)
                    {
                        failures.Add("removed outside the replaced code: '" + string.Join(" ", unexplained.Select(t => t.Text)) + "'");
                    }

                    string[] texts = inserted.Select(t => t.Text).ToArray();
                    bool constToStaticReadonly = deleted.Length == 1 && IsConst(deleted[0]) && texts.SequenceEqual(new[] { "static", "readonly" });
                    if (inserted.Length > 0 && !touchesReplaced && !constToStaticReadonly)
                    {
                        failures.Add("added outside the replaced code: '" + string.Join(" ", texts) + "'");
                    }
                }

                previousBefore = b;
                previousAfter = a;
            }

            foreach ((int b, int a) in matched)
            {
                SyntaxToken token = before[b].Token;
                bool nextToAnAllowedChange = InReplaced(token) || adjacent.Contains(b) || before[b].AfterExcluded || after[a].AfterExcluded;
                if (token.ToFullString() != after[a].Token.ToFullString() && !nextToAnAllowedChange)
                {
                    failures.Add($"whitespace or comments changed around '{token.Text}' (line {token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}), away from any change");
                }
            }

            return failures;
        }

        private static string[] Usings(SyntaxNode root)
            => root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>().Select(u => u.ToString()).ToArray();

        /// <summary>
        /// The tokens of a text, without those of using directives and those <paramref name="exclude"/>
        /// names; each marked when the token just before it was left out (its trivia may have moved).
        /// </summary>
        private static (SyntaxToken Token, bool AfterExcluded)[] Tokens(SyntaxNode root, Func<SyntaxToken, bool> exclude)
        {
            var tokens = new List<(SyntaxToken, bool)>();
            bool afterExcluded = false;
            foreach (SyntaxToken token in root.DescendantTokens())
            {
                if (exclude(token) || token.Parent?.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null)
                {
                    afterExcluded = true;
                    continue;
                }

                tokens.Add((token, afterExcluded));
                afterExcluded = false;
            }

            return tokens.ToArray();
        }

        /// <summary>The expression a fix replaces, found the way the fix finds it (see Site.Find).</summary>
        private static TextSpan ReplacedSpan(SyntaxNode root, TextSpan span)
        {
            SyntaxToken token = root.FindToken(span.Start);
            if (KeyLocations.IsStringTextToken(token) && token.Span.Contains(span))
            {
                if (token.Parent is LiteralExpressionSyntax literal)
                {
                    return literal.Span;
                }

                if (token.Parent?.Parent is InterpolatedStringExpressionSyntax interpolated)
                {
                    return interpolated.Span;
                }
            }

            return root.FindNode(span, getInnermostNodeForTie: true).Span;
        }

        /// <summary>The const keyword of the declaration whose initializer holds the replaced code, if any.</summary>
        private static SyntaxToken? ConstKeywordOf(SyntaxNode root, TextSpan replaced)
        {
            SyntaxNode node = root.FindNode(replaced, getInnermostNodeForTie: true);
            foreach (SyntaxNode ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                        return field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                    case LocalDeclarationStatementSyntax local when local.IsConst:
                        return local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The tokens of local declarations (one variable each, const or initialised with a literal)
        /// whose name the replaced code uses: the fix removes such a local when the key was its only use.
        /// </summary>
        private static HashSet<TextSpan> RemovableStatementTokens(SyntaxNode root, TextSpan replaced, SyntaxNode resultRoot)
        {
            int Declared(SyntaxNode tree, string name) => tree.DescendantNodes().OfType<VariableDeclaratorSyntax>().Count(v => v.Identifier.ValueText == name);
            var names = new HashSet<string>(
                root.FindNode(replaced, getInnermostNodeForTie: true).DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                    .Where(i => replaced.Contains(i.Span))
                    .Select(i => i.Identifier.ValueText),
                StringComparer.Ordinal);
            bool WasOnlyAPiece(VariableDeclarationSyntax declaration)
                => declaration.Variables.Count == 1
                    && declaration.Variables[0].Initializer?.Value is LiteralExpressionSyntax or BinaryExpressionSyntax
                    && names.Contains(declaration.Variables[0].Identifier.ValueText)
                    && Declared(resultRoot, declaration.Variables[0].Identifier.ValueText) < Declared(root, declaration.Variables[0].Identifier.ValueText)
                    && !declaration.Span.IntersectsWith(replaced);
            IEnumerable<SyntaxNode> locals = root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>().Where(s => WasOnlyAPiece(s.Declaration));
            IEnumerable<SyntaxNode> privateFields = root.DescendantNodes().OfType<FieldDeclarationSyntax>()
                .Where(f => f.Modifiers.Any(SyntaxKind.PrivateKeyword) && WasOnlyAPiece(f.Declaration));
            return new HashSet<TextSpan>(locals.Concat(privateFields)
                .SelectMany(s => s.DescendantTokens())
                .Select(t => t.Span));
        }

        /// <summary>Pairs of equal tokens (by text) in both sequences, in order, as many as possible.</summary>
        private static List<(int Before, int After)> LongestCommonSubsequence(SyntaxToken[] before, SyntaxToken[] after)
        {
            // Common leading and trailing tokens first: the dynamic programme only sees the middle.
            int head = 0;
            while (head < before.Length && head < after.Length && before[head].Text == after[head].Text)
            {
                head++;
            }

            int tail = 0;
            while (tail < before.Length - head && tail < after.Length - head && before[before.Length - 1 - tail].Text == after[after.Length - 1 - tail].Text)
            {
                tail++;
            }

            int n = before.Length - head - tail, m = after.Length - head - tail;
            var lengths = new int[n + 1, m + 1];
            for (int i = n - 1; i >= 0; i--)
            {
                for (int j = m - 1; j >= 0; j--)
                {
                    lengths[i, j] = before[head + i].Text == after[head + j].Text
                        ? lengths[i + 1, j + 1] + 1
                        : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
                }
            }

            var pairs = new List<(int, int)>();
            for (int k = 0; k < head; k++)
            {
                pairs.Add((k, k));
            }

            int x = 0, y = 0;
            while (x < n && y < m)
            {
                if (before[head + x].Text == after[head + y].Text)
                {
                    pairs.Add((head + x, head + y));
                    x++;
                    y++;
                }
                else if (lengths[x + 1, y] >= lengths[x, y + 1])
                {
                    x++;
                }
                else
                {
                    y++;
                }
            }

            for (int k = tail; k > 0; k--)
            {
                pairs.Add((before.Length - k, after.Length - k));
            }

            return pairs;
        }

        private static string FirstDifference(string expected, string actual)
        {
            int i = 0;
            while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
            {
                i++;
            }

            int from = Math.Max(0, i - 30);
            return $"at {i}: expected '{ReliabilityHarness.RedactAll(expected.Substring(from, Math.Min(80, expected.Length - from)))}', got '{ReliabilityHarness.RedactAll(actual.Substring(from, Math.Min(80, actual.Length - from)))}'";
        }
    }
}
