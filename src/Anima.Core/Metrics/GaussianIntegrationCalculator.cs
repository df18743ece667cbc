using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Anima.Numerics;

namespace Anima.Metrics;

/// <summary>
/// The default φ: a Gaussian minimum-information-bipartition measure over a window of reactor states.
/// </summary>
/// <remarks>
/// <para>
/// For Gaussian variables the mutual information between two parts A and B of a system is
/// ½·(ln det R_A + ln det R_B − ln det R), with R the correlation matrix (Tononi, Sporns and Edelman
/// 1994, PNAS 91:5033). Following the minimum-information-bipartition idea of Barrett and Seth (2011,
/// PLoS Comput Biol 7(1):e1001052), φ is the smallest such information over every bipartition,
/// normalised by the size of the smaller part, mapped to [0, 1] as 1 − e^(−x), and divided by the value that
/// channels moving exactly as one reach under the ridge, so every channel count can reach 1.
/// </para>
/// <para>
/// This is a proxy for how much the agent's channels move together rather than apart; it is not IIT's Φ,
/// uses no time lag, and says nothing about consciousness. A ridge of 0.05 keeps the correlation matrix
/// well conditioned, and a channel that does not move over the window is left out, so it does not hide how
/// the others move together (with fewer than two moving channels φ is 0). Fewer than eight samples give 0.
/// </para>
/// <para>
/// Every bipartition needs the determinants of both parts. By Jacobi's theorem on complementary minors,
/// det R_B = det R · det (R⁻¹)_A, so a cut's ratio det R_A · det R_B / det R is det R_A · det (R⁻¹)_A: the
/// matrix is inverted once (Gauss–Jordan) and only parts of at most half the channels are ever
/// factorised. The default profile's four channels are worked out in closed form, in registers.
/// </para>
/// </remarks>
internal sealed class GaussianIntegrationCalculator : IIntegrationCalculator
{
    private const int MinSamples = 8;
    private const double Ridge = 0.05;
    private const double MinVariance = 1e-10;
    private const double MinPivot = 1e-12;
    private const int Max = ChannelProfile.MaxChannels;

    public static GaussianIntegrationCalculator Instance { get; } = new();

    [SkipLocalsInit]
    public double Compute(StateWindow window)
    {
        int n = window.Channels;
        int rows = window.Length;
        if (n is < 2 or > Max || rows < MinSamples)
        {
            return 0;
        }

        return n == 4 && Vector256.IsHardwareAccelerated ? FourChannels(window) : General(window);
    }

    /// <summary>Any number of channels: the correlation matrix of the channels that move, and every bipartition of them.</summary>
    [SkipLocalsInit]
    private static double General(StateWindow window)
    {
        int n = window.Channels;
        int rows = window.Length;
        Unsafe.SkipInit(out MatrixNumbers corrBuffer);
        Unsafe.SkipInit(out ChannelNumbers scaleBuffer);
        Span<double> corr = corrBuffer;
        Span<double> scale = scaleBuffer;
        CoMoments.Compute(window.Series, window.Stride, n, rows, corr);
        for (int i = 0; i < n; i++)
        {
            scale[i] = Scale(corr[(i * n) + i], rows);
        }

        n = KeepMoving(corr, scale, n);
        if (n < 2)
        {
            return 0;
        }

        // Correlation with ridge: R' = (R + λI) / (1 + λ), so the diagonal stays 1.
        for (int i = 0; i < n; i++)
        {
            corr[(i * n) + i] = 1;
            for (int j = 0; j < i; j++)
            {
                double r = corr[(i * n) + j] * scale[i] * scale[j];
                corr[(i * n) + j] = r;
                corr[(j * n) + i] = r;
            }
        }

        return Normalised(Integration(corr, n), n);
    }

    /// <summary>
    /// The highest φ each number of channels can reach under the ridge: that of channels moving exactly as one. φ is
    /// divided by it, so "highly integrated" means the same for four channels as for eight (before, eight channels moving
    /// as one scored under a half).
    /// </summary>
    private static readonly double[] Ceilings = BuildCeilings();

    private static double[] BuildCeilings()
    {
        var ceilings = new double[Max + 1];
        Span<double> ideal = stackalloc double[Max * Max];
        for (int n = 2; n <= Max; n++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    ideal[(i * n) + j] = i == j ? 1 : 1 / (1 + Ridge);
                }
            }

