using System.Numerics.Tensors;
using Anima.Memory;

namespace Anima;

/// <summary>
/// The default <see cref="IEmotionalMemory"/>: memories in memory, embeddings in one contiguous matrix, and recall
/// by a brute-force scan — each row's cosine by <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
/// (or, with <see cref="MemoryOptions.QuantizeEmbeddings"/>, an int8 dot product over a quarter of the bytes) — which
/// beyond the caches is bound by memory bandwidth: 1.5 KB a memory of 384 float dimensions, 388 bytes in int8.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed partial class EmotionalMemoryBank : IEmotionalMemory
{
    private readonly Lock _gate = new();
    private readonly List<EmotionalMemory> _memories = [];
    private readonly MemoryOptions _options;
    /// <summary>The embeddings, <see cref="EmbeddingChunks.RowsPerChunk"/> rows to an array, so no array reaches the large object heap and growing never copies.</summary>
    private readonly List<float[]> _chunks = [];
    private readonly bool _quantized;
    private readonly List<sbyte[]> _codes = [];
    private float[] _scales = [];
    private int _rowsPerChunk = 1;
    private long[] _ticks = [];
    private double[] _importance = [];
    private Vad[] _feelings = [];
    private int _dimensions;

    /// <summary>Initializes a new, empty bank.</summary>
    /// <param name="options">How memories are scored; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public EmotionalMemoryBank(MemoryOptions? options = null)
    {
        _options = options ?? new MemoryOptions();
        _options.Validate();
        _quantized = _options.QuantizeEmbeddings;
    }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _memories.Count;
            }
        }
    }

    /// <inheritdoc />
    public void Add(EmotionalMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        CheckEmbedding(memory, nameof(memory));
        lock (_gate)
        {
            CheckOrder(memory, _memories.Count > 0 ? _memories[^1].Id : long.MinValue, _memories.Count > 0 ? _dimensions : memory.Embedding.Length, nameof(memory));
            int count = _memories.Count;
            if (count == 0)
            {
                _dimensions = memory.Embedding.Length;
                _rowsPerChunk = _quantized ? Int8Embeddings.RowsPerChunk(_dimensions) : EmbeddingChunks.RowsPerChunk(_dimensions);
            }

            if (count == _ticks.Length)
            {
                Grow(Math.Max(64, count * 2));
            }

            Put(count, memory);
            if (_quantized)
            {
                if (count == _codes.Count * _rowsPerChunk)
                {
                    _codes.Add(new sbyte[_rowsPerChunk * _dimensions]);
                }

                _scales[count] = Int8Embeddings.Quantize(memory.Embedding.Span, Codes(count));
                _memories.Add(memory with { Embedding = ReadOnlyMemory<float>.Empty });
                return;
            }

            if (count == _chunks.Count * _rowsPerChunk)
            {
                _chunks.Add(new float[_rowsPerChunk * _dimensions]);
            }

            // The record keeps the bank's row, not the caller's array, so an embedding is held once.
            var chunk = _chunks[count / _rowsPerChunk];
            int offset = count % _rowsPerChunk * _dimensions;
            memory.Embedding.Span.CopyTo(chunk.AsSpan(offset, _dimensions));
            _memories.Add(memory with { Embedding = new ReadOnlyMemory<float>(chunk, offset, _dimensions) });
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Every memory is checked before any is kept. Embeddings laid out as a store loads them (consecutive rows of
    /// arrays of <see cref="EmbeddingChunks.RowsPerChunk"/> rows) are kept where they are; others are copied once.
    /// </remarks>
    public void ReplaceAll(IReadOnlyList<EmotionalMemory> memories) => ReplaceAll(memories, unitLengthChecked: false);

    /// <summary>As <see cref="ReplaceAll(IReadOnlyList{EmotionalMemory})"/>; an import that has already checked every embedding's length skips the second pass over them.</summary>
    /// <param name="memories">The memories, oldest first.</param>
    /// <param name="unitLengthChecked">Whether every embedding is already known to be of unit length.</param>
    internal void ReplaceAll(IReadOnlyList<EmotionalMemory> memories, bool unitLengthChecked)
    {
        ArgumentNullException.ThrowIfNull(memories);
        int dimensions = memories.Count > 0 ? memories[0]?.Embedding.Length ?? 0 : 0;
        long previous = long.MinValue;
        for (int i = 0; i < memories.Count; i++)
        {
            var memory = memories[i] ?? throw new ArgumentException($"Memory {i} is null.", nameof(memories));
            if (!unitLengthChecked)
            {
                CheckEmbedding(memory, nameof(memories));
            }

            CheckOrder(memory, previous, dimensions, nameof(memories));
            previous = memory.Id;
        }

        if (memories.Count == 0)
        {
            Clear();
            return;
        }

        if (_quantized)
        {
            ReplaceQuantized(memories, dimensions);
            return;
        }

        int rowsPerChunk = EmbeddingChunks.RowsPerChunk(dimensions);
        var adopted = EmbeddingChunks.Adopt(memories, dimensions, rowsPerChunk);
        var chunks = adopted ?? EmbeddingChunks.Copy(memories, dimensions, rowsPerChunk);
        IReadOnlyList<EmotionalMemory> kept = memories;
        if (adopted is null)
        {
            // Copied: the records take the bank's rows, so each embedding is held once.
            var rows = new EmotionalMemory[memories.Count];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = memories[i] with { Embedding = new ReadOnlyMemory<float>(chunks[i / rowsPerChunk], i % rowsPerChunk * dimensions, dimensions) };
            }

            kept = rows;
        }

        Install(kept, dimensions, rowsPerChunk, chunks, [], []);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentException">The cue's dimensions differ from the memories', or it holds a number that is not finite.</exception>
    public IReadOnlyList<RecalledMemory> Recall(ReadOnlySpan<float> cue, Vad mood, DateTimeOffset now, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            int n = _memories.Count;
            if (n == 0 || count == 0)
            {
                return [];
            }

            if (cue.Length != _dimensions)
            {
                throw new ArgumentException($"The cue has {cue.Length} dimensions; the memories have {_dimensions}.", nameof(cue));
            }

            if (!float.IsFinite(TensorPrimitives.Norm(cue)))
            {
                throw new ArgumentException("The cue holds a number that is not finite.", nameof(cue));
            }

            var scoring = new Scoring(_options, mood, now);
            int k = Math.Min(count, n);
            var top = new TopK(k <= 64 ? stackalloc int[k] : new int[k], k <= 64 ? stackalloc double[k] : new double[k]);
            if (!_quantized && _options.RecallIndexThreshold > 0 && n >= _options.RecallIndexThreshold)
            {
                ScanIndexed(cue, scoring, ref top);
            }
            else
            {
                Scan(cue, scoring, ref top);
            }

            var recalled = new RecalledMemory[top.Found];
            sbyte[]? cueCodes = _quantized ? new sbyte[_dimensions] : null;
            float cueScale = cueCodes is null ? 0 : Int8Embeddings.Quantize(cue, cueCodes);
            for (int i = 0; i < recalled.Length; i++)
            {
                int row = top.Rows[i];
                double relevance = Math.Max(0, cueCodes is null ? TensorPrimitives.Dot(Row(row), cue) : Int8Embeddings.Dot(Codes(row), cueCodes) * _scales[row] * cueScale);
                recalled[i] = new RecalledMemory(Whole(row), top.Scores[i], relevance, scoring.Fresh(_ticks[row]), scoring.Congruence(_feelings[row]));
            }

            return recalled;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<EmotionalMemory> GetAll()
    {
        lock (_gate)
        {
            if (!_quantized)
            {
                return [.. _memories];
            }

            var all = new EmotionalMemory[_memories.Count];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = Whole(i);
            }

            return all;
        }
    }

    private static void CheckEmbedding(EmotionalMemory memory, string parameter)
    {
        var embedding = memory.Embedding.Span;
        if (embedding.Length == 0)
        {
            throw new ArgumentException($"The embedding of memory {memory.Id} is empty.", parameter);
        }

        float norm = TensorPrimitives.Norm(embedding);
        if (!float.IsFinite(norm) || Math.Abs(norm - 1) > 1e-3)
        {
            throw new ArgumentException($"The embedding of memory {memory.Id} must have unit length; its length is {norm}.", parameter);
        }
    }

    private static void CheckOrder(EmotionalMemory memory, long previousId, int dimensions, string parameter)
    {
        if (memory.Id <= previousId)
        {
            throw new ArgumentException($"Memory id {memory.Id} is not above the newest kept id {previousId}.", parameter);
        }

        if (memory.Embedding.Length != dimensions)
        {
            throw new ArgumentException($"The embedding of memory {memory.Id} has {memory.Embedding.Length} dimensions; this bank's have {dimensions}.", parameter);
        }
    }

    /// <summary>Replaces everything the bank holds with checked memories and their rows, float or int8 (the other list empty; int8 scales sized as the columns), in one step under the lock.</summary>
    private void Install(IReadOnlyList<EmotionalMemory> kept, int dimensions, int rowsPerChunk, List<float[]> chunks, List<sbyte[]> codes, float[] scales)
    {
        int capacity = Math.Max(64, kept.Count);
        lock (_gate)
        {
            _memories.Clear();
            _memories.AddRange(kept);
            _dimensions = dimensions;
            _rowsPerChunk = rowsPerChunk;
            _chunks.Clear();
            _chunks.AddRange(chunks);
            _codes.Clear();
            _codes.AddRange(codes);
            _scales = scales;
            _ticks = new long[capacity];
            _importance = new double[capacity];
            _feelings = new Vad[capacity];
            ResetIndex();
            for (int i = 0; i < kept.Count; i++)
            {
                Put(i, kept[i]);
            }
        }
    }

    /// <summary>Enlarges the scalar columns to <paramref name="capacity"/> memories, keeping what they hold. Call under the lock.</summary>
    private void Grow(int capacity)
    {
        Array.Resize(ref _ticks, capacity);
        Array.Resize(ref _importance, capacity);
        Array.Resize(ref _feelings, capacity);
        if (_quantized)
        {
            Array.Resize(ref _scales, capacity);
        }
    }

    /// <summary>The embedding of row <paramref name="row"/>. Call under the lock.</summary>
    private Span<float> Row(int row) =>
        _chunks[row / _rowsPerChunk].AsSpan(row % _rowsPerChunk * _dimensions, _dimensions);

    /// <summary>Writes a memory's scalar columns at row <paramref name="row"/>. Call under the lock.</summary>
    private void Put(int row, EmotionalMemory memory)
    {
        _ticks[row] = memory.Timestamp.UtcTicks;
        _importance[row] = memory.Importance;
        _feelings[row] = memory.Feeling;
    }

    /// <inheritdoc />
    public void Clear()
    {
        lock (_gate)
        {
            _memories.Clear();
            _chunks.Clear();
            _codes.Clear();
            _scales = [];
            _ticks = [];
            _importance = [];
            _feelings = [];
            _dimensions = 0;
            ResetIndex();
        }
    }
}
