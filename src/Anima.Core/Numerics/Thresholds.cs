using System.Runtime.Intrinsics;

namespace Anima.Numerics;

/// <summary>
/// Sixteen values smoothed toward targets and compared with two thresholds, in four vectors of four; the
/// <see cref="SmoothAndCompareScalar"/> twin is the definition, and a test holds the two equal.
/// </summary>
internal static class Thresholds
{
    /// <summary>How many values one call handles.</summary>
    public const int Slots = 16;

    /// <summary>
    /// Moves each value a <paramref name="rate"/> of the way toward its target, then returns as bits which values
    /// reach <paramref name="high"/> and which have fallen to <paramref name="low"/>.
    /// </summary>
    public static (int High, int Low) SmoothAndCompare(Span<double> values, ReadOnlySpan<double> targets, double rate, double high, double low)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return SmoothAndCompareScalar(values, targets, rate, high, low);
        }

        int above = 0, below = 0;
        for (int k = 0; k < Slots; k += 4)
        {
            var p = Vector256.Create(values.Slice(k, 4));
            p += rate * (Vector256.Create(targets.Slice(k, 4)) - p);
            p.CopyTo(values.Slice(k, 4));
            above |= (int)Vector256.GreaterThanOrEqual(p, Vector256.Create(high)).ExtractMostSignificantBits() << k;
            below |= (int)Vector256.LessThanOrEqual(p, Vector256.Create(low)).ExtractMostSignificantBits() << k;
        }

        return (above, below);
    }

    /// <summary>The scalar definition of <see cref="SmoothAndCompare"/>.</summary>
    public static (int High, int Low) SmoothAndCompareScalar(Span<double> values, ReadOnlySpan<double> targets, double rate, double high, double low)
    {
        int above = 0, below = 0;
        for (int k = 0; k < Slots; k++)
        {
            double p = values[k] + (rate * (targets[k] - values[k]));
            values[k] = p;
            above |= p >= high ? 1 << k : 0;
            below |= p <= low ? 1 << k : 0;
        }

        return (above, below);
    }
}
