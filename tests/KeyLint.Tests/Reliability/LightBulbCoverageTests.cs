using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Tests.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;
using static KeyLint.Tests.CodeFixes.CompositionProject;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Every light bulb of <see cref="CompositionProject"/>, one at a time: for each KeyLint
    /// diagnostic, every provider's <c>RegisterCodeFixesAsync</c>, and for each action offered its
    /// operations, applied. No exception may escape; each applied action leaves the project, parsed
    /// again from the text it wrote, with no error or warning (it has none), every comment and
    /// directive kept, and exactly one diagnostic fewer — its own. Then half-typed
    /// copies of each file (cut short, a <c>;</c> or <c>}</c> deleted, and a sample of
    /// <see cref="TypingSimulationTests"/>' variants), where no exception may escape.
    /// </summary>
    public class LightBulbCoverageTests
    {
        private readonly ITestOutputHelper _output;

        public LightBulbCoverageTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task EveryLightBulb_ShouldApplyWithoutThrowingAndCompileCleanAndRemoveItsKey()
        {
            Document first = Create();
            Assert.Empty(await CompilerProblemsAsync(first.Project));
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(first);
            Assert.Empty(analysis.Exceptions);
            List<string> before = await KeyLintDiagnosticsAsync(first.Project);

            var failures = new List<string>();
            var withoutAction = new List<string>();
            int applied = 0;
            foreach (Document document in first.Project.Documents)
            {
                (List<ReliabilityHarness.OfferedFix> fixes, List<Exception> exceptions) = await ReliabilityHarness.RunFixesAsync(document, analysis.Diagnostics, computeOperations: false);
                failures.AddRange(exceptions.Select(e => document.Name + ": RegisterCodeFixesAsync threw " + Safe(ReliabilityHarness.Describe(e, 3))));
                withoutAction.AddRange(analysis.KeyLint
                    .Where(d => d.Location.SourceTree!.FilePath == document.FilePath && !fixes.Any(f => f.Diagnostic == d))
                    .Select(Place));

                foreach (ReliabilityHarness.OfferedFix fix in fixes)
                {
                    string where = $"{Place(fix.Diagnostic)} [{fix.Action.EquivalenceKey}]";
                    Document changed;
                    try
                    {
                        changed = await ReliabilityHarness.ApplyAsync(document, fix.Action);
                    }
                    catch (Exception exception)
                    {
                        failures.Add(where + ": applying threw " + Safe(ReliabilityHarness.Describe(exception, 3)));
                        continue;
                    }

                    applied++;

                    // Checked as a build of the written files would see them: parsed again from the text.
                    Project project = (await ReparsedAsync(changed.Project.Solution)).GetProject(changed.Project.Id)!;
                    failures.AddRange((await CompilerProblemsAsync(project)).Select(p => where + ": compiler: " + p));

                    // A key fix keeps every comment, directive and disabled line (KL0005's redacts one: not checked).
                    if (fix.Diagnostic.Id != "KL0005")
                    {
                        await CompareCommentsAndDirectivesAsync(where, document, project.GetDocument(document.Id)!, failures);
                    }

                    // Exactly its own diagnostic is gone; every other key is still reported, on the same line.
                    List<string> after = await KeyLintDiagnosticsAsync(project);
                    List<string> expected = new List<string>(before);
                    expected.Remove(Place(fix.Diagnostic));
                    failures.AddRange(Minus(after, expected).Select(l => where + ": reported after the fix: " + l));
                    failures.AddRange(Minus(expected, after).Select(l => where + ": gone after the fix: " + l));
                }
            }

            // Only the keys no fix can reach get no light bulb (the disabled key has KL0005's).
            var unreachable = new List<string>
            {
                Place("KL0003", "Service.cs", $"[Description(\"{AttributeArgument}\")]"),
                Place("KL0001", "Service.cs", $"case \"{CaseLabel}\":"),
                Place("KL0004", "Service.cs", $"public static string WithDefault(string key = \"{DefaultValue}\") => key;"),
                Place("KL0001", "SplitKeys.cs", $"public const string Pinned = \"{Pinned}\";"),
            };
            failures.AddRange(Minus(withoutAction, unreachable).Select(l => "no light bulb: " + l));
            failures.AddRange(Minus(unreachable, withoutAction).Select(l => "a light bulb where no fix can compile: " + l));

            _output.WriteLine($"{before.Count} diagnostics, {applied} actions applied");
            Assert.True(failures.Count == 0, failures.Count + " failures:\n" + string.Join("\n", failures));
        }

        /// <summary>Half-typed copies of each file, the others intact: no analyzer, no light bulb and no action may throw.</summary>
        [Fact]
        public async Task HalfTypedCopies_ShouldNeverMakeALightBulbThrow()
        {
            IReadOnlyList<(string Path, string Text)> files = Files();
            Document first = Create();
            var failures = new ConcurrentQueue<string>();
            int variants = 0, offered = 0;
            using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(10));

            foreach ((string path, string text) in files)
            {
                Document original = first.Project.Documents.Single(d => d.FilePath == path);
                (string Kind, string Text)[] copies = HalfTypedCopies(path, text).ToArray();
                await Parallel.ForEachAsync(
                    copies.Select((copy, index) => (copy.Kind, copy.Text, Index: index)),
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = hangGuard.Token },
                    async (copy, cancellationToken) =>
                    {
                        string name = $"{FileName(path)} {copy.Kind} #{copy.Index}";
                        Document document = original.Project.Solution.WithDocumentText(original.Id, SourceText.From(copy.Text)).GetDocument(original.Id)!;
                        try
                        {
                            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document, cancellationToken, concurrent: false);
                            foreach (Exception exception in analysis.Exceptions)
                            {
                                failures.Enqueue(name + ": analyzer threw " + Safe(ReliabilityHarness.Describe(exception, 3)));
                            }

                            (List<ReliabilityHarness.OfferedFix> fixes, List<Exception> exceptions) = await ReliabilityHarness.RunFixesAsync(document, analysis.Diagnostics, cancellationToken);
                            Interlocked.Add(ref offered, fixes.Count);
                            foreach (Exception exception in exceptions)
                            {
                                failures.Enqueue(name + ": fix threw " + Safe(ReliabilityHarness.Describe(exception, 3)));
                            }
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException)
                        {
                            failures.Enqueue(name + ": threw " + Safe(ReliabilityHarness.Describe(exception, 3)));
                        }

                        Interlocked.Increment(ref variants);
                    });
            }

            _output.WriteLine($"{variants} half-typed copies, {offered} actions offered and computed");
            // The same exception in many copies is one finding: each told once, with how many copies and the first.
            string[] grouped = failures
                .Select(f => (Copy: f.Substring(0, f.IndexOf(": ", StringComparison.Ordinal)), What: f.Substring(f.IndexOf(": ", StringComparison.Ordinal) + 2)))
                .GroupBy(f => f.What, StringComparer.Ordinal)
                .Select(g => $"{g.Count()} copies (first: {g.Select(f => f.Copy).Min(StringComparer.Ordinal)}): {g.Key}")
                .ToArray();
            Assert.True(failures.IsEmpty, failures.Count + " failures:\n" + string.Join("\n", grouped.Take(30)));
            Assert.True(variants >= 100, variants + " copies");
            Assert.True(offered > 0);
        }

        /// <summary>
        /// Copies of a file as someone typing it might leave it: cut at eight points through the
        /// file, each of four <c>;</c> and four <c>}</c> (evenly spaced) deleted, and eight of
        /// <see cref="TypingSimulationTests"/>' variants (evenly spaced: prefixes, keys half typed,
        /// token deletions, unterminated strings, unbalanced braces, open holes).
        /// </summary>
        internal static IEnumerable<(string Kind, string Text)> HalfTypedCopies(string path, string text)
        {
            for (int i = 1; i <= 8; i++)
            {
                yield return ("cut", text.Substring(0, text.Length * i / 9));
            }

            SyntaxToken[] tokens = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "DEBUG" }))
                .GetRoot().DescendantTokens().ToArray();
            foreach (SyntaxKind kind in new[] { SyntaxKind.SemicolonToken, SyntaxKind.CloseBraceToken })
            {
                SyntaxToken[] ofKind = tokens.Where(t => t.IsKind(kind) && !t.IsMissing).ToArray();
                foreach (SyntaxToken token in EvenlySpaced(ofKind, 4))
                {
                    yield return (kind == SyntaxKind.SemicolonToken ? "no-semicolon" : "no-brace", text.Remove(token.SpanStart, 1));
                }
            }

            var source = new ReliabilitySources.Source(path, text, path.EndsWith("Program.cs", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
            foreach (TypingSimulationTests.Variant variant in EvenlySpaced(TypingSimulationTests.Variants(source).ToArray(), 8))
            {
                yield return ("typing-" + variant.Kind, variant.Text);
            }
        }

        private static IEnumerable<T> EvenlySpaced<T>(T[] items, int count)
            => items.Length <= count
                ? items
                : Enumerable.Range(0, count).Select(i => items[(int)((long)i * (items.Length - 1) / (count - 1))]);

        /// <summary>The lines of <paramref name="left"/> not matched one for one in <paramref name="right"/> (a multiset difference).</summary>
        private static List<string> Minus(IEnumerable<string> left, IEnumerable<string> right)
        {
            var remaining = new List<string>(right);
            var extra = new List<string>();
            foreach (string line in left)
            {
                if (!remaining.Remove(line))
                {
                    extra.Add(line);
                }
            }

            return extra;
        }
    }
}
