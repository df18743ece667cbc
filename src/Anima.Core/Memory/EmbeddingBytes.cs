using System.Buffers.Binary;

namespace Anima.Memory;

/// <summary>An embedding as the little-endian bytes of its floats, as the agent document and the store keep it, so it round-trips exactly.</summary>
internal static class EmbeddingBytes
{
    /// <summary>The little-endian bytes of an embedding's floats.</summary>
    public static byte[] Of(ReadOnlySpan<float> embedding)
    {
        var bytes = new byte[embedding.Length * sizeof(float)];
        for (int i = 0; i < embedding.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), embedding[i]);
        }

        return bytes;
    }

    /// <summary>An embedding from the little-endian bytes of its floats, or <see langword="null"/> when the length does not fit.</summary>
    public static float[]? From(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes.Length % sizeof(float) != 0)
        {
            return null;
        }

        var embedding = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < embedding.Length; i++)
        {
            embedding[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return embedding;
    }
}