            ceilings[n] = Integration(ideal, n);
        }

        return ceilings;
    }

    private static double Normalised(double phi, int n) => Math.Clamp(phi / Ceilings[n], 0, 1);

    /// <summary>φ of a ridge-regularised correlation matrix of <paramref name="n"/> channels (stride n), before normalisation.</summary>
    [SkipLocalsInit]
    private static double Integration(Span<double> corr, int n)
    {
        // Each bipartition {A, B} once, by its smaller part A (of equal halves, the one holding the highest
        // channel). By Jacobi's theorem on complementary minors, det R_B = det R · det (R⁻¹)_A, so the cut's ratio
        // det R_A · det R_B / det R is det R_A · det (R⁻¹)_A: only parts of at most half the channels are ever
        // factorised. For each size of the smaller part, the weakest cut is the one with the smallest ratio.
        // The weakest of each size is kept in a register, chosen by comparison: Math.Min's care for NaN and signed zeros
        // made a chain of blends through memory here, and a ratio is never NaN.
        Unsafe.SkipInit(out MatrixNumbers inverseBuffer);
        Span<double> inverse = inverseBuffer;
        SymmetricInverse.Invert(corr, n, inverse);
        int half = n / 2;
        int last = n - 1;

        // One channel against the rest: det R_A = 1, so the ratio is the channel's diagonal entry of R⁻¹.
        double one = double.MaxValue;
        for (int i = 0; i < n; i++)
        {
            one = Smaller(one, inverse[(i * n) + i]);
        }

        // Two against the rest (of equal halves, the pair holding the last channel): (1 − r²)·det (R⁻¹)_A.
        double two = double.MaxValue;
        for (int j = half >= 2 ? 1 : n; j < n; j++)
        {
            if (n == 4 && j != last)
            {
                continue;
            }

            for (int i = 0; i < j; i++)
            {
                double r = corr[(i * n) + j];
                double v = inverse[(i * n) + j];
                two = Smaller(two, (1 - (r * r)) * ((inverse[(i * n) + i] * inverse[(j * n) + j]) - (v * v)));
            }
        }

        // Three (n of six to eight) and four (n of eight) against the rest.
        double three = double.MaxValue, four = double.MaxValue;
        foreach (int packed in Bipartitions.LargerParts(n))
        {
            int p0 = packed & 7, p1 = (packed >> 4) & 7, p2 = (packed >> 8) & 7, p3 = (packed >> 12) & 7;
            if (packed >> Bipartitions.SizeShift == 3)
            {
                three = Smaller(three, Determinant(corr, n, p0, p1, p2) * Determinant(inverse, n, p0, p1, p2));
            }
            else
            {
                four = Smaller(four, Determinant(corr, n, p0, p1, p2, p3) * Determinant(inverse, n, p0, p1, p2, p3));
            }
        }

        // I(A; B) = ½·ln rₛ for the weakest cut of each size s. φ = 1 − e^(−m), m the smallest of max(0, ½·ln rₛ)/s;
        // e^(−½·ln(r)/s) = r^(−1/(2s)), so φ = 1 − the largest min(1, rₛ^(−1/(2s))): roots, no logarithm.
        double kept = Kept(one, 1);
        kept = half >= 2 ? Larger(kept, Kept(two, 2)) : kept;
        kept = half >= 3 ? Larger(kept, Kept(three, 3)) : kept;
        kept = half >= 4 ? Larger(kept, Kept(four, 4)) : kept;
        return 1 - kept;
    }

    /// <summary>
    /// Drops the channels that did not move over the window from the co-moments (row and column) and their scales, so a
    /// still channel — independent of everything, a cut of no information — does not hide how the others move together.
    /// Returns the number of channels kept; the matrix is then stored with that stride.
    /// </summary>
    private static int KeepMoving(Span<double> corr, Span<double> scale, int n)
    {
        int kept = 0;
        Unsafe.SkipInit(out ChannelIndices movingBuffer);
        Span<int> moving = movingBuffer;
        for (int i = 0; i < n; i++)
        {
            if (scale[i] > 0)
            {
                moving[kept++] = i;
            }
        }

        if (kept == n)
        {
            return n;
        }

        Unsafe.SkipInit(out MatrixNumbers copyBuffer);
        Span<double> copy = copyBuffer;
        corr[..(n * n)].CopyTo(copy);
        for (int r = 0; r < kept; r++)
        {
            scale[r] = scale[moving[r]];
            for (int c = 0; c < kept; c++)
            {
                corr[(r * kept) + c] = copy[(moving[r] * n) + moving[c]];
            }
        }

        return kept;
    }

    /// <summary>The determinant of the principal submatrix of <paramref name="m"/> (stride <paramref name="n"/>) on three channels.</summary>
    private static double Determinant(ReadOnlySpan<double> m, int n, int p0, int p1, int p2)
    {
        int i = p0 * n, j = p1 * n, k = p2 * n;
        double aa = m[i + p0], bb = m[j + p1], cc = m[k + p2];
        double ab = m[i + p1], ac = m[i + p2], bc = m[j + p2];
        return (aa * bb * cc) + (2 * ab * bc * ac) - (aa * bc * bc) - (bb * ac * ac) - (cc * ab * ab);
    }

    /// <summary>
    /// The determinant of the principal submatrix of <paramref name="m"/> (stride <paramref name="n"/>) on four channels:
    /// Gaussian elimination on a copy; the pivots' product is the determinant.
    /// </summary>
    private static double Determinant(ReadOnlySpan<double> m, int n, int p0, int p1, int p2, int p3)
    {
        Unsafe.SkipInit(out SixteenNumbers buffer);
        Span<double> g = buffer;
        Unsafe.SkipInit(out FourIndices partBuffer);
        Span<int> part = partBuffer;
        (part[0], part[1], part[2], part[3]) = (p0, p1, p2, p3);
        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                g[(r * 4) + c] = m[(part[r] * n) + part[c]];
            }
        }

        double det = 1;
        for (int p = 0; p < 4; p++)
        {
            double pivot = Math.Max(g[(p * 4) + p], MinPivot);
            det *= pivot;
            for (int r = p + 1; r < 4; r++)
            {
                double factor = g[(r * 4) + p] / pivot;
                for (int c = p + 1; c < 4; c++)
                {
                    g[(r * 4) + c] -= factor * g[(p * 4) + c];
                }
            }
        }

        return det;
    }

    /// <summary>The share min(1, r^(−1/(2s))) of a weakest cut of size <paramref name="size"/> and ratio <paramref name="ratio"/> that is not integration.</summary>
    private static double Kept(double ratio, int size) => ratio <= 1 ? 1 : 1 / Root(ratio, size);

    private static double Smaller(double a, double b) => b < a ? b : a;

    private static double Larger(double a, double b) => b > a ? b : a;

    /// <summary>r^(1/(2s)) for the sizes of the smaller part of a bipartition of up to eight channels.</summary>
    private static double Root(double ratio, int size) => size switch
    {
        1 => Math.Sqrt(ratio),
        2 => Math.Sqrt(Math.Sqrt(ratio)),
        3 => Math.Sqrt(Math.Cbrt(ratio)),
        _ => Math.Sqrt(Math.Sqrt(Math.Sqrt(ratio))),
    };

    /// <summary>
    /// φ of the default profile's four channels, every step in registers: the co-moments (as
    /// <see cref="CoMoments.FourChannelBlocks"/>), the correlations with their ridge, the principal minors in closed form
    /// (pairs 1 − r², triples 1 + 2·r·r·r − Σr², the whole with its double transpositions and four-cycles), and
    /// the two sizes of cut — one channel against three, where the
    /// single channel's minor is one, and two against two.
    /// </summary>
    private static double FourChannels(StateWindow window)
    {
        int rows = window.Length;
        ref double origin = ref Unsafe.AsRef(in window.Origin);
        nuint stride = (nuint)window.Stride;
        var shift = Vector256.Create(origin, Unsafe.Add(ref origin, stride), Unsafe.Add(ref origin, 2 * stride), Unsafe.Add(ref origin, 3 * stride));
        var moments = default(SixteenNumbers);
        var starts = default(ChannelNumbers);
        Span<double> raw = moments[..10];
        Span<double> sums = starts[4..];
        Span<double> shifts = starts[..4];
        shift.CopyTo(shifts);
        int r = CoMoments.FourChannelBlocks(window.Series, window.Stride, rows, shifts, sums, raw);
        for (; r < rows; r++)
        {
            // The rows past the last whole block of four.
            double c0 = Unsafe.Add(ref origin, (nuint)r) - shifts[0];
            double c1 = Unsafe.Add(ref origin, stride + (nuint)r) - shifts[1];
            double c2 = Unsafe.Add(ref origin, (2 * stride) + (nuint)r) - shifts[2];
            double c3 = Unsafe.Add(ref origin, (3 * stride) + (nuint)r) - shifts[3];
            sums[0] += c0;
            sums[1] += c1;
            sums[2] += c2;
            sums[3] += c3;
            raw[0] += c0 * c0;
            raw[1] += c1 * c0;
            raw[2] += c1 * c1;
            raw[3] += c2 * c0;
            raw[4] += c2 * c1;
            raw[5] += c2 * c2;
            raw[6] += c3 * c0;
            raw[7] += c3 * c1;
            raw[8] += c3 * c2;
            raw[9] += c3 * c3;
        }

        // Divisions are slow and chained here: one for the mean, one per channel; the rest are products.
        double perRow = 1.0 / rows;
        double m0 = sums[0] * perRow, m1 = sums[1] * perRow, m2 = sums[2] * perRow, m3 = sums[3] * perRow;
        double w0 = Scale(raw[0] - (sums[0] * m0), rows);
        double w1 = Scale(raw[2] - (sums[1] * m1), rows);
        double w2 = Scale(raw[5] - (sums[2] * m2), rows);
        double w3 = Scale(raw[9] - (sums[3] * m3), rows);
        if (w0 == 0 || w1 == 0 || w2 == 0 || w3 == 0)
        {
            return General(window);
        }

        double a = (raw[1] - (sums[1] * m0)) * w1 * w0;
        double b = (raw[3] - (sums[2] * m0)) * w2 * w0;
        double c = (raw[6] - (sums[3] * m0)) * w3 * w0;
        double d = (raw[4] - (sums[2] * m1)) * w2 * w1;
        double e = (raw[7] - (sums[3] * m1)) * w3 * w1;
        double f = (raw[8] - (sums[3] * m2)) * w3 * w2;

        double aa = a * a, bb = b * b, cc = c * c, dd = d * d, ee = e * e, ff = f * f;
        double full = Math.Max(MinPivot, 1 - (aa + bb + cc + dd + ee + ff)
            + (2 * ((a * d * b) + (a * e * c) + (b * f * c) + (d * f * e)))
            + (aa * ff) + (bb * ee) + (cc * dd)
            - (2 * ((a * d * f * c) + (a * e * f * b) + (b * d * e * c))));
        double one = Math.Min(
            Math.Min(Math.Max(MinPivot, 1 + (2 * a * d * b) - aa - bb - dd), Math.Max(MinPivot, 1 + (2 * a * e * c) - aa - cc - ee)),
            Math.Min(Math.Max(MinPivot, 1 + (2 * b * f * c) - bb - cc - ff), Math.Max(MinPivot, 1 + (2 * d * f * e) - dd - ee - ff)));
        double two = Math.Min(
            Math.Min(Math.Max(MinPivot, 1 - aa) * Math.Max(MinPivot, 1 - ff), Math.Max(MinPivot, 1 - bb) * Math.Max(MinPivot, 1 - ee)),
            Math.Max(MinPivot, 1 - cc) * Math.Max(MinPivot, 1 - dd));

        double ratioOne = one / full;
        double ratioTwo = two / full;
        double kept = Math.Max(ratioOne <= 1 ? 1 : 1 / Math.Sqrt(ratioOne), ratioTwo <= 1 ? 1 : 1 / Math.Sqrt(Math.Sqrt(ratioTwo)));
        return Normalised(1 - kept, 4);

    }

    /// <summary>
    /// A channel's factor in its correlations, from its co-moment with itself: 1 / (σ·√(1 + ridge)), so that
    /// r = m·wᵢ·wⱼ = m / (σᵢσⱼ) / (1 + ridge); zero for a channel that does not move, which then correlates with nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Scale(double variance, int rows) => variance > MinVariance * rows ? 1 / Math.Sqrt(variance * (1 + Ridge)) : 0;
}
