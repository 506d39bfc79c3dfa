using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using KeyLint.Analyzers;
using KeyLint.Scanning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Benchmarks.Analyzers
{
    /// <summary>
    /// <c>--breakdown [--size MB] [--rounds N]</c>: a stopwatch breakdown of the single-document cost of
    /// KeyLint's analyzers, step by step, on fresh clones of the generated compilation (the state the
    /// IDE is in after an edit). Each step is what the analyzer does, called directly.
    /// </summary>
    public static class AnalyzerBreakdown
    {
        public static int Run(string[] args)
        {
            int sizeMB = int.Parse(Option(args, "--size", "20"), CultureInfo.InvariantCulture);
            int rounds = int.Parse(Option(args, "--rounds", "15"), CultureInfo.InvariantCulture);
            Console.WriteLine($"# Single-document breakdown, openai variant, {sizeMB} MB, median of {rounds} rounds after 3 warm-up rounds");
            Console.WriteLine();

            List<CorpusFile> files = CSharpCorpus.Generate((long)sizeMB * 1_000_000, useOpenAI: true);
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            SyntaxTree[] trees = files.AsParallel().AsOrdered().Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text), parseOptions, f.Path)).ToArray();
            IEnumerable<MetadataReference> references = Basic.Reference.Assemblies.Net100.References.All.Concat(new[]
            {
                MetadataReference.CreateFromFile(typeof(OpenAI.OpenAIClient).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(System.ClientModel.ApiKeyCredential).Assembly.Location),
            });
            CSharpCompilation baseCompilation = CSharpCompilation.Create(
                "Contoso", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            _ = baseCompilation.GetDiagnostics();

            SyntaxTree document = trees[0];
            SourceText text = document.GetText();
            SyntaxNode root = document.GetRoot();
            BaseObjectCreationExpressionSyntax[] bearerCreations = root.DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) && t.ValueText == "Bearer")
                .Select(t => t.Parent?.Parent?.Parent?.Parent)
                .OfType<BaseObjectCreationExpressionSyntax>()
                .ToArray();
            BaseMethodDeclarationSyntax[] methods = root.DescendantNodes().OfType<BaseMethodDeclarationSyntax>().Where(m => m.Body is not null || m.ExpressionBody is not null).ToArray();
            MethodInfo resolve = typeof(HardcodedCredentialAnalyzer).Assembly.GetType("KeyLint.Analyzers.CredentialTargets", throwOnError: true)!
                .GetMethod("Resolve", BindingFlags.Public | BindingFlags.Static)!;
            Console.WriteLine($"Document: {text.Lines.Count - 1} lines, {methods.Length} methods, {bearerCreations.Length} \"Bearer\" header constructions");
            Console.WriteLine();

            var steps = new Dictionary<string, List<double>>();
            void Record(string step, double ms)
            {
                if (!steps.TryGetValue(step, out List<double>? list))
                {
                    steps[step] = list = new List<double>();
                }

                list.Add(ms);
            }

            for (int round = 0; round < rounds + 3; round++)
            {
                bool warmUp = round < 3;
                double Step(string name, Action action)
                {
                    long start = Stopwatch.GetTimestamp();
                    action();
                    double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (!warmUp)
                    {
                        Record(name, ms);
                    }

                    return ms;
                }

                // KL0007's compilation-start work, on a fresh compilation (every edit makes one).
                Compilation fresh = baseCompilation.Clone();
                Step("HardcodedCredentialAnalyzer: CredentialTargets.Resolve (compilation start)", () => resolve.Invoke(null, new object[] { fresh }));

                // KL0001-KL0005's text-first pass, twice per document (syntax-tree and semantic-model actions).
                Step("HardcodedOpenAIKeyAnalyzer: one text pass (markers and escapes), ×2 per document", () => TextPass(text));

                // KL0007's bearer search: the text search, then GetOperation on each hit.
                Step("HardcodedCredentialAnalyzer: \"Bearer\" text search (OrdinalIgnoreCase)", () => BearerSearch(text));
                SemanticModel model = baseCompilation.Clone().GetSemanticModel(document);
                Step("HardcodedCredentialAnalyzer: GetOperation of the first \"Bearer\" creation, fresh model", () => model.GetOperation(bearerCreations[0]));
                if (bearerCreations.Length > 1)
                {
                    Step("HardcodedCredentialAnalyzer: GetOperation of a second \"Bearer\" creation, same model", () => model.GetOperation(bearerCreations[1]));
                }

                // For scale: binding one method on a fresh model (what any semantic query inside a body costs).
                SemanticModel other = baseCompilation.Clone().GetSemanticModel(document);
                Step("for scale: GetOperation of a whole method body, fresh model", () => other.GetOperation(methods[methods.Length / 2]));

                // For scale: the compiler's own semantic diagnostics of the document on a fresh compilation.
                Step("for scale: compiler's semantic diagnostics of the document, fresh compilation", () => baseCompilation.Clone().GetSemanticModel(document).GetDiagnostics());
            }

            Console.WriteLine("| Step | Median (ms) | per 1,000 lines (ms) |");
            Console.WriteLine("|---|---:|---:|");
            int lines = text.Lines.Count - 1;
            foreach (KeyValuePair<string, List<double>> step in steps)
            {
                double median = AnalyzerMeasurement.Median(step.Value);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F3} | {2:F3} |", step.Key, median, median * 1000 / lines));
            }

            return 0;
        }

        /// <summary>What KeyCandidateEnumerator does: chunks copied out of the text, marker and backslash searched.</summary>
        private static int TextPass(SourceText text)
        {
            const int ChunkLength = 16 * 1024;
            char[] buffer = ArrayPool<char>.Shared.Rent(ChunkLength);
            int found = 0;
            for (int start = 0; start < text.Length; start += ChunkLength - 7)
            {
                int length = Math.Min(ChunkLength, text.Length - start);
                text.CopyTo(start, buffer, 0, length);
                ReadOnlySpan<char> chunk = buffer.AsSpan(0, length);
                for (int i = chunk.IndexOf(OpenAIKeyFormat.Marker.AsSpan()); i >= 0; i = IndexFrom(chunk, i + 1, OpenAIKeyFormat.Marker))
                {
                    found++;
                }

                for (int i = chunk.IndexOf('\\'); i >= 0 && i + 2 < chunk.Length; i = NextBackslash(chunk, i + 2))
                {
                    found++;
                }

                if (start + length >= text.Length)
                {
                    break;
                }
            }

            ArrayPool<char>.Shared.Return(buffer);
            return found;
        }

        private static int IndexFrom(ReadOnlySpan<char> chunk, int from, string value)
        {
            int i = chunk.Slice(from).IndexOf(value.AsSpan());
            return i < 0 ? -1 : from + i;
        }

        private static int NextBackslash(ReadOnlySpan<char> chunk, int from)
        {
            if (from >= chunk.Length)
            {
                return -1;
            }

            int i = chunk.Slice(from).IndexOf('\\');
            return i < 0 ? -1 : from + i;
        }

        /// <summary>What BearerTokens does before any semantic question: SourceTextSearch.IndexOf, case-insensitive.</summary>
        private static int BearerSearch(SourceText text)
        {
            const int ChunkLength = 16 * 1024;
            char[] buffer = ArrayPool<char>.Shared.Rent(ChunkLength);
            int found = 0;
            int from = 0;
            while (true)
            {
                int hit = -1;
                for (int chunkStart = from; chunkStart < text.Length; chunkStart += ChunkLength - 5)
                {
                    int count = Math.Min(ChunkLength, text.Length - chunkStart);
                    text.CopyTo(chunkStart, buffer, 0, count);
                    int i = buffer.AsSpan(0, count).IndexOf("Bearer".AsSpan(), StringComparison.OrdinalIgnoreCase);
                    if (i >= 0)
                    {
                        hit = chunkStart + i;
                        break;
                    }

                    if (chunkStart + count >= text.Length)
                    {
                        break;
                    }
                }

                if (hit < 0)
                {
                    break;
                }

                found++;
                from = hit + 6;
            }

            ArrayPool<char>.Shared.Return(buffer);
            return found;
        }

        private static string Option(string[] args, string name, string fallback)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
    }
}
