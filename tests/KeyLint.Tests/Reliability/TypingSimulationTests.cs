using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Simulates a user typing: half-written versions of the samples (samples/**/*.cs) and of
    /// test-like sources with keys in many positions. Every KeyLint analyzer runs on every variant,
    /// and both code fix providers run on what they report: no analyzer and no fix may throw, ever.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Variants, all made deterministically (fixed seed <see cref="Seed"/>): every prefix of each file
    /// at line granularity; each key typed partially (the file cut inside the key, and the key cut
    /// with the rest of the file intact); random deletions of one to three tokens; strings with their
    /// closing quote removed or a stray quote inserted; braces inserted and deleted; literals turned
    /// into interpolated strings with an unclosed hole; holes with a brace removed; unterminated
    /// nested interpolations. A prefix of the WebApi sample's appsettings.json, a different one per
    /// variant, goes along as an additional file, with an .editorconfig holding an invalid option.
    /// </para>
    /// <para>
    /// Count: 2,025 variants of 6 files, every one analysed by all four analyzers (the count is
    /// written to the test output). Code fixes are costly — every offered fix is compiled twice
    /// before it is offered — so they run on a deterministic sample: <see cref="FixedVariantsPerFile"/>
    /// evenly spaced variants of each file (142 in all), with every KL0001–KL0005/KL0007 diagnostic
    /// of those variants fixed and every action's operations computed (about 1,200 actions). That
    /// keeps this class near 60 seconds on two cores.
    /// </para>
    /// </remarks>
    public class TypingSimulationTests
    {
        private const int Seed = 20240611;
        private const int FixedVariantsPerFile = 24;

        private const string EditorConfig = "root = true\n[*.cs]\nkeylint.environment_variable = OPENAI API KEY\nkeylint.configuration_key = Services:OpenAI:Key\n";

        private readonly ITestOutputHelper _output;

        public TypingSimulationTests(ITestOutputHelper output) => _output = output;

        internal sealed class Variant
        {
            public Variant(string source, string kind, int number, string text)
            {
                Source = source;
                Kind = kind;
                Number = number;
                Text = text;
            }

            public string Source { get; }

            public string Kind { get; }

            public int Number { get; }

            public string Text { get; }

            /// <summary>Names the variant without its text (which holds keys).</summary>
            public override string ToString() => $"{Source} {Kind} #{Number} ({Text.Length} chars)";
        }

        /// <summary>The files typed: the samples and the test-like sources.</summary>
        internal static IReadOnlyList<ReliabilitySources.Source> Files()
        {
            var files = new List<ReliabilitySources.Source>();
            foreach ((string name, string text) in ReliabilityHarness.SampleSources())
            {
                files.Add(new ReliabilitySources.Source("samples/" + name, text, name.EndsWith("Program.cs", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
            }

            files.AddRange(ReliabilitySources.All());
            return files;
        }

        /// <summary>Every variant of <paramref name="file"/>, in a fixed order.</summary>
        internal static IEnumerable<Variant> Variants(ReliabilitySources.Source file)
        {
            string text = file.Text;
            var random = new Random(Seed + file.Name.Sum(c => c));
            int number = 0;
            Variant Make(string kind, string variantText) => new Variant(file.Name, kind, number++, variantText);

            // 1. Every prefix at line granularity (the file typed top to bottom).
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '\n')
                {
                    yield return Make("line-prefix", text.Substring(0, Math.Min(text.Length, i + 1)));
                }
            }

            // 2. Each key typed partially: the file cut inside the key, and the key cut with the rest intact.
            foreach (KeyMatch key in ReferenceScanner.Scanner(text))
            {
                // The marker of its format: T3BlbkFJ in an OpenAI key, the signature JQQJ9 in an Azure key.
                int marker = text.IndexOf(key.Kind == KeyKind.Azure ? FakeAzureKeys.Signature : FakeKeys.Marker, key.Start, key.Length, StringComparison.Ordinal);
                var cuts = new SortedSet<int>
                {
                    key.Start + 1, key.Start + 3, key.Start + key.PrefixLength, marker - 1, marker + 4, marker + 8, key.End - 1,
                    key.Start + random.Next(key.Length), key.Start + random.Next(key.Length),
                };
                foreach (int cut in cuts)
                {
                    yield return Make("key-typed-rest-intact", text.Substring(0, cut) + text.Substring(key.End));
                }

                yield return Make("key-typed-file-cut", text.Substring(0, marker + 2));
                yield return Make("key-typed-file-cut", text.Substring(0, key.End));
            }

            SyntaxNode root = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
            SyntaxToken[] tokens = root.DescendantTokens(descendIntoTrivia: true).Where(t => t.Span.Length > 0).ToArray();

            // 3. Random deletions of one to three tokens.
            for (int i = 0; i < 160; i++)
            {
                var deleted = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => tokens[random.Next(tokens.Length)]).Distinct().OrderByDescending(t => t.SpanStart);
                var builder = new StringBuilder(text);
                foreach (SyntaxToken token in deleted)
                {
                    builder.Remove(token.SpanStart, token.Span.Length);
                }

                yield return Make("token-deletion", builder.ToString());
            }

            // 4. Unterminated strings: the closing quote of each string removed; a quote inserted inside.
            SyntaxToken[] strings = tokens.Where(IsStringEnd).ToArray();
            foreach (SyntaxToken token in strings)
            {
                yield return Make("unterminated-string", text.Remove(token.Span.End - 1, 1));
                if (token.Span.Length > 2)
                {
                    yield return Make("quote-inserted", text.Insert(token.SpanStart + 1 + random.Next(token.Span.Length - 1), "\""));
                }
            }

            // 5. Unbalanced braces: one inserted between two tokens, or one deleted.
            SyntaxToken[] braces = tokens.Where(t => t.IsKind(SyntaxKind.OpenBraceToken) || t.IsKind(SyntaxKind.CloseBraceToken)).ToArray();
            for (int i = 0; i < 30; i++)
            {
                SyntaxToken at = tokens[random.Next(tokens.Length)];
                yield return Make("brace-inserted", text.Insert(at.SpanStart, random.Next(2) == 0 ? "{" : "}"));
                if (braces.Length > 0)
                {
                    SyntaxToken brace = braces[random.Next(braces.Length)];
                    yield return Make("brace-deleted", text.Remove(brace.SpanStart, 1));
                }
            }

            // 6. Interpolations: a literal made interpolated with an unclosed hole; a hole's brace removed;
            //    an unterminated nested interpolation opened inside a string.
            foreach (SyntaxToken token in tokens.Where(t => t.IsKind(SyntaxKind.StringLiteralToken) && t.Text.StartsWith("\"", StringComparison.Ordinal)))
            {
                int inside = token.SpanStart + 1 + random.Next(Math.Max(1, token.Span.Length - 2));
                yield return Make("hole-opened", text.Substring(0, token.SpanStart) + "$" + text.Substring(token.SpanStart, inside - token.SpanStart) + "{" + text.Substring(inside));
                yield return Make("nested-interpolation", text.Substring(0, token.SpanStart) + "$" + text.Substring(token.SpanStart, inside - token.SpanStart) + "{$\"{" + text.Substring(inside));
            }

            foreach (SyntaxNode hole in root.DescendantNodes().Where(n => n.IsKind(SyntaxKind.Interpolation)))
            {
                yield return Make("hole-brace-removed", text.Remove(hole.Span.End - 1, 1));
                yield return Make("hole-brace-removed", text.Remove(hole.SpanStart, 1));
            }
        }

        private static bool IsStringEnd(SyntaxToken token)
            => token.IsKind(SyntaxKind.StringLiteralToken)
                || token.IsKind(SyntaxKind.Utf8StringLiteralToken)
                || token.IsKind(SyntaxKind.InterpolatedStringEndToken)
                || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                || token.IsKind(SyntaxKind.CharacterLiteralToken);

        [Fact]
        public void Variants_ShouldBeThousandsAndDeterministic()
        {
            IReadOnlyList<ReliabilitySources.Source> files = Files();
            Variant[] first = files.SelectMany(Variants).ToArray();
            Variant[] second = files.SelectMany(Variants).ToArray();
            Assert.True(first.Length >= 2000, "only " + first.Length + " variants");
            Assert.Equal(first.Select(v => v.Text), second.Select(v => v.Text));
            Assert.Equal(6, files.Count);
        }

        [Fact]
        public async Task EveryVariant_ShouldNeverMakeAnAnalyzerOrAFixThrow()
        {
            IReadOnlyList<ReliabilitySources.Source> files = Files();
            string appSettings = System.IO.File.ReadAllText(System.IO.Path.Combine(ReliabilityHarness.RepositoryRoot(), "samples", "KeyLint.Sample.WebApi", "appsettings.json"));
            var failures = new ConcurrentQueue<string>();
            int analysed = 0, fixedVariants = 0, diagnostics = 0, offered = 0;
            long analysisTicks = 0, fixTicks = 0;
            var byId = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(10));

            foreach (ReliabilitySources.Source file in files)
            {
                Variant[] variants = Variants(file).ToArray();
                int fixEvery = (variants.Length + FixedVariantsPerFile - 1) / FixedVariantsPerFile;
                Document baseDocument = ReliabilityHarness.CreateDocument(
                    file.Text,
                    file.OutputKind,
                    EditorConfig,
                    new[] { ("/src/appsettings.json", appSettings) });
                await Parallel.ForEachAsync(
                    variants,
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = hangGuard.Token },
                    async (variant, cancellationToken) =>
                    {
                        // The configuration file is being typed too: a prefix of it goes with each variant.
                        Solution solution = baseDocument.Project.Solution.WithDocumentText(baseDocument.Id, SourceText.From(variant.Text));
                        DocumentId settingsId = solution.GetProject(baseDocument.Project.Id)!.AdditionalDocumentIds[0];
                        solution = solution.WithAdditionalDocumentText(settingsId, SourceText.From(appSettings.Substring(0, (variant.Number * 37) % (appSettings.Length + 1))));
                        Document document = solution.GetDocument(baseDocument.Id)!;

                        long started = System.Diagnostics.Stopwatch.GetTimestamp();
                        ReliabilityHarness.AnalysisResult result;
                        try
                        {
                            result = await ReliabilityHarness.AnalyzeAsync(document, cancellationToken, concurrent: false);
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException)
                        {
                            failures.Enqueue(variant + ": analysis threw " + ReliabilityHarness.Describe(exception));
                            return;
                        }

                        Interlocked.Increment(ref analysed);
                        Interlocked.Add(ref analysisTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
                        foreach (Exception exception in result.Exceptions)
                        {
                            failures.Enqueue(variant + ": analyzer threw " + ReliabilityHarness.Describe(exception));
                        }

                        foreach (Diagnostic diagnostic in result.KeyLint)
                        {
                            Interlocked.Increment(ref diagnostics);
                            byId.AddOrUpdate(diagnostic.Id, 1, (_, n) => n + 1);
                            if (diagnostic.Id == "AD0001")
                            {
                                failures.Enqueue(variant + ": " + ReliabilityHarness.RedactAll(diagnostic.GetMessage()));
                            }
                        }

                        if (variant.Number % fixEvery != 0)
                        {
                            return;
                        }

                        Interlocked.Increment(ref fixedVariants);
                        started = System.Diagnostics.Stopwatch.GetTimestamp();
                        (List<ReliabilityHarness.OfferedFix> fixes, List<Exception> exceptions) = await ReliabilityHarness.RunFixesAsync(document, result.Diagnostics, cancellationToken);
                        Interlocked.Add(ref offered, fixes.Count);
                        Interlocked.Add(ref fixTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
                        foreach (Exception exception in exceptions)
                        {
                            failures.Enqueue(variant + ": fix threw " + ReliabilityHarness.Describe(exception));
                        }
                    });
            }

            _output.WriteLine($"{analysed} variants analysed by all four analyzers; {diagnostics} KeyLint diagnostics ({string.Join(", ", byId.OrderBy(p => p.Key).Select(p => p.Key + ": " + p.Value))}); fixes run on {fixedVariants} variants, {offered} actions offered and computed. Thread time: analysis {analysisTicks * 1000 / System.Diagnostics.Stopwatch.Frequency} ms, fixes {fixTicks * 1000 / System.Diagnostics.Stopwatch.Frequency} ms.");
            Assert.True(failures.IsEmpty, failures.Count + " failures:\n" + string.Join("\n", failures.Take(20)));
            Assert.True(analysed >= 2000, analysed + " variants analysed");
            Assert.True(offered > 0);
        }
    }
}
