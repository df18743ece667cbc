using System.Runtime.Intrinsics;

namespace Anima.Numerics;

/// <summary>
/// Hebbian learning held within bounds, one row of four coefficients a vector (the soul matrix): each latent value
/// λ becomes (1 − κ)·λ + η·d·s, and the coefficient its base b plus (½|b| + 0.1)·λ/(1 + |λ|).
/// <see cref="LearnScalar"/> is its scalar twin, and a test holds the two bit for bit equal.
/// </summary>
internal static class BoundedLearning
{
    /// <summary>Learns one experience into rows of four coefficients.</summary>
    /// <param name="learning">Each coefficient's latent value λ, updated.</param>
    /// <param name="signal">The four values of the appraisal, s.</param>
    /// <param name="deviations">Each row's activity, d.</param>
    /// <param name="base">Each coefficient's base, b.</param>
    /// <param name="result">The coefficients after learning.</param>
    /// <param name="rate">η, how fast a pairing binds.</param>
    /// <param name="reversion">κ, how fast what is no longer paired fades back.</param>
    public static void Learn(Span<double> learning, ReadOnlySpan<double> signal, ReadOnlySpan<double> deviations, ReadOnlySpan<double> @base, Span<double> result, double rate, double reversion)
    {
        var s = Vector256.Create(signal[..4]);
        for (int i = 0; i < deviations.Length; i++)
        {
            var row = learning.Slice(i * 4, 4);
            var l = (Vector256.Create(row) * (1 - reversion)) + (s * (rate * deviations[i]));
            l.CopyTo(row);
            var b = Vector256.Create(@base.Slice(i * 4, 4));
            var bound = (Vector256.Abs(b) * 0.5) + Vector256.Create(0.1);
            (b + (bound * l / (Vector256<double>.One + Vector256.Abs(l)))).CopyTo(result.Slice(i * 4, 4));
        }
    }

    /// <summary>The scalar definition of <see cref="Learn"/>.</summary>
    public static void LearnScalar(Span<double> learning, ReadOnlySpan<double> signal, ReadOnlySpan<double> deviations, ReadOnlySpan<double> @base, Span<double> result, double rate, double reversion)
    {
        for (int i = 0; i < deviations.Length; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                int k = (i * 4) + j;
                learning[k] = (learning[k] * (1 - reversion)) + (signal[j] * (rate * deviations[i]));
                result[k] = Coefficient(@base[k], learning[k]);
            }
        }
    }

    /// <summary>A coefficient: its base plus the bounded learning.</summary>
    public static double Coefficient(double @base, double learning) => @base + (Bound(@base) * learning / (1 + Math.Abs(learning)));

    /// <summary>How far a coefficient can move from its base: ½|b| + 0.1.</summary>
    public static double Bound(double @base) => (Math.Abs(@base) * 0.5) + 0.1;
}
