using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Anima.Memory;

/// <summary>
/// Embeddings as signed bytes with one scale per row (symmetric int8 quantisation): a row's largest magnitude maps to
/// ±127, so a unit vector of 384 dimensions takes 388 bytes instead of 1,536. The row's scale is the inverse length of
/// its codes, so a dequantised row has unit length and a cosine is an integer dot product times the two scales.
/// Quantising a dequantised row gives the same bytes back.
/// </summary>
internal static class Int8Embeddings
{
    /// <summary>The bytes in one chunk of rows: 64 KiB, below the large object heap's threshold.</summary>
    private const int ChunkBytes = 65_536;

    /// <summary>How many rows of <paramref name="dimensions"/> bytes share one chunk (at least one).</summary>
    public static int RowsPerChunk(int dimensions) => Math.Max(1, ChunkBytes / dimensions);

    /// <summary>Writes the codes of <paramref name="vector"/> and returns its scale: one over the length of the codes.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        long squares = Quantize(vector, codes, out _, out _);
        return squares == 0 ? 0 : (float)(1 / Math.Sqrt(squares));
    }

    /// <summary>
    /// Writes the codes of <paramref name="vector"/>: each component divided by <paramref name="step"/> (the row's largest
    /// magnitude over 127) and rounded, so it differs from <c>step · code</c> by at most half a step.
    /// </summary>
    /// <param name="vector">The row.</param>
    /// <param name="codes">Where its codes go.</param>
    /// <param name="step">What one code stands for; zero for a row of zeros.</param>
    /// <param name="magnitude">The sum of the codes' magnitudes.</param>
    /// <returns>The sum of the codes' squares.</returns>
    public static long Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes, out float step, out long magnitude)
    {
        float largestMagnitude = Math.Abs(TensorPrimitives.MaxMagnitude(vector));
        magnitude = 0;
        if (!(largestMagnitude > 0))
        {
            codes.Clear();
            step = 0;
            return 0;
        }

        step = largestMagnitude / 127f;

        long squares = 0;
        if (vector.Length <= 1024)
        {
            // The same operations as MathF.Round(vector[i] / step) one by one (round half to even), vectorised. The codes
            // are integers of at most 127, so up to 1,024 of them the float sums are exact (below 2^24).
            Span<float> scaled = stackalloc float[vector.Length];
            TensorPrimitives.Divide(vector, step, scaled);
            TensorPrimitives.Round(scaled, scaled);
            TensorPrimitives.Clamp(scaled, -127f, 127f, scaled);
            TensorPrimitives.ConvertTruncating<float, sbyte>(scaled, codes);
            magnitude = (long)TensorPrimitives.SumOfMagnitudes(scaled);
            return (long)TensorPrimitives.SumOfSquares(scaled);
        }

        for (int i = 0; i < vector.Length; i++)
        {
            int code = (int)Math.Clamp(MathF.Round(vector[i] / step), -127, 127);
            codes[i] = (sbyte)code;
            squares += code * code;
            magnitude += Math.Abs(code);
        }

        return squares;
    }

    /// <summary>Writes the floats a row of codes stands for.</summary>
    public static void Dequantize(ReadOnlySpan<sbyte> codes, float scale, Span<float> vector)
    {
        for (int i = 0; i < codes.Length; i++)
        {
            vector[i] = codes[i] * scale;
        }
    }

    /// <summary>The integer dot product of two rows of codes, widened so that no product or sum overflows (384 dimensions sum to at most about six million).</summary>
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        int i = 0;
        int sum = 0;
        if (AvxVnni.IsSupported && a.Length >= 2 * Vector256<sbyte>.Count)
        {
            // |a| (unsigned) times b with a's sign, four adjacent products summed into each int (VPDPBUSD, exact: no
            // saturation), in two chains so that one waits less on the other.
            ref sbyte left = ref MemoryMarshal.GetReference(a);
            ref sbyte right = ref MemoryMarshal.GetReference(b);
            Vector256<int> even = default, odd = default;
            for (; i <= a.Length - (2 * Vector256<sbyte>.Count); i += 2 * Vector256<sbyte>.Count)
            {
                var a0 = Vector256.LoadUnsafe(ref left, (nuint)i);
                var a1 = Vector256.LoadUnsafe(ref left, (nuint)(i + Vector256<sbyte>.Count));
                even = AvxVnni.MultiplyWideningAndAdd(even, Avx2.Abs(a0), Avx2.Sign(Vector256.LoadUnsafe(ref right, (nuint)i), a0));
                odd = AvxVnni.MultiplyWideningAndAdd(odd, Avx2.Abs(a1), Avx2.Sign(Vector256.LoadUnsafe(ref right, (nuint)(i + Vector256<sbyte>.Count)), a1));
            }

            if (i <= a.Length - Vector256<sbyte>.Count)
            {
                var a0 = Vector256.LoadUnsafe(ref left, (nuint)i);
                even = AvxVnni.MultiplyWideningAndAdd(even, Avx2.Abs(a0), Avx2.Sign(Vector256.LoadUnsafe(ref right, (nuint)i), a0));
                i += Vector256<sbyte>.Count;
            }

            sum = Vector256.Sum(even + odd);
        }
        else if (Avx2.IsSupported && a.Length >= Vector256<sbyte>.Count)
        {
            // |a| (unsigned) times b with a's sign: adjacent pairs summed to shorts (at most 2·127·127, no saturation),
            // then pairs of shorts summed to ints.
            ref sbyte left = ref MemoryMarshal.GetReference(a);
            ref sbyte right = ref MemoryMarshal.GetReference(b);
            var ones = Vector256.Create((short)1);
            var accumulator = Vector256<int>.Zero;
            for (; i <= a.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var va = Vector256.LoadUnsafe(ref left, (nuint)i);
                var vb = Vector256.LoadUnsafe(ref right, (nuint)i);
                var pairs = Avx2.MultiplyAddAdjacent(Avx2.Abs(va), Avx2.Sign(vb, va));
                accumulator = Avx2.Add(accumulator, Avx2.MultiplyAddAdjacent(pairs, ones));
            }

            sum = Vector256.Sum(accumulator);
        }
        else if (Vector.IsHardwareAccelerated && a.Length >= Vector<sbyte>.Count)
        {
            var accumulator = Vector<int>.Zero;
            int width = Vector<sbyte>.Count;
            for (; i <= a.Length - width; i += width)
            {
                Vector.Widen(new Vector<sbyte>(a[i..]), out Vector<short> aLow, out Vector<short> aHigh);
                Vector.Widen(new Vector<sbyte>(b[i..]), out Vector<short> bLow, out Vector<short> bHigh);
                Vector.Widen(aLow * bLow, out Vector<int> p0, out Vector<int> p1);
                Vector.Widen(aHigh * bHigh, out Vector<int> p2, out Vector<int> p3);
                accumulator += (p0 + p1) + (p2 + p3);
            }

            sum = Vector.Sum(accumulator);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
