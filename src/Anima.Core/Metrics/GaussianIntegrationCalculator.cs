using System.Numerics;
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
        Minors(corr, n, det);

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

        double minimum = double.MaxValue;
        for (int size = 1; size <= n / 2; size++)
        {
            if (weakest[size] < double.MaxValue)
            {
                double information = 0.5 * Math.Log(weakest[size] / det[full]);
                minimum = Math.Min(minimum, Math.Max(0, information) / size);
            }
        }

        return 1 - Math.Exp(-minimum);
    }

    /// <summary>
    /// Writes the centred co-moments Σ(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ) of the window into the lower triangle (and diagonal)
    /// of <paramref name="moments"/>, row stride = channels. Each channel is shifted by its first level so
    /// that small variations keep their precision in the one-pass sums.
    /// </summary>
    [SkipLocalsInit]
    private static void CoMoments(StateWindow window, Span<double> moments)
    {
        int n = window.Channels;
        int rows = window.Length;
        Span<double> shift = stackalloc double[Max];
        Span<double> sums = stackalloc double[Max];
        for (int i = 0; i < n; i++)
        {
            var series = window[i];
            shift[i] = series[0];
            sums[i] = ShiftedSum(series, shift[i]);
        }

        for (int i = 0; i < n; i++)
        {
            var a = window[i];
            for (int j = 0; j <= i; j++)
            {
                moments[(i * n) + j] = ShiftedDot(a, shift[i], window[j], shift[j]) - (sums[i] * sums[j] / rows);
            }
        }
    }

    private static double ShiftedSum(ReadOnlySpan<double> x, double shift)
    {
        int r = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var s = new Vector<double>(shift);
            var acc = Vector<double>.Zero;
            for (; r <= x.Length - Vector<double>.Count; r += Vector<double>.Count)
            {
                acc += new Vector<double>(x[r..]) - s;
            }

            sum = Vector.Sum(acc);
        }

        for (; r < x.Length; r++)
        {
            sum += x[r] - shift;
        }

        return sum;
    }

    /// <summary>Σ (aₜ − sa)(bₜ − sb) over the two series.</summary>
    private static double ShiftedDot(ReadOnlySpan<double> a, double sa, ReadOnlySpan<double> b, double sb)
    {
        int r = 0;
        double sum = 0;
        b = b[..a.Length];
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var va = new Vector<double>(sa);
            var vb = new Vector<double>(sb);
            var acc = Vector<double>.Zero;
            for (; r <= a.Length - Vector<double>.Count; r += Vector<double>.Count)
            {
                acc += (new Vector<double>(a[r..]) - va) * (new Vector<double>(b[r..]) - vb);
            }

            sum = Vector.Sum(acc);
        }

        for (; r < a.Length; r++)
        {
            sum += (a[r] - sa) * (b[r] - sb);
        }

        return sum;
    }

    /// <summary>
    /// Records the determinant of every principal submatrix of <paramref name="r"/> in <paramref name="det"/>
    /// (indexed by the subset's bit mask), by a depth-first walk that extends an LDLᵀ factorisation one row
    /// at a time: a subset's determinant is its parent's times the new pivot. LDLᵀ needs no square roots
    /// and one division per row, which keeps the walk's dependency chains short.
    /// </summary>
    [SkipLocalsInit]
    private static void Minors(ReadOnlySpan<double> r, int n, Span<double> det)
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
