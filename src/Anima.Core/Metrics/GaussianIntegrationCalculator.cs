using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;

namespace Anima;

/// <summary>
/// The default φ: a Gaussian minimum-information-bipartition measure over a window of reactor states.
/// </summary>
/// <remarks>
/// <para>
/// For Gaussian variables the mutual information between two parts A and B of a system is
/// ½·(ln det R_A + ln det R_B − ln det R), with R the correlation matrix (Tononi, Sporns and Edelman
/// 1994, PNAS 91:5033). Following the minimum-information-bipartition idea of Barrett and Seth (2011,
/// PLoS Comput Biol 7(1):e1001052), φ is the smallest such information over every bipartition,
/// normalised by the size of the smaller part, and mapped to [0, 1] as 1 − e^(−x).
/// </para>
/// <para>
/// This is a proxy for how much the agent's channels move together rather than apart; it is not IIT's Φ,
/// uses no time lag, and says nothing about consciousness. A ridge of 0.05 keeps the correlation matrix
/// well conditioned, and a channel that does not move over the window is treated as independent.
/// Fewer than eight samples give 0.
/// </para>
/// <para>
/// Every bipartition needs the determinants of both parts, so the determinant of every principal
/// submatrix is found once, by a depth-first walk over the subsets that extends one LDLᵀ factorisation a
/// row at a time: a subset's determinant is its parent's times the new pivot. For four channels that is
/// fifteen short rows instead of fifteen factorisations.
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

        if (n == 4 && Vector256.IsHardwareAccelerated)
        {
            return FourChannels(window);
        }

        Span<double> corr = stackalloc double[Max * Max];
        Span<double> sd = stackalloc double[Max];
        CoMoments(window, corr);
        for (int i = 0; i < n; i++)
        {
            double variance = corr[(i * n) + i];
            sd[i] = variance > MinVariance * rows ? Math.Sqrt(variance) : 0;
        }

        // Correlation with ridge: R' = (R + λI) / (1 + λ), so the diagonal stays 1.
        for (int i = 0; i < n; i++)
        {
            corr[(i * n) + i] = 1;
            for (int j = 0; j < i; j++)
            {
                double r = sd[i] > 0 && sd[j] > 0 ? corr[(i * n) + j] / (sd[i] * sd[j]) / (1 + Ridge) : 0;
                corr[(i * n) + j] = r;
                corr[(j * n) + i] = r;
            }
        }

        int subsets = 1 << n;
        Span<double> det = stackalloc double[1 << Max];
        if (n == 4)
        {
            FourChannelMinors(corr, det);
        }
        else
        {
            Minors(corr, n, det);
        }

        int full = subsets - 1;

        // I(A; B) = ½·ln(det R_A · det R_B / det R). For each size of the smaller part, the weakest cut is the
        // one with the smallest ratio; each bipartition {A, B} is visited once (A holds the highest channel).
        Span<double> weakest = stackalloc double[(Max / 2) + 1];
        weakest.Fill(double.MaxValue);
        int top = 1 << (n - 1);
        for (int a = top; a < full; a++)
        {
            int b = full & ~a;
            int smaller = Math.Min(int.PopCount(a), int.PopCount(b));
            weakest[smaller] = Math.Min(weakest[smaller], det[a] * det[b]);
        }

        // φ = 1 − e^(−m), m the smallest of max(0, ½·ln rₛ)/s over sizes s, with rₛ the weakest cut's ratio.
        // e^(−½·ln(r)/s) = r^(−1/(2s)), so φ = 1 − the largest min(1, rₛ^(−1/(2s))): roots, no logarithm.
        double kept = 0;
        for (int size = 1; size <= n / 2; size++)
        {
            if (weakest[size] < double.MaxValue)
            {
                double ratio = weakest[size] / det[full];
                kept = Math.Max(kept, ratio <= 1 ? 1 : 1 / Root(ratio, size));
            }
        }

        return 1 - kept;
    }

    /// <summary>r^(1/(2s)) for the sizes of the smaller part of a bipartition of up to eight channels.</summary>
    private static double Root(double ratio, int size) => size switch
    {
        1 => Math.Sqrt(ratio),
        2 => Math.Sqrt(Math.Sqrt(ratio)),
        3 => Math.Sqrt(Math.Cbrt(ratio)),
        _ => Math.Sqrt(Math.Sqrt(Math.Sqrt(ratio))),
    };

    /// <summary>
    /// Writes the centred co-moments Σ(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ) of the window into the lower triangle (and diagonal)
    /// of <paramref name="moments"/>, row stride = channels. Each channel is shifted by its first level so
    /// that small variations keep their precision in the one-pass sums.
    /// </summary>
    /// <summary>
    /// Centred co-moments Σ (xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ) of every pair (lower triangle, row-major n × n), each series shifted by
    /// its first value so the sums stay small. One pass over the rows: each block of four rows is loaded and
    /// shifted once, then feeds the running sums and every pair's products.
    /// </summary>
    [SkipLocalsInit]
    internal static void CoMoments(StateWindow window, Span<double> moments)
    {
        int n = window.Channels;
        int rows = window.Length;
        Span<double> shift = stackalloc double[Max];
        Span<double> sums = stackalloc double[Max];
        Span<double> raw = stackalloc double[Max * (Max + 1) / 2];
        for (int i = 0; i < n; i++)
        {
            shift[i] = window[i][0];
        }

        int pairs = n * (n + 1) / 2;
        int r = 0;
        if (n == 4 && Vector256.IsHardwareAccelerated && rows >= Vector256<double>.Count)
        {
            r = FourChannelBlocks(window, shift, sums, raw);
        }
        else if (Vector256.IsHardwareAccelerated && rows >= Vector256<double>.Count)
        {
            // Unchecked loads: the window guarantees channel c's series holds Length levels from Origin + c·Stride.
            ref double origin = ref Unsafe.AsRef(in window.Origin);
            nuint stride = (nuint)window.Stride;
            Span<Vector256<double>> centred = stackalloc Vector256<double>[Max];
            Span<Vector256<double>> shifts = stackalloc Vector256<double>[Max];
            Span<Vector256<double>> sumBlocks = stackalloc Vector256<double>[Max];
            Span<Vector256<double>> products = stackalloc Vector256<double>[Max * (Max + 1) / 2];
            for (int i = 0; i < n; i++)
            {
                shifts[i] = Vector256.Create(shift[i]);
            }

            sumBlocks[..n].Clear();
            products[..pairs].Clear();
            for (; r <= rows - Vector256<double>.Count; r += Vector256<double>.Count)
            {
                for (int i = 0; i < n; i++)
                {
                    var c = Vector256.LoadUnsafe(ref origin, ((nuint)i * stride) + (nuint)r) - shifts[i];
                    centred[i] = c;
                    sumBlocks[i] += c;
                }

                int k = 0;
                for (int i = 0; i < n; i++)
                {
                    var ci = centred[i];
                    for (int j = 0; j <= i; j++)
                    {
                        products[k] = Vector256.FusedMultiplyAdd(ci, centred[j], products[k]);
                        k++;
                    }
                }
            }

            for (int i = 0; i < n; i++)
            {
                sums[i] = Vector256.Sum(sumBlocks[i]);
            }

            for (int k = 0; k < pairs; k++)
            {
                raw[k] = Vector256.Sum(products[k]);
            }
        }
        else
        {
            sums[..n].Clear();
            raw[..pairs].Clear();
        }

        Span<double> row = stackalloc double[Max];
        for (; r < rows; r++)
        {
            for (int i = 0; i < n; i++)
            {
                row[i] = window[i][r] - shift[i];
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
    private static int FourChannelBlocks(StateWindow window, ReadOnlySpan<double> shift, Span<double> sums, Span<double> raw)
    {
        ref double origin = ref Unsafe.AsRef(in window.Origin);
        nuint stride = (nuint)window.Stride;
        var s0 = Vector256.Create(shift[0]);
        var s1 = Vector256.Create(shift[1]);
        var s2 = Vector256.Create(shift[2]);
        var s3 = Vector256.Create(shift[3]);
        Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector256<double> p00 = default, p10 = default, p11 = default, p20 = default, p21 = default;
        Vector256<double> p22 = default, p30 = default, p31 = default, p32 = default, p33 = default;
        int rows = window.Length;
        int r = 0;
        for (; r <= rows - Vector256<double>.Count; r += Vector256<double>.Count)
        {
            var c0 = Vector256.LoadUnsafe(ref origin, (nuint)r) - s0;
            var c1 = Vector256.LoadUnsafe(ref origin, stride + (nuint)r) - s1;
            var c2 = Vector256.LoadUnsafe(ref origin, (2 * stride) + (nuint)r) - s2;
            var c3 = Vector256.LoadUnsafe(ref origin, (3 * stride) + (nuint)r) - s3;
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

    /// <summary>
    /// φ of the default profile's four channels, every step in registers: the co-moments (as
    /// <see cref="FourChannelBlocks"/>), the correlations with their ridge, the principal minors in closed form
    /// (as <see cref="FourChannelMinors"/>), and the two sizes of cut — one channel against three, where the
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
        int r = FourChannelBlocks(window, shifts, sums, raw);
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
        return 1 - kept;

        // A channel's factor in its correlations: 1 / (σ·√(1 + ridge)), so that r = m·wᵢ·wⱼ = m / (σᵢσⱼ) / (1 + ridge);
        // zero for a channel that does not move, which then correlates with nothing.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static double Scale(double variance, int rows) => variance > MinVariance * rows ? 1 / Math.Sqrt(variance * (1 + Ridge)) : 0;
    }

    /// <summary>
    /// Every principal minor of a four-channel correlation matrix (unit diagonal) in closed form, by the
    /// permutation expansion: pairs 1 − r², triples 1 + 2·r·r·r − Σr², and the whole matrix with its double
    /// transpositions and four-cycles.
    /// </summary>
    private static void FourChannelMinors(ReadOnlySpan<double> m, Span<double> det)
    {
        double a = m[1], b = m[2], c = m[3], d = m[6], e = m[7], f = m[11];
        double aa = a * a, bb = b * b, cc = c * c, dd = d * d, ee = e * e, ff = f * f;
        det[0b0000] = 1;
        det[0b0001] = det[0b0010] = det[0b0100] = det[0b1000] = 1;
        det[0b0011] = 1 - aa;
        det[0b0101] = 1 - bb;
        det[0b1001] = 1 - cc;
        det[0b0110] = 1 - dd;
        det[0b1010] = 1 - ee;
        det[0b1100] = 1 - ff;
        det[0b0111] = 1 + (2 * a * d * b) - aa - bb - dd;
        det[0b1011] = 1 + (2 * a * e * c) - aa - cc - ee;
        det[0b1101] = 1 + (2 * b * f * c) - bb - cc - ff;
        det[0b1110] = 1 + (2 * d * f * e) - dd - ee - ff;
        det[0b1111] = 1 - (aa + bb + cc + dd + ee + ff)
            + (2 * ((a * d * b) + (a * e * c) + (b * f * c) + (d * f * e)))
            + (aa * ff) + (bb * ee) + (cc * dd)
            - (2 * ((a * d * f * c) + (a * e * f * b) + (b * d * e * c)));
        for (int mask = 1; mask < 16; mask++)
        {
            det[mask] = Math.Max(det[mask], MinPivot);
        }
    }

    [SkipLocalsInit]
    internal static void Minors(ReadOnlySpan<double> r, int n, Span<double> det)
    {
        // unit[d * Max + k]: row d of the unit lower factor on the walk's current path; inverse[d] = 1 / D_d.
        Span<double> unit = stackalloc double[Max * Max];
        Span<double> inverse = stackalloc double[Max];
        Span<double> scaled = stackalloc double[Max];
        Span<int> path = stackalloc int[Max];
        Span<int> masks = stackalloc int[Max + 1];
        Span<int> next = stackalloc int[Max + 1];
        det[0] = 1;
        masks[0] = 0;
        next[0] = 0;
        int depth = 0;
        while (depth >= 0)
        {
            int e = next[depth];
            if (e >= n)
            {
                depth--;
                continue;
            }

            next[depth] = e + 1;
            int row = depth * Max;
            int column = e * n;
            double pivot = r[column + e];
            for (int k = 0; k < depth; k++)
            {
                // scaled[k] = L(new, k)·D_k, by forward substitution against the unit rows above.
                int above = k * Max;
                double g = r[column + path[k]];
                for (int t = 0; t < k; t++)
                {
                    g -= scaled[t] * unit[above + t];
                }

                scaled[k] = g;
                double l = g * inverse[k];
                unit[row + k] = l;
                pivot -= g * l;
            }

            pivot = Math.Max(pivot, MinPivot);
            int child = masks[depth] | (1 << e);
            det[child] = det[masks[depth]] * pivot;
            if (e + 1 < n)
            {
                inverse[depth] = 1 / pivot;
                path[depth] = e;
                depth++;
                masks[depth] = child;
                next[depth] = e + 1;
            }
        }
    }
}
