using System.Text;
using System.Threading;
using KeyLint.Analyzers;
using Microsoft.CodeAnalysis.Text;

namespace KeyLint.Tests.Analyzers
{
    /// <summary>The one chunk reader of the text-first searches: owned parts tile the text, overlaps repeat the next chunk's start.</summary>
    public class TextChunksTests
    {
        [Theory]
        [InlineData(0, 7)]
        [InlineData(1, 7)]
        [InlineData(TextChunks.ChunkLength - 1, 7)]
        [InlineData(TextChunks.ChunkLength, 7)]
        [InlineData(TextChunks.ChunkLength + 1, 7)]
        [InlineData((2 * TextChunks.ChunkLength) - 7, 7)]
        [InlineData(100_000, 0)]
        [InlineData(100_000, 15)]
        public void OwnedParts_ShouldTileTheText_AndEachChunkShouldHoldItsTextExactly(int length, int overlap)
        {
            var builder = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                builder.Append((char)('a' + (i * 7 % 26)));
            }

            string text = builder.ToString();
            var owned = new StringBuilder();
            int chunks = 0;
            using (var reader = new TextChunks(SourceText.From(text), overlap))
            {
                while (reader.MoveNext(CancellationToken.None))
                {
                    chunks++;
                    Assert.Equal(owned.Length, reader.Start);
                    Assert.Equal(text.Substring(reader.Start, reader.Length), reader.Span.ToString());
                    Assert.Equal(reader.Start + reader.Length == length, reader.IsLast);
                    Assert.Equal(reader.IsLast ? reader.Length : reader.Length - overlap, reader.Owned);
                    owned.Append(reader.Span.Slice(0, reader.Owned).ToString());
                }

                Assert.False(reader.MoveNext(CancellationToken.None));
            }

            Assert.Equal(text, owned.ToString());
            int expectedChunks = length == 0 ? 0 : length <= TextChunks.ChunkLength ? 1 : 1 + (((length - TextChunks.ChunkLength) + (TextChunks.ChunkLength - overlap) - 1) / (TextChunks.ChunkLength - overlap));
            Assert.Equal(expectedChunks, chunks);
        }

        [Fact]
        public void Cancellation_ShouldStopBeforeTheNextChunk()
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            using var reader = new TextChunks(SourceText.From(new string('x', 3 * TextChunks.ChunkLength)), 7);
            Assert.True(reader.MoveNext(cancelled.Token)); // the first chunk costs no more than a check
            Assert.Throws<System.OperationCanceledException>(() => reader.MoveNext(cancelled.Token));
        }
    }
}
