using Anima.Memory;

namespace Anima;

/// <summary>The bank's int8 rows (<see cref="MemoryOptions.QuantizeEmbeddings"/>), and the reading of memories past an id.</summary>
public sealed partial class EmotionalMemoryBank
{
    /// <summary>The memories after <paramref name="id"/>, oldest first, as kept: without their embeddings when they are quantised. For reflection, which reads no embedding.</summary>
    internal List<EmotionalMemory> After(long id)
    {
        lock (_gate)
        {
            int first = _memories.Count;
            while (first > 0 && _memories[first - 1].Id > id)
            {
                first--;
            }

            return _memories.GetRange(first, _memories.Count - first);
        }
    }

    /// <summary>The memory of row <paramref name="row"/> with its embedding: as kept, or with its codes dequantised. Call under the lock.</summary>
    private EmotionalMemory Whole(int row)
    {
        if (!_quantized)
        {
            return _memories[row];
        }

        var vector = new float[_dimensions];
        Int8Embeddings.Dequantize(Codes(row), _scales[row], vector);
        return _memories[row] with { Embedding = vector };
    }

    /// <summary>Keeps checked memories as int8 codes. The records are kept without their floats.</summary>
    private void ReplaceQuantized(IReadOnlyList<EmotionalMemory> memories, int dimensions)
    {
        int rowsPerChunk = Int8Embeddings.RowsPerChunk(dimensions);
        var codes = new List<sbyte[]>((memories.Count + rowsPerChunk - 1) / rowsPerChunk);
        int capacity = Math.Max(64, memories.Count);
        var scales = new float[capacity];
        var kept = new List<EmotionalMemory>(memories.Count);
        for (int i = 0; i < memories.Count; i++)
        {
            if (i % rowsPerChunk == 0)
            {
                codes.Add(new sbyte[rowsPerChunk * dimensions]);
            }

            scales[i] = Int8Embeddings.Quantize(memories[i].Embedding.Span, codes[^1].AsSpan(i % rowsPerChunk * dimensions, dimensions));
            kept.Add(memories[i] with { Embedding = ReadOnlyMemory<float>.Empty });
        }

        Install(kept, dimensions, rowsPerChunk, [], codes, scales);
    }

    /// <summary>The int8 codes of row <paramref name="row"/>. Call under the lock.</summary>
    private Span<sbyte> Codes(int row) =>
        _codes[row / _rowsPerChunk].AsSpan(row % _rowsPerChunk * _dimensions, _dimensions);
}
