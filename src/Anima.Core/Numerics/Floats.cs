using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Anima.Numerics;

/// <summary>Float runs read from stored bytes.</summary>
internal static class Floats
{
    /// <summary>
    /// Copies little-endian floats from <paramref name="source"/> into <paramref name="destination"/> and returns
    /// their sum of squares, in one pass: a load of a thousand memories decodes 384,000 floats and checks each
    /// embedding's length, and reading every row back after copying it cost more than the copy.
    /// </summary>
    /// <param name="source">Exactly <c>4 × destination.Length</c> bytes.</param>
    /// <param name="destination">Where the floats go.</param>
    /// <returns>The sum of the squares of the floats, summed in eight lanes (not in index order).</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not four bytes a float.</exception>
    public static float CopySquares(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (source.Length != destination.Length * sizeof(float))
        {
            throw new ArgumentException($"{source.Length} bytes cannot hold {destination.Length} floats.", nameof(source));
        }

        if (!BitConverter.IsLittleEndian)
        {
            float total = 0;
            for (int k = 0; k < destination.Length; k++)
            {
                float value = BinaryPrimitives.ReadSingleLittleEndian(source[(k * sizeof(float))..]);
                destination[k] = value;
                total += value * value;
            }

            return total;
        }

        var from = MemoryMarshal.Cast<byte, float>(source);
        ref float read = ref MemoryMarshal.GetReference(from);
        ref float write = ref MemoryMarshal.GetReference(destination);
        int n = destination.Length;
        int i = 0;
        var even = Vector256<float>.Zero;
        var odd = Vector256<float>.Zero;
        for (; i <= n - (2 * Vector256<float>.Count); i += 2 * Vector256<float>.Count)
        {
            var a = Vector256.LoadUnsafe(ref read, (nuint)i);
            var b = Vector256.LoadUnsafe(ref read, (nuint)(i + Vector256<float>.Count));
            a.StoreUnsafe(ref write, (nuint)i);
            b.StoreUnsafe(ref write, (nuint)(i + Vector256<float>.Count));
            even += a * a;
            odd += b * b;
        }

        float sum = Vector256.Sum(even + odd);
        for (; i < n; i++)
        {
            float value = from[i];
            destination[i] = value;
            sum += value * value;
        }

        return sum;
    }
}
