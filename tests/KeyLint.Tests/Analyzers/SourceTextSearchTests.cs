using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>
    /// The chunked search KL0007 reads files with: every occurrence of every text, once, across the
    /// 16 KB chunk borders, compared with a naive search of the whole string.
    /// </summary>
    public class SourceTextSearchTests
    {
        private static readonly ImmutableArray<string> Triggers = ImmutableArray.Create("Client", "Credential", "OpenAI", "ApiKey");

        private static List<(int Position, string Value)> Naive(string text, ImmutableArray<string> values, StringComparison comparison)
        {
            var found = new List<(int, string)>();
            foreach (string value in values)
            {
                for (int i = text.IndexOf(value, comparison); i >= 0; i = text.IndexOf(value, i + 1, comparison))
                {
                    found.Add((i, value));
                }
            }

            return found.OrderBy(f => f.Item1).ThenBy(f => f.Item2, StringComparer.Ordinal).ToList();
        }

        private static List<(int Position, string Value)> Search(string text, ImmutableArray<string> values, StringComparison comparison)
        {
            var found = new List<(int, string)>();
            using var search = new SourceTextSearch(SourceText.From(text), values, comparison);
            while (search.MoveNext(CancellationToken.None))
            {
                Assert.Equal(search.Value, search.Chunk.Slice(search.Position - search.ChunkStart, search.Value.Length).ToString(), StringComparer.FromComparison(comparison));
                found.Add((search.Position, search.Value));
            }

            return found.OrderBy(f => f.Item1).ThenBy(f => f.Item2, StringComparer.Ordinal).ToList();
        }

        [Fact]
        public void Occurrences_AcrossChunkBorders_ShouldEachBeFoundOnce()
        {
            var text = new StringBuilder(new string('.', 70_000));
            var random = new Random(7);
            int[] positions = { 0, 16_374, 16_375, 16_378, 16_380, 16_384, 32_757, 32_760, 49_140, 69_994 };
            foreach (int position in positions.Concat(Enumerable.Range(0, 200).Select(_ => random.Next(0, 69_990))))
            {
                string value = Triggers[random.Next(Triggers.Length)];
                int at = Math.Min(position, text.Length - value.Length);
                text.Remove(at, value.Length).Insert(at, value);
            }

            text.Remove(69_990, 10).Insert(69_990, "OpenAIKeyX"); // at the very end of the text
            string source = text.ToString();

            List<(int, string)> expected = Naive(source, Triggers, StringComparison.Ordinal);
            Assert.True(expected.Count > 150);
            Assert.Equal(expected, Search(source, Triggers, StringComparison.Ordinal));
        }

        [Fact]
        public void IgnoreCase_ShouldFindEverySpelling()
        {
            string source = new string(' ', 16_380) + "BEARER bearer Bearer" + new string(' ', 20_000) + "bEaReR";
            ImmutableArray<string> bearer = ImmutableArray.Create("Bearer");
            Assert.Equal(
                new[] { (16_380, "Bearer"), (16_387, "Bearer"), (16_394, "Bearer"), (36_400, "Bearer") },
                Search(source, bearer, StringComparison.OrdinalIgnoreCase));
        }

        [Theory]
        [InlineData("")]
        [InlineData("Clien")]
        [InlineData("client CLIENT")]
        public void TextWithoutOccurrence_ShouldYieldNothing(string source)
        {
            Assert.Empty(Search(source, Triggers, StringComparison.Ordinal));
        }
    }
}
