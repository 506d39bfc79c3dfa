using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Tests.Reliability
{
    /// <summary>
    /// Inputs no one writes by hand but a tool, an attacker or an accident can produce: a 10 MB
    /// literal, 100,000 literals, deep interpolations and concatenations, lone UTF-16 surrogates,
    /// every line ending C# knows, #line directives and keys cut by #if regions. Each gives exactly
    /// the right diagnostics, and completes: a 60-second token guards against a hang only — it is
    /// not a performance assertion.
    /// </summary>
    public class HostileInputTests
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        private static readonly string Key = FakeKeys.Project(71);

        /// <summary>All four analyzers over one file, with exceptions captured and asserted absent.</summary>
        private static async Task<List<Diagnostic>> AnalyzeAsync(string source, params string[] preprocessorSymbols)
        {
            using var guard = new CancellationTokenSource(HangGuard);
            SyntaxTree tree = CSharpSyntaxTree.ParseText(
                SourceText.From(source),
                new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: preprocessorSymbols),
                path: "/src/Hostile.cs",
                cancellationToken: guard.Token);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Hostile",
                new[] { tree },
                ReliabilityHarness.References,
                TestReferences.WithSdkDefaults(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
            ReliabilityHarness.AnalysisResult result = await ReliabilityHarness.AnalyzeAsync(
                compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), guard.Token);
            Assert.True(result.Exceptions.Count == 0, string.Join("\n", result.Exceptions.Select(e => ReliabilityHarness.Describe(e))));
            return result.KeyLint.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        }

        private static void AssertDiagnostic(Diagnostic diagnostic, string id, int start, int length)
        {
            Assert.Equal(id, diagnostic.Id);
            Assert.Equal(new TextSpan(start, length), diagnostic.Location.SourceSpan);
        }

        /// <summary>Marker-dense filler with near-keys and escapes, and no key: 10 MB of it in one literal.</summary>
        private static string TenMegabyteLiteralBody()
        {
            const string Block = "sk-proj-xxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxx T3BlbkFJ sk- \\u0041\\x42 \\\\u T3BlbkFJT3BlbkFJ ";
            var builder = new StringBuilder(10 * 1024 * 1024 + Block.Length);
            while (builder.Length < 10 * 1024 * 1024)
            {
                builder.Append(Block);
            }

            return builder.ToString();
        }

        [Fact]
        public async Task TenMegabyteLiteralWithoutAKey_ShouldReportNothing()
        {
            string body = TenMegabyteLiteralBody();
            Assert.Empty(ReferenceScanner.Find(body));
            List<Diagnostic> diagnostics = await AnalyzeAsync("class C { string S = \"" + body + "\"; }");
            Assert.Empty(diagnostics.Select(d => d.Id));
        }

        [Fact]
        public async Task TenMegabyteLiteralWithAKeyAtTheEnd_ShouldReportExactlyThatKey()
        {
            string source = "class C { string S = \"" + TenMegabyteLiteralBody() + " " + Key + "\"; }";
            List<Diagnostic> diagnostics = await AnalyzeAsync(source);
            Diagnostic diagnostic = Assert.Single(diagnostics);
            AssertDiagnostic(diagnostic, "KL0001", source.Length - 4 - Key.Length, Key.Length);
        }

        [Fact]
        public async Task TenMegabyteVerbatimLiteralWithAKeyAtTheEnd_ShouldReportExactlyThatKey()
        {
            string body = new StringBuilder(10 * 1024 * 1024).Insert(0, "T3BlbkFJ \"\" sk-proj-\r\n", 10 * 1024 * 1024 / 22).ToString();
            string source = "class C { string S = @\"" + body + Key + "\"; }";
            List<Diagnostic> diagnostics = await AnalyzeAsync(source);
            Diagnostic diagnostic = Assert.Single(diagnostics);
            AssertDiagnostic(diagnostic, "KL0001", source.Length - 4 - Key.Length, Key.Length);
        }

        /// <summary>100,000 literals: every 10,000th a key, every 1,000th a lone marker (the assembled-key search starts there).</summary>
        [Fact]
        public async Task HundredThousandLiterals_ShouldReportEachKeyOnce()
        {
            var source = new StringBuilder("class C\n{\n    string[] A =\n    {\n");
            var expected = new List<(int Start, string Key)>();
            for (int i = 0; i < 100_000; i++)
            {
                source.Append("        \"");
                if (i % 10_000 == 5_000)
                {
                    string key = FakeKeys.ServiceAccount(1000 + i);
                    expected.Add((source.Length, key));
                    source.Append(key);
                }
                else
                {
                    source.Append(i % 1_000 == 0 ? "T3BlbkFJ" : "v" + i);
                }

                source.Append("\",\n");
            }

            source.Append("    };\n}\n");
            List<Diagnostic> diagnostics = await AnalyzeAsync(source.ToString());
            Assert.Equal(10, diagnostics.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                AssertDiagnostic(diagnostics[i], "KL0002", expected[i].Start, expected[i].Key.Length);
            }
        }

        /// <summary>
        /// A chain of 5,000 concatenations that assembles a key at its start and holds a lone marker
        /// at its end: completes, and reports the key on the smallest expression that holds it. (That
        /// it reports the key a second time, on the whole chain, is the bug pinned by
        /// <see cref="AssembledKeyInALongerConstantWithAnotherMarker_ShouldBeReportedOnce"/>.)
        /// </summary>
        [Fact]
        public async Task LongConcatenationChain_ShouldCompleteAndReportTheAssembledKey()
        {
            string key = FakeKeys.Admin(72);
            var source = new StringBuilder("class C\n{\n    const string K = ");
            int start = source.Length;
            source.Append('"').Append(key, 0, 30).Append("\" + \"").Append(key, 30, key.Length - 30).Append('"');
            int end = source.Length;
            for (int i = 0; i < 5_000; i++)
            {
                source.Append(i == 4_999 ? " + \" T3BlbkFJ\"" : " + \" .\"");
            }

            source.Append(";\n}\n");
            List<Diagnostic> diagnostics = await AnalyzeAsync(source.ToString());
            Assert.All(diagnostics, d => Assert.Equal("KL0003", d.Id));
            Assert.Single(diagnostics, d => d.Location.SourceSpan == new TextSpan(start, end - start));
        }

        /// <summary>
        /// A key assembled from two literals, inside a longer constant expression that has one more
        /// literal holding the marker. The analyzer follows each marker-holding literal up the
        /// expression; the second walk reaches the whole expression, whose value also holds the key,
        /// and reports it again: the key gets two diagnostics (and two fixes), on nested spans.
        /// </summary>
        [Fact]
        public async Task AssembledKeyInALongerConstantWithAnotherMarker_ShouldBeReportedOnce()
        {
            string key = FakeKeys.Admin(72);
            string head = key.Substring(0, 30);
            string tail = key.Substring(30);
            string source = "class C\n{\n    const string K = \"" + head + "\" + \"" + tail + "\" + \" T3BlbkFJ\";\n}\n";
            List<Diagnostic> diagnostics = await AnalyzeAsync(source);
            int start = source.IndexOf(head, StringComparison.Ordinal) - 1;
            Diagnostic diagnostic = Assert.Single(diagnostics);
            AssertDiagnostic(diagnostic, "KL0003", start, head.Length + tail.Length + 7);
        }

        /// <summary>
        /// Two keys, each assembled from two literals, in one constant expression. The first is
        /// reported on its own two literals; the second is not a subexpression of its own (the
        /// concatenation nests to the left), so the smallest expression holding it is the whole one,
        /// and it must be reported there — with its own kind and redacted form.
        /// </summary>
        [Fact]
        public async Task TwoAssembledKeysInOneConstant_ShouldEachBeReportedOnce()
        {
            string first = FakeKeys.Admin(88);
            string second = FakeKeys.Project(89);
            string source = "class C\n{\n    const string K = \"" + first.Substring(0, 20) + "\" + \"" + first.Substring(20) + "\" + \";\" + \""
                + second.Substring(0, 20) + "\" + \"" + second.Substring(20) + "\";\n}\n";
            List<Diagnostic> diagnostics = await AnalyzeAsync(source);
            int start = source.IndexOf(first.Substring(0, 20), StringComparison.Ordinal) - 1;
            int firstEnd = source.IndexOf(first.Substring(20), StringComparison.Ordinal) + first.Length - 20 + 1;
            int secondEnd = source.IndexOf(second.Substring(20), StringComparison.Ordinal) + second.Length - 20 + 1;
            Assert.Equal(new[] { "KL0003", "KL0001" }, diagnostics.Select(d => d.Id));
            AssertDiagnostic(diagnostics[0], "KL0003", start, firstEnd - start);
            AssertDiagnostic(diagnostics[1], "KL0001", start, secondEnd - start);
            Assert.Contains(FakeKeys.Redacted(second, "sk-proj-"), diagnostics[1].GetMessage(), StringComparison.Ordinal);
        }

        private static string NestedInterpolations(int depth, bool raw)
        {
            string nested = raw ? "$\"\"\"" + Key + " {1}\"\"\"" : "\"" + Key + "\"";
            for (int i = 0; i < depth; i++)
            {
                nested = raw ? "$$\"\"\"x{{" + nested + "}}y\"\"\"" : "$\"a{" + nested + "}b\"";
            }

            return "class C { string S = " + nested + "; }";
        }

        /// <summary>
        /// Interpolations nested <paramref name="depth"/> deep, the key in the innermost literal, with
        /// every analyzer (so the compilation is bound). Depths stay at 12: binding nested
        /// interpolations costs Roslyn itself about twice as much per level (a bare
        /// Compilation.GetDiagnostics takes seconds at 18 levels), whatever the analyzers do.
        /// </summary>
        [Theory]
        [InlineData(3, false)]
        [InlineData(12, false)]
        [InlineData(3, true)]
        [InlineData(12, true)]
        public async Task NestedInterpolations_ShouldReportTheInnermostKey(int depth, bool raw)
        {
            string source = NestedInterpolations(depth, raw);
            List<Diagnostic> diagnostics = await AnalyzeAsync(source);
            Diagnostic diagnostic = Assert.Single(diagnostics);
            AssertDiagnostic(diagnostic, "KL0001", source.IndexOf(Key, StringComparison.Ordinal), Key.Length);
        }

        /// <summary>
        /// Hundreds of nesting levels: too deep for Roslyn to bind in reasonable time (see above), so
        /// only the syntax pass runs — the one that finds keys in literals. The parser handles the depth.
        /// </summary>
        [Theory]
        [InlineData(400, false)]
        [InlineData(120, true)]
        public async Task DeeplyNestedInterpolations_SyntaxPass_ShouldReportTheInnermostKey(int depth, bool raw)
        {
            string source = NestedInterpolations(depth, raw);
            using var guard = new CancellationTokenSource(HangGuard);
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Hostile.cs", cancellationToken: guard.Token);
            CSharpCompilation compilation = CSharpCompilation.Create("Hostile", new[] { tree }, ReliabilityHarness.References);
            var exceptions = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
                ReliabilityHarness.AllAnalyzers,
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Enqueue(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, guard.Token);
            Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions.Select(e => ReliabilityHarness.Describe(e))));
            Diagnostic diagnostic = Assert.Single(diagnostics.Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal)));
            AssertDiagnostic(diagnostic, "KL0001", source.IndexOf(Key, StringComparison.Ordinal), Key.Length);
        }

        /// <summary>Lone surrogates next to keys in literals, verbatim literals, comments and skipped code.</summary>
        [Fact]
        public async Task LoneSurrogatesAroundKeys_ShouldNotHideOrBreakAnything()
        {
            string first = FakeKeys.Project(73), second = FakeKeys.LegacyUser(74), third = FakeKeys.Admin(75), fourth = FakeKeys.None(76);
            string source =
                "class C\n{\n" +
                "    string A = \"\uD800" + first + "\uDC00\";\n" +
                "    string B = @\"\uDFFF" + second + "\uD83D\";\n" +
                "    // \uDBFF" + third + "\uDC00\n" +
                "    string C\uD800 = \"" + fourth + "\";\n" +
                "    string D = \"\uDC00\uD800\uD800T3BlbkFJ\";\n" +
                "}\n";
            List<Diagnostic> diagnostics = await AnalyzeAsync(source);
            Assert.Equal(new[] { "KL0001", "KL0004", "KL0005", "KL0004" }, diagnostics.Select(d => d.Id));
            AssertDiagnostic(diagnostics[0], "KL0001", source.IndexOf(first, StringComparison.Ordinal), first.Length);
            AssertDiagnostic(diagnostics[1], "KL0004", source.IndexOf(second, StringComparison.Ordinal), second.Length);
            AssertDiagnostic(diagnostics[2], "KL0005", source.IndexOf(third, StringComparison.Ordinal), third.Length);
            AssertDiagnostic(diagnostics[3], "KL0004", source.IndexOf(fourth, StringComparison.Ordinal), fourth.Length);
        }

        /// <summary>CR, LF, CRLF, NEL, LS and PS line ends: keys at exact offsets and on the right lines.</summary>
        [Fact]
        public async Task MixedLineEndings_ShouldGiveExactSpansAndLines()
        {
            string first = FakeKeys.Project(77), second = FakeKeys.ServiceAccount(78), third = FakeKeys.LegacyUserLong(79), fourth = FakeKeys.Admin(80);
            string source =
                "// header\r\n" +
                "class C\r" +
                "{\n" +
                "    string A = \"" + first + "\";\u2028" +
                "    // " + second + "\u0085" +
                "    string B = @\"one\r\ntwo\r" + third + "\nthree\";\u2029" +
                "    /* \r\n\r" + fourth + " */\r\n" +
                "}";
            List<Diagnostic> diagnostics = await AnalyzeAsync(source);
            Assert.Equal(new[] { "KL0001", "KL0005", "KL0004", "KL0005" }, diagnostics.Select(d => d.Id));
            string[] keys = { first, second, third, fourth };
            for (int i = 0; i < keys.Length; i++)
            {
                int start = source.IndexOf(keys[i], StringComparison.Ordinal);
                Assert.Equal(new TextSpan(start, keys[i].Length), diagnostics[i].Location.SourceSpan);
                Assert.Equal(LineOf(source, start), diagnostics[i].Location.GetLineSpan().StartLinePosition.Line);
            }

            Assert.Equal(new[] { 3, 4, 7, 11 }, diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line));
        }

        /// <summary>The line of <paramref name="position"/>, counted by hand with the C# line ends.</summary>
        private static int LineOf(string text, int position)
        {
            int line = 0;
            for (int i = 0; i < position; i++)
            {
                char c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    line++;
                }
            }

            return line;
        }

        /// <summary>#line directives move where diagnostics are shown, not what is found; a key in a directive is KL0005.</summary>
        [Fact]
        public async Task LineDirectives_ShouldMapLocationsAndStillReportEveryKey()
        {
            string first = FakeKeys.Project(81), second = FakeKeys.Project(82), third = FakeKeys.Project(83), fourth = FakeKeys.Project(84), fifth = FakeKeys.Admin(85);
            string source =
                "class C\n{\n" +
                "#line 200 \"Other.cs\"\n" +
                "    string A = \"" + first + "\";\n" +
                "#line hidden\n" +
                "    string B = \"" + second + "\";\n" +
                "#line default\n" +
                "    string C2 = \"" + third + "\";\n" +
                "#line (1, 1) - (1, 40) 5 \"Enhanced.cs\"\n" +
                "    string D = \"" + fourth + "\";\n" +
                "#line default\n" +
                "}\n" +
                "#pragma warning disable " + fifth + "\n";
            List<Diagnostic> diagnostics = await AnalyzeAsync(source);
            Assert.Equal(new[] { "KL0001", "KL0001", "KL0001", "KL0001", "KL0005" }, diagnostics.Select(d => d.Id));
            string[] keys = { first, second, third, fourth, fifth };
            for (int i = 0; i < keys.Length; i++)
            {
                Assert.Equal(new TextSpan(source.IndexOf(keys[i], StringComparison.Ordinal), keys[i].Length), diagnostics[i].Location.SourceSpan);
            }

            FileLinePositionSpan mapped = diagnostics[0].Location.GetMappedLineSpan();
            Assert.Equal(("Other.cs", 199), (mapped.Path, mapped.StartLinePosition.Line));
            Assert.Equal(("/src/Hostile.cs", 7), (diagnostics[2].Location.GetMappedLineSpan().Path, diagnostics[2].Location.GetMappedLineSpan().StartLinePosition.Line));
            Assert.Equal("Enhanced.cs", diagnostics[3].Location.GetMappedLineSpan().Path);
            Assert.Equal("a preprocessor directive", diagnostics[4].GetMessage().Split(" is in ")[1].Split(';')[0]);
        }

        private static string SplitByIfRegions(string key, string disabledKey, out int assembledStart, out int assembledEnd)
        {
            int marker = key.IndexOf(FakeKeys.Marker, StringComparison.Ordinal);
            string head = key.Substring(0, marker);
            string tail = key.Substring(marker);
            var source = new StringBuilder("class C\n{\n    const string K = ");
            assembledStart = source.Length;
            source.Append('"').Append(head).Append("\"\n#if DEBUG\n        + \"").Append(tail).Append('"');
            assembledEnd = source.Length;
            source.Append("\n#else\n        + \"-release\"\n#endif\n        ;\n");
            source.Append("#if A\n    // ").Append(head).Append("\n#elif B\n    // ").Append(tail).Append("\n#else\n    // nothing\n#endif\n");
            source.Append("#if NEVER\n    string Whole = \"").Append(disabledKey).Append("\";\n#endif\n}\n");
            return source.ToString();
        }

        /// <summary>
        /// A key cut by #if regions: its pieces assemble into a key only when DEBUG is defined; pieces
        /// in separate branches never make a key; a whole key in a disabled branch is KL0005.
        /// </summary>
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task KeySplitByIfRegions_ShouldBeReportedOnlyWhereItIsWhole(bool debug)
        {
            string key = FakeKeys.Project(86), disabled = FakeKeys.LegacyUser(87);
            string source = SplitByIfRegions(key, disabled, out int assembledStart, out int assembledEnd);
            List<Diagnostic> diagnostics = await AnalyzeAsync(source, debug ? new[] { "DEBUG" } : Array.Empty<string>());

            int disabledStart = source.IndexOf(disabled, StringComparison.Ordinal);
            if (debug)
            {
                Assert.Equal(new[] { "KL0001", "KL0005" }, diagnostics.Select(d => d.Id));
                AssertDiagnostic(diagnostics[0], "KL0001", assembledStart, assembledEnd - assembledStart);
                AssertDiagnostic(diagnostics[1], "KL0005", disabledStart, disabled.Length);
            }
            else
            {
                Diagnostic diagnostic = Assert.Single(diagnostics);
                AssertDiagnostic(diagnostic, "KL0005", disabledStart, disabled.Length);
            }

            Assert.Contains("disabled code", diagnostics[^1].GetMessage(), StringComparison.Ordinal);
        }

        /// <summary>A configuration file of 10 MB with a key at its end, and one of 50,000 keys.</summary>
        [Fact]
        public async Task HugeConfigurationFiles_ShouldReportExactlyTheirKeys()
        {
            string big = "{ \"Padding\": \"" + new string('x', 10 * 1024 * 1024) + " T3BlbkFJ\", \"OpenAI\": { \"ApiKey\": \"" + Key + "\" } }";
            var many = new StringBuilder();
            for (int i = 0; i < 50_000; i++)
            {
                many.Append("KEY_").Append(i).Append('=').Append(FakeKeys.LegacyUser(i)).Append('\n');
            }

            using var guard = new CancellationTokenSource(HangGuard);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Config",
                new[] { CSharpSyntaxTree.ParseText("class C { }", cancellationToken: guard.Token) },
                ReliabilityHarness.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText("/app/appsettings.json", big),
                new InMemoryAdditionalText("/app/.env", many.ToString())));
            ReliabilityHarness.AnalysisResult result = await ReliabilityHarness.AnalyzeAsync(compilation, options, guard.Token);
            Assert.Empty(result.Exceptions);
            Diagnostic[] inSettings = result.KeyLint.Where(d => d.Location.GetLineSpan().Path == "/app/appsettings.json").ToArray();
            Diagnostic single = Assert.Single(inSettings);
            Assert.Equal(new TextSpan(big.IndexOf(Key, StringComparison.Ordinal), Key.Length), single.Location.SourceSpan);
            Assert.Equal(50_000, result.KeyLint.Count(d => d.Id == "KL0006" && d.Location.GetLineSpan().Path == "/app/.env"));
        }

        /// <summary>
        /// Every kind of file besides C# with hostile content — markers of both encodings packed
        /// densely, odd Unicode, a key across the 16K boundary of the chunked marker search, 2 MB of
        /// minified script — gives exactly its keys and no exception.
        /// </summary>
        [Fact]
        public async Task HostileProjectFiles_ShouldReportExactlyTheirKeys()
        {
            string dense = string.Concat(Enumerable.Repeat("c2stUUo5T3BlbkFJJQQJ9 ", 200_000));
            string unicode = "env:\n  K\u0301EY: \"\uD83D\uDD11 " + Key + " \u202E\u200B\"\n  lone: \"\uD800\"\n";
            // The marker across the end of the first chunk: its first four characters in one chunk, the rest in the next.
            string straddling = new string(' ', TextChunks.ChunkLength - 4 - Key.IndexOf("T3BlbkFJ", StringComparison.Ordinal)) + Key + "\n";
            string minified = string.Concat(Enumerable.Repeat("var a=function(b){return b.c2st+\"UUo5\"};", 50_000)) + "const k='" + Key + "';";
            (string Path, string Text)[] files =
            {
                ("/app/k8s/dense.yaml", dense),
                ("/app/docker-compose.yml", unicode),
                ("/app/Api.http", straddling),
                ("/app/wwwroot/js/app.min.js", minified),
            };

            using var guard = new CancellationTokenSource(HangGuard);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "Files",
                new[] { CSharpSyntaxTree.ParseText("class C { }", cancellationToken: guard.Token) },
                ReliabilityHarness.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new AnalyzerOptions(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray());
            ReliabilityHarness.AnalysisResult result = await ReliabilityHarness.AnalyzeAsync(compilation, options, guard.Token);

            Assert.Empty(result.Exceptions);
            Assert.Equal(
                new[]
                {
                    ("/app/Api.http", "KL0006", straddling.IndexOf(Key, StringComparison.Ordinal)),
                    ("/app/docker-compose.yml", "KL0006", unicode.IndexOf(Key, StringComparison.Ordinal)),
                    ("/app/wwwroot/js/app.min.js", "KL0009", minified.IndexOf(Key, StringComparison.Ordinal)),
                },
                result.KeyLint.Select(d => (d.Location.GetLineSpan().Path, d.Id, d.Location.SourceSpan.Start)).OrderBy(d => d.Path, StringComparer.Ordinal).ToArray());
        }
    }
}
