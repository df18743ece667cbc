using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>
/// An offline, deterministic embedding generator needing no model and no network: the feature-hashing trick
/// (Weinberger et al. 2009) over a text's words, word pairs and letter trigrams, signed so collisions cancel, then
/// normalised to unit length. Texts that share words and word stems land close; it knows nothing of synonyms —
/// plug in any model's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for that.
/// </summary>
/// <remarks>Thread-safe and allocation-light; the same text always gives the same vector, on every machine.</remarks>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The number of dimensions when none is given: 384, the size of common small sentence models.</summary>
    public const int DefaultDimensions = 384;

    private const int MaxCharacters = 16_384;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "is", "am", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "i", "me", "my",
        "you", "your", "we", "our", "they", "their", "he", "she", "his", "her", "so", "do", "did", "does", "have", "has",
        "had", "there", "what", "which", "who", "will", "would", "can", "could", "just", "about", "into", "than", "then",
    };

    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Initializes a new generator.</summary>
    /// <param name="dimensions">The length of every vector; at least 16.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is below 16.</exception>
    public HashingEmbeddingGenerator(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("anima-hashing", defaultModelId: "hashing-v1", defaultModelDimensions: dimensions);
    }

    /// <summary>Gets the length of every vector.</summary>
    public int Dimensions { get; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (string value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ArgumentNullException.ThrowIfNull(value, nameof(values));
            result.Add(new Embedding<float>(Embed(value)) { ModelId = "hashing-v1" });
        }

        return Task.FromResult(result);
    }

    /// <summary>Embeds one text.</summary>
    /// <param name="text">The text; only its first 16,384 characters are read.</param>
    /// <returns>A unit-length vector of <see cref="Dimensions"/> numbers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[Dimensions];
        var span = text.AsSpan(0, Math.Min(text.Length, MaxCharacters));
        Span<char> word = stackalloc char[64];
        Span<char> padded = stackalloc char[word.Length + 2];
        string? previous = null;
        int i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !IsWordChar(span[i]))
            {
                i++;
            }

            int length = 0;
            while (i < span.Length && IsWordChar(span[i]))
            {
                if (length < word.Length)
                {
                    word[length++] = char.ToLowerInvariant(span[i]);
                }

                i++;
            }

            if (length == 0)
            {
                continue;
            }

            var token = word[..length].Trim('\'');
            if (token.IsEmpty)
            {
                continue;
            }

            string current = token.ToString();
            if (StopWords.Contains(current))
            {
                previous = null;
                continue;
            }

            Add(vector, Hash(token, 0x9E37), 1f);
            if (previous is not null)
            {
                Add(vector, Hash(current.AsSpan(), Hash(previous.AsSpan(), 0x51ED)), 0.5f);
            }

            // Letter trigrams with word boundaries, so "frighten" and "frightening" share most of their features.
            var bounded = padded[..(token.Length + 2)];
            bounded[0] = '<';
            token.CopyTo(bounded[1..]);
            bounded[^1] = '>';
            for (int t = 0; t + 3 <= bounded.Length; t++)
            {
                Add(vector, Hash(bounded.Slice(t, 3), 0x7F4A), 0.25f);
            }

            previous = current;
        }

        float norm = TensorPrimitives.Norm(vector);
        if (norm == 0)
        {
            vector[0] = 1;
        }
        else
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\'';

    private void Add(float[] vector, ulong hash, float weight)
    {
        int index = (int)(hash % (ulong)Dimensions);
        vector[index] += (hash >> 63) == 0 ? weight : -weight;
    }

    /// <summary>FNV-1a over UTF-16 code units: stable across processes and machines, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        ulong hash = 14695981039346656037UL ^ seed;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // A final mix, so the low bits used for the index depend on every character.
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return hash;
    }
}
