using System.Runtime.InteropServices;

namespace Anima.Memory;

/// <summary>
/// How <see cref="EmotionalMemoryBank"/> lays embeddings out: as rows of arrays of at most 64 KiB each, below the
/// large object heap's threshold, so neither growing nor loading a bank ever allocates or copies one huge array.
/// <see cref="SqliteAnimaStore"/> decodes memories into the same layout, and the bank keeps those arrays as they are.
/// </summary>
internal static class EmbeddingChunks
{
    /// <summary>The floats in one chunk: 64 KiB, below the 85,000 bytes from which .NET allocates on the large object heap.</summary>
    private const int ChunkFloats = 16_384;

    /// <summary>How many embeddings of <paramref name="dimensions"/> floats share one chunk (at least one).</summary>
    public static int RowsPerChunk(int dimensions) => Math.Max(1, ChunkFloats / dimensions);

    /// <summary>The chunks that already hold the memories' embeddings in the bank's layout, or null if they do not.</summary>
    public static List<float[]>? Adopt(IReadOnlyList<EmotionalMemory> memories, int dimensions, int rowsPerChunk)
    {
        var chunks = new List<float[]>((memories.Count + rowsPerChunk - 1) / rowsPerChunk);
        for (int i = 0; i < memories.Count; i++)
        {
            if (!MemoryMarshal.TryGetArray(memories[i].Embedding, out var segment)
                || segment.Array is not { } array
                || array.Length != rowsPerChunk * dimensions
                || segment.Offset != i % rowsPerChunk * dimensions)
            {
                return null;
            }

            if (i % rowsPerChunk == 0)
            {
                chunks.Add(array);
            }
            else if (!ReferenceEquals(array, chunks[^1]))
            {
                return null;
            }
        }

        return chunks;
    }

    /// <summary>Copies the memories' embeddings into new chunks.</summary>
    public static List<float[]> Copy(IReadOnlyList<EmotionalMemory> memories, int dimensions, int rowsPerChunk)
    {
        var chunks = new List<float[]>((memories.Count + rowsPerChunk - 1) / rowsPerChunk);
        for (int i = 0; i < memories.Count; i++)
        {
            if (i % rowsPerChunk == 0)
            {
                chunks.Add(new float[rowsPerChunk * dimensions]);
            }

            memories[i].Embedding.Span.CopyTo(chunks[^1].AsSpan(i % rowsPerChunk * dimensions, dimensions));
        }

        return chunks;
    }

    /// <summary>Where row <paramref name="row"/> of embeddings of <paramref name="dimensions"/> floats goes, starting a new chunk when the last is full.</summary>
    /// <param name="chunk">The chunk being filled; replaced by a new one at each chunk boundary.</param>
    /// <param name="row">The row's index among all the rows.</param>
    /// <param name="dimensions">The embeddings' length.</param>
    public static Memory<float> Next(ref float[]? chunk, int row, int dimensions)
    {
        int rowsPerChunk = RowsPerChunk(dimensions);
        if (row % rowsPerChunk == 0 || chunk is null)
        {
            // Not zeroed: every row is written before it is read (the rows of a chunk that a load leaves free are written
            // by the bank's next additions), and a load would otherwise clear every byte of its embeddings once for nothing.
            chunk = GC.AllocateUninitializedArray<float>(rowsPerChunk * dimensions);
        }

        return chunk.AsMemory(row % rowsPerChunk * dimensions, dimensions);
    }
}
