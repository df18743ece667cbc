using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Anima.Numerics;

/// <summary>
/// Centred co-moments of up to eight series laid out at a fixed stride (the window of recent states), pair by pair
/// over blocks of four rows; <see cref="ComputeScalar"/> is the two-pass scalar definition, and a test holds the two
/// equal to rounding.
/// </summary>
internal static class CoMoments
{
    private const int Max = ChannelNumbers.Capacity;

    /// <summary>The rows worked in four-wide blocks, the rest one by one: the window's length (a longer series is still exact, only slower).</summary>
    public const int MaxRows = WindowNumbers.Rows;

    /// <summary>
    /// Writes the centred co-moments Σ(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ) of every pair into the lower triangle (and diagonal) of
    /// <paramref name="moments"/>, row-major n × n. Each series is shifted by its first level so that small
    /// variations keep their precision in the one-pass sums.
    /// </summary>
    [SkipLocalsInit]
    public static void Compute(ReadOnlySpan<double> series, int stride, int n, int rows, Span<double> moments)
    {
        Unsafe.SkipInit(out ChannelNumbers shiftBuffer);
        Unsafe.SkipInit(out ChannelNumbers sumsBuffer);
        Unsafe.SkipInit(out PairNumbers rawBuffer);
        Span<double> shift = shiftBuffer;
        Span<double> sums = sumsBuffer;
        Span<double> raw = rawBuffer;
        for (int i = 0; i < n; i++)
        {
            shift[i] = series[i * stride];
        }

        int pairs = n * (n + 1) / 2;
        int r = 0;
        if (Vector256.IsHardwareAccelerated && rows >= Vector256<double>.Count)
        {
            // Each series shifted once, whole blocks of four rows kept aside; then pair by pair a dot product of two
            // shifted series, with two accumulators to halve the chain of dependent additions. Unchecked loads: the
            // window guarantees channel c's series holds Length levels from Origin + c·Stride.
            ref double origin = ref MemoryMarshal.GetReference(series);
            nuint step = (nuint)stride;
            int blocks = Math.Min(rows, MaxRows) & ~(Vector256<double>.Count - 1);
            Unsafe.SkipInit(out WindowNumbers shiftedBuffer);
            ref double shifted = ref Unsafe.As<WindowNumbers, double>(ref shiftedBuffer);
            int k = 0;
            for (int i = 0; i < n; i++)
            {
                ref double x = ref Unsafe.Add(ref origin, (nuint)i * step);
                ref double xs = ref Unsafe.Add(ref shifted, i * blocks);
                var si = Vector256.Create(shift[i]);
                var sum = Vector256<double>.Zero;
                for (int b = 0; b < blocks; b += Vector256<double>.Count)
                {
                    var level = Vector256.LoadUnsafe(ref x, (nuint)b) - si;
                    level.StoreUnsafe(ref xs, (nuint)b);
                    sum += level;
                }

                sums[i] = Vector256.Sum(sum);
                for (int j = 0; j <= i; j++)
                {
                    ref double ys = ref Unsafe.Add(ref shifted, j * blocks);
                    Vector256<double> even = default, odd = default;
                    int b = 0;
                    for (; b <= blocks - (2 * Vector256<double>.Count); b += 2 * Vector256<double>.Count)
                    {
                        even = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)b), Vector256.LoadUnsafe(ref ys, (nuint)b), even);
                        odd = Vector256.FusedMultiplyAdd(
                            Vector256.LoadUnsafe(ref xs, (nuint)(b + Vector256<double>.Count)),
                            Vector256.LoadUnsafe(ref ys, (nuint)(b + Vector256<double>.Count)),
                            odd);
                    }

                    if (b < blocks)
                    {
                        even = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xs, (nuint)b), Vector256.LoadUnsafe(ref ys, (nuint)b), even);
                    }

                    raw[k++] = Vector256.Sum(even + odd);
                }
            }

            r = blocks;
        }
        else
        {
            sums[..n].Clear();
            raw[..pairs].Clear();
        }

        Unsafe.SkipInit(out ChannelNumbers rowBuffer);
        Span<double> row = rowBuffer;
        for (; r < rows; r++)
        {
            for (int i = 0; i < n; i++)
            {
                row[i] = series[(i * stride) + r] - shift[i];
                sums[i] += row[i];
            }

            int k = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    raw[k++] += row[i] * row[j];
                }
            }
        }

        int pair = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                moments[(i * n) + j] = raw[pair++] - (sums[i] * sums[j] / rows);
            }
        }
    }

    /// <summary>
    /// The default profile's four channels with every accumulator in a register: returns the rows consumed (whole
    /// blocks of four) and fills <paramref name="sums"/> and the lower-triangle <paramref name="raw"/> products.
    /// </summary>
    public static int FourChannelBlocks(ReadOnlySpan<double> series, int stride, int rows, ReadOnlySpan<double> shift, Span<double> sums, Span<double> raw)
    {
        ref double origin = ref MemoryMarshal.GetReference(series);
        nuint step = (nuint)stride;
        var s0 = Vector256.Create(shift[0]);
        var s1 = Vector256.Create(shift[1]);
        var s2 = Vector256.Create(shift[2]);
        var s3 = Vector256.Create(shift[3]);
        Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector256<double> p00 = default, p10 = default, p11 = default, p20 = default, p21 = default;
        Vector256<double> p22 = default, p30 = default, p31 = default, p32 = default, p33 = default;
        int r = 0;
        for (; r <= rows - Vector256<double>.Count; r += Vector256<double>.Count)
        {
            var c0 = Vector256.LoadUnsafe(ref origin, (nuint)r) - s0;
            var c1 = Vector256.LoadUnsafe(ref origin, step + (nuint)r) - s1;
            var c2 = Vector256.LoadUnsafe(ref origin, (2 * step) + (nuint)r) - s2;
            var c3 = Vector256.LoadUnsafe(ref origin, (3 * step) + (nuint)r) - s3;
            a0 += c0;
            a1 += c1;
            a2 += c2;
            a3 += c3;
            p00 = Vector256.FusedMultiplyAdd(c0, c0, p00);
            p10 = Vector256.FusedMultiplyAdd(c1, c0, p10);
            p11 = Vector256.FusedMultiplyAdd(c1, c1, p11);
            p20 = Vector256.FusedMultiplyAdd(c2, c0, p20);
            p21 = Vector256.FusedMultiplyAdd(c2, c1, p21);
            p22 = Vector256.FusedMultiplyAdd(c2, c2, p22);
            p30 = Vector256.FusedMultiplyAdd(c3, c0, p30);
            p31 = Vector256.FusedMultiplyAdd(c3, c1, p31);
            p32 = Vector256.FusedMultiplyAdd(c3, c2, p32);
            p33 = Vector256.FusedMultiplyAdd(c3, c3, p33);
        }

        sums[0] = Vector256.Sum(a0);
        sums[1] = Vector256.Sum(a1);
        sums[2] = Vector256.Sum(a2);
        sums[3] = Vector256.Sum(a3);
        raw[0] = Vector256.Sum(p00);
        raw[1] = Vector256.Sum(p10);
        raw[2] = Vector256.Sum(p11);
        raw[3] = Vector256.Sum(p20);
        raw[4] = Vector256.Sum(p21);
        raw[5] = Vector256.Sum(p22);
        raw[6] = Vector256.Sum(p30);
        raw[7] = Vector256.Sum(p31);
        raw[8] = Vector256.Sum(p32);
        raw[9] = Vector256.Sum(p33);
        return r;
    }

    /// <summary>The scalar definition of <see cref="Compute"/>: the means first, then Σ(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ).</summary>
    public static void ComputeScalar(ReadOnlySpan<double> series, int stride, int n, int rows, Span<double> moments)
    {
        Span<double> mean = stackalloc double[Max];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int r = 0; r < rows; r++)
            {
                sum += series[(i * stride) + r];
            }

            mean[i] = sum / rows;
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                for (int r = 0; r < rows; r++)
                {
                    sum += (series[(i * stride) + r] - mean[i]) * (series[(j * stride) + r] - mean[j]);
                }

                moments[(i * n) + j] = sum;
            }
        }
    }
}
