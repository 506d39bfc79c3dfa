using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Cancellation ends analysis with <see cref="OperationCanceledException"/> — never with another
    /// exception, never reported as an analyzer failure (AD0001) — whether the token is cancelled
    /// before analysis starts or while KeyLint is reading the text.
    /// </summary>
    public class CancellationTests
    {
        /// <summary>A few hundred KB of code: many 16 KB chunks for the text-first pass, keys throughout.</summary>
        private static string LargeSource(int classes = 600)
        {
            var source = new StringBuilder("using System;\n");
            for (int i = 0; i < classes; i++)
            {
                source.Append("class C").Append(i).Append("\n{\n    // note ").Append(FakeKeys.LegacyUser(i)).Append('\n')
                    .Append("    string K = \"").Append(FakeKeys.Project(i)).Append("\";\n")
                    .Append("    string E = \"\\u0041\\x42 T3BlbkFJ\";\n")
                    .Append("    const string A = \"sk-admin-\";\n    string J = A + \"").Append(FakeKeys.Admin(i).Substring(9)).Append("\";\n}\n");
            }

            return source.ToString();
        }

        private static CSharpCompilation Compile(SyntaxTree tree)
            => CSharpCompilation.Create("Cancelled", new[] { tree }, ReliabilityHarness.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static (CompilationWithAnalyzers Analysis, System.Collections.Concurrent.ConcurrentQueue<Exception> Exceptions) WithAllAnalyzers(Compilation compilation, AnalyzerOptions? options = null)
        {
            var exceptions = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            CompilationWithAnalyzers analysis = compilation.WithAnalyzers(
                ReliabilityHarness.AllAnalyzers,
                new CompilationWithAnalyzersOptions(
                    options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (exception, _, _) => exceptions.Enqueue(exception),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false));
            return (analysis, exceptions);
        }

        [Fact]
        public async Task AlreadyCancelledToken_ShouldThrowOperationCanceledFromEveryEntryPoint()
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(LargeSource(50), new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Large.cs");
            using var cancellation = new CancellationTokenSource();
            cancellation.Cancel();

            (CompilationWithAnalyzers analysis, var exceptions) = WithAllAnalyzers(Compile(tree));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis.GetAnalyzerDiagnosticsAsync(cancellation.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellation.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis.GetAnalyzerSemanticDiagnosticsAsync(analysis.Compilation.GetSemanticModel(tree), null, cancellation.Token));
            Assert.Empty(exceptions.Select(e => ReliabilityHarness.Describe(e)));
        }

        /// <summary>
        /// Cancelled by the text itself: once the parse is done, the N-th read of the text cancels the
        /// token — that is, while an analyzer reads the file chunk by chunk. Deterministic: no timer.
        /// </summary>
        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(10)]
        [InlineData(40)]
        public async Task TokenCancelledWhileTheTextIsRead_ShouldThrowOperationCanceled(int reads)
        {
            using var cancellation = new CancellationTokenSource();
            var text = new CancellingText(SourceText.From(LargeSource()), cancellation);
            SyntaxTree tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Large.cs");
            _ = tree.GetRoot();
            Compilation compilation = Compile(tree);
            _ = compilation.GetDiagnostics();
            text.CancelOnRead(reads);

            (CompilationWithAnalyzers analysis, var exceptions) = WithAllAnalyzers(compilation);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis.GetAnalyzerDiagnosticsAsync(cancellation.Token));
            Assert.True(cancellation.IsCancellationRequested);
            Assert.True(text.ReadsAfterArming >= reads);
            Assert.Empty(exceptions.Select(e => ReliabilityHarness.Describe(e)));
        }

        /// <summary>
        /// A token cancelled by a timer shortly after analysis starts: analysis either finishes with
        /// every diagnostic or stops with OperationCanceledException; nothing else. (Which one happens
        /// depends on the machine: only the kind of outcome is asserted, not any timing.)
        /// </summary>
        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(5)]
        [InlineData(20)]
        [InlineData(100)]
        public async Task TokenCancelledShortlyAfterStart_ShouldEitherCompleteOrThrowOperationCanceled(int milliseconds)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(LargeSource(300), new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Large.cs");
            (CompilationWithAnalyzers analysis, var exceptions) = WithAllAnalyzers(Compile(tree));
            using var cancellation = new CancellationTokenSource();
            cancellation.CancelAfter(milliseconds);
            try
            {
                ImmutableArray<Diagnostic> diagnostics = await analysis.GetAnalyzerDiagnosticsAsync(cancellation.Token);
                Assert.Equal(3 * 300, diagnostics.Count(d => d.Id.StartsWith("KL", StringComparison.Ordinal)));
            }
            catch (OperationCanceledException)
            {
                Assert.True(cancellation.IsCancellationRequested);
            }

            Assert.Empty(exceptions.Select(e => ReliabilityHarness.Describe(e)));
        }

        /// <summary>KL0006 checks the token between keys: a token cancelled once the file is read stops it.</summary>
        [Fact]
        public async Task ConfigurationFileAnalysisCancelledAfterReading_ShouldThrowOperationCanceled()
        {
            using var cancellation = new CancellationTokenSource();
            string env = string.Concat(Enumerable.Range(0, 100).Select(i => "KEY_" + i + "=" + FakeKeys.LegacyUser(i) + "\n"));
            var file = new InMemoryAdditionalText("/app/.env", env, _ => cancellation.Cancel());
            Compilation compilation = Compile(CSharpSyntaxTree.ParseText("class C { }"));
            (CompilationWithAnalyzers analysis, var exceptions) = WithAllAnalyzers(compilation, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(file)));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis.GetAnalyzerDiagnosticsAsync(cancellation.Token));
            Assert.Empty(exceptions.Select(e => ReliabilityHarness.Describe(e)));
        }

        /// <summary>The code fixes, asked with a cancelled token, stop with OperationCanceledException.</summary>
        [Fact]
        public async Task CodeFixesWithACancelledToken_ShouldThrowOperationCanceled()
        {
            string source = "using Microsoft.Extensions.Configuration;\nclass C\n{\n    // " + FakeKeys.Project(3) + "\n    public string Key(IConfiguration configuration) => \"" + FakeKeys.Project(4) + "\";\n}\n";
            Document document = ReliabilityHarness.CreateDocument(source);
            ReliabilityHarness.AnalysisResult analysis = await ReliabilityHarness.AnalyzeAsync(document);
            Assert.Equal(new[] { "KL0001", "KL0005" }, analysis.KeyLint.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));

            // A fresh document: nothing computed yet, so every step has to look at the token.
            Document fresh = ReliabilityHarness.CreateDocument(source);
            using var cancellation = new CancellationTokenSource();
            cancellation.Cancel();
            foreach (Diagnostic diagnostic in analysis.KeyLint)
            {
                CodeFixProvider provider = ReliabilityHarness.AllFixProviders.Single(p => p.FixableDiagnosticIds.Contains(diagnostic.Id));
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(fresh, diagnostic, (action, _) => actions.Add(action), cancellation.Token);
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.RegisterCodeFixesAsync(context));
                Assert.Empty(actions);
            }

            // Fixes offered without cancellation, computed with a cancelled token.
            (List<ReliabilityHarness.OfferedFix> fixes, List<Exception> exceptions) = await ReliabilityHarness.RunFixesAsync(document, analysis.Diagnostics, computeOperations: false);
            Assert.Empty(exceptions);
            Assert.Equal(3, fixes.Count);
            foreach (ReliabilityHarness.OfferedFix fix in fixes)
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fix.Action.GetOperationsAsync(cancellation.Token));
            }
        }

        /// <summary>The text-first pass checks the token whenever it loads the next 16 KB chunk.</summary>
        [Fact]
        public void CandidateEnumerator_WithACancelledToken_ShouldThrowWhenItMovesToTheNextChunk()
        {
            using var cancellation = new CancellationTokenSource();
            cancellation.Cancel();

            // Nothing to find in the first chunk: the first MoveNext has to load the second one.
            SourceText far = SourceText.From(new string(' ', 40_000) + "T3BlbkFJ");
            Assert.Throws<OperationCanceledException>(() =>
            {
                using var candidates = new KeyCandidateEnumerator(far);
                candidates.MoveNext(cancellation.Token);
            });

            // A candidate in the loaded chunk is returned; moving past the chunk throws.
            SourceText near = SourceText.From("T3BlbkFJ" + new string(' ', 40_000) + "T3BlbkFJ");
            var enumerator = new KeyCandidateEnumerator(near);
            try
            {
                Assert.True(enumerator.MoveNext(cancellation.Token));
                Assert.Equal(0, enumerator.Current.Position);
                Assert.Equal(KeyCandidateKind.Marker, enumerator.Current.Kind);
                bool threw = false;
                try
                {
                    enumerator.MoveNext(cancellation.Token);
                }
                catch (OperationCanceledException)
                {
                    threw = true;
                }

                Assert.True(threw);
            }
            finally
            {
                enumerator.Dispose();
            }
        }

        /// <summary>Without cancellation the same enumerator yields every candidate, across chunk borders.</summary>
        [Fact]
        public void CandidateEnumerator_WithoutCancellation_ShouldYieldEveryCandidateInOrder()
        {
            // Markers and escapes placed across the 16 KB chunk borders (and their 7-character overlap).
            var text = new StringBuilder(new string(' ', 50_000));
            int[] markers = { 0, 16_380, 16_381, 16_383, 32_760, 49_992 };
            int[] escapes = { 100, 16_368, 16_376, 32_766, 49_000 }; // 16_376: digits cut by the chunk end
            foreach (int position in markers)
            {
                text.Remove(position, 8).Insert(position, "T3BlbkFJ");
            }

            // Escapes of marker characters (candidates) and of other characters (not: the marker
            // search would find any key they are part of, or none holds them).
            string[] markerEscapes = { "\\u0054", "\\x33", "\\U00000042", "\\u006C", "\\x4a" };
            for (int i = 0; i < escapes.Length; i++)
            {
                text.Remove(escapes[i], markerEscapes[i].Length).Insert(escapes[i], markerEscapes[i]);
            }

            text.Remove(1_000, 6).Insert(1_000, "\\u00e9");
            text.Remove(2_000, 4).Insert(2_000, "\\x1b");
            text.Remove(3_000, 3).Insert(3_000, "\\u");
            text.Remove(20_000, 7).Insert(20_000, "\\\\u0054");
            string value = text.ToString();
            var expected = new List<(int, KeyCandidateKind)>();
            for (int i = 0; i < value.Length; i++)
            {
                if (string.CompareOrdinal(value, i, "T3BlbkFJ", 0, 8) == 0)
                {
                    expected.Add((i, KeyCandidateKind.Marker));
                }
            }

            for (int i = 0; i + 1 < value.Length; i++)
            {
                if (value[i] == '\\')
                {
                    if (value[i + 1] is 'u' or 'U' or 'x' && EscapedChar(value, i) is char c && "T3BlbkFJ".Contains(c))
                    {
                        expected.Add((i, KeyCandidateKind.Escape));
                    }

                    i++;
                }
            }

            expected = expected.OrderBy(e => e.Item1).ThenBy(e => e.Item2).ToList();
            var found = new List<(int, KeyCandidateKind)>();
            var enumerator = new KeyCandidateEnumerator(SourceText.From(value));
            try
            {
                while (enumerator.MoveNext(CancellationToken.None))
                {
                    found.Add((enumerator.Current.Position, enumerator.Current.Kind));
                }
            }
            finally
            {
                enumerator.Dispose();
            }

            Assert.Equal(expected, found);
        }

        /// <summary>The character a C# escape at <paramref name="backslash"/> stands for, as the compiler reads it.</summary>
        private static char? EscapedChar(string text, int backslash)
        {
            char kind = text[backslash + 1];
            int maxDigits = kind == 'U' ? 8 : 4;
            int digits = 0;
            while (digits < maxDigits && backslash + 2 + digits < text.Length && Uri.IsHexDigit(text[backslash + 2 + digits]))
            {
                digits++;
            }

            if (kind == 'x' ? digits == 0 : digits != maxDigits)
            {
                return null;
            }

            int value = int.Parse(text.AsSpan(backslash + 2, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return value < 0x10000 ? (char)value : null;
        }

        /// <summary>A source text that cancels a token on the N-th read once armed (after parsing).</summary>
        private sealed class CancellingText : SourceText
        {
            private readonly SourceText _inner;
            private readonly CancellationTokenSource _cancellation;
            private int _cancelAt = -1;
            private int _reads;

            public CancellingText(SourceText inner, CancellationTokenSource cancellation)
            {
                _inner = inner;
                _cancellation = cancellation;
            }

            public int ReadsAfterArming => _reads;

            public override Encoding? Encoding => _inner.Encoding;

            public override int Length => _inner.Length;

            public override char this[int position] => _inner[position];

            public void CancelOnRead(int reads)
            {
                _reads = 0;
                _cancelAt = reads;
            }

            public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
            {
                if (_cancelAt > 0 && Interlocked.Increment(ref _reads) >= _cancelAt)
                {
                    _cancellation.Cancel();
                }

                _inner.CopyTo(sourceIndex, destination, destinationIndex, count);
            }
        }
    }
}
