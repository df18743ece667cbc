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
/// </remarks>
internal sealed class GaussianIntegrationCalculator : IIntegrationCalculator
{
    private const int MinSamples = 8;
    private const double Ridge = 0.05;
    private const double MinVariance = 1e-10;

    public static GaussianIntegrationCalculator Instance { get; } = new();

    public double Compute(ReadOnlySpan<double> samples, int channels)
    {
        if (channels is < 2 or > ChannelProfile.MaxChannels)
        {
            return 0;
        }

        int rows = samples.Length / channels;
        if (rows < MinSamples)
        {
            return 0;
        }

        Span<double> mean = stackalloc double[channels];
        Span<double> cov = stackalloc double[channels * channels];
        mean.Clear();
        cov.Clear();
        for (int r = 0; r < rows; r++)
        {
            var row = samples.Slice(r * channels, channels);
            for (int i = 0; i < channels; i++)
            {
                mean[i] += row[i];
            }
        }

        for (int i = 0; i < channels; i++)
        {
            mean[i] /= rows;
        }

        for (int r = 0; r < rows; r++)
        {
            var row = samples.Slice(r * channels, channels);
            for (int i = 0; i < channels; i++)
            {
                double di = row[i] - mean[i];
                for (int j = 0; j <= i; j++)
                {
                    cov[(i * channels) + j] += di * (row[j] - mean[j]);
                }
            }
        }

        // Correlation with ridge: R' = (R + λI) / (1 + λ), so the diagonal stays 1.
        Span<double> sd = stackalloc double[channels];
        for (int i = 0; i < channels; i++)
        {
            double v = cov[(i * channels) + i];
            sd[i] = v > MinVariance * rows ? Math.Sqrt(v) : 0;
        }

        for (int i = 0; i < channels; i++)
        {
            cov[(i * channels) + i] = 1;
            for (int j = 0; j < i; j++)
            {
                double r = sd[i] > 0 && sd[j] > 0 ? cov[(i * channels) + j] / (sd[i] * sd[j]) / (1 + Ridge) : 0;
                cov[(i * channels) + j] = r;
                cov[(j * channels) + i] = r;
            }
        }

        // Determinants of every principal submatrix; the logarithm is taken once per part size, not per pivot.
        int subsets = 1 << channels;
        Span<double> det = stackalloc double[subsets];
        Span<double> scratch = stackalloc double[channels * channels];
        for (int mask = 1; mask < subsets; mask++)
        {
            det[mask] = Determinant(cov, channels, mask, scratch);
        }

        int full = subsets - 1;

        // I(A; B) = ½·ln(det R_A · det R_B / det R). For each size of the smaller part, the weakest cut is the
        // one with the smallest ratio; each bipartition {A, B} is visited once (A holds the highest channel).
        Span<double> weakest = stackalloc double[(channels / 2) + 1];
        weakest.Fill(double.MaxValue);
        int top = 1 << (channels - 1);
        for (int a = top; a < full; a++)
        {
            int b = full & ~a;
            int smaller = Math.Min(int.PopCount(a), int.PopCount(b));
            weakest[smaller] = Math.Min(weakest[smaller], det[a] * det[b]);
        }

        double minimum = double.MaxValue;
        for (int size = 1; size < weakest.Length; size++)
        {
            if (weakest[size] < double.MaxValue)
            {
                double information = 0.5 * Math.Log(weakest[size] / det[full]);
                minimum = Math.Min(minimum, Math.Max(0, information) / size);
            }
        }

        return 1 - Math.Exp(-minimum);
    }

    /// <summary>The determinant of the principal submatrix picked by <paramref name="mask"/>, by Cholesky.</summary>
    private static double Determinant(ReadOnlySpan<double> matrix, int n, int mask, Span<double> l)
    {
        Span<int> pick = stackalloc int[ChannelProfile.MaxChannels];
        int m = 0;
        for (int i = 0; i < n; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                pick[m++] = i;
            }
        }

        double det = 1;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = matrix[(pick[i] * n) + pick[j]];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[(i * m) + k] * l[(j * m) + k];
                }

                if (i == j)
                {
                    // The ridge keeps R' positive definite; guard against rounding all the same.
                    double pivot = Math.Max(sum, 1e-12);
                    l[(i * m) + i] = Math.Sqrt(pivot);
                    det *= pivot;
                }
                else
                {
                    l[(i * m) + j] = sum / l[(j * m) + j];
                }
            }
        }

        return det;
    }
}
