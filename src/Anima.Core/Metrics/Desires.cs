using Anima.Numerics;

namespace Anima.Metrics;

/// <summary>
/// Which desires arise (F14, F19). Each need's pressure follows its drive, smoothed (a tenth of the way each
/// experience), so a passing jolt is not a desire; a need whose pressure reaches <see cref="Arises"/> arises once, and
/// can arise again only after its pressure has fallen to <see cref="Subsides"/> (hysteresis, so a need that hovers at
/// the threshold raises no storm of events).
/// </summary>
internal static class Desires
{
    /// <summary>The number of <see cref="Need"/> values.</summary>
    public static readonly int NeedCount = Enum.GetValues<Need>().Length;

    /// <summary>The pressure at which a desire arises.</summary>
    public const double Arises = 0.5;

    /// <summary>The pressure to which a desire must fall before it can arise again.</summary>
    public const double Subsides = 0.15;

    /// <summary>How far a need's pressure moves toward its drive in one experience.</summary>
    public const double Smoothing = 0.1;

    /// <summary>Moves the pressures toward the drives and returns the needs that arose, as bits by <see cref="Need"/>.</summary>
    /// <param name="drives">The drives now.</param>
    /// <param name="pressure">Each need's pressure, <see cref="Thresholds.Slots"/> long (the slots past the last need stay zero).</param>
    /// <param name="felt">The needs whose desire has arisen and not yet subsided, updated.</param>
    public static int Arise(Drive[] drives, Span<double> pressure, ref long felt)
    {
        var nowBuffer = default(SixteenNumbers);
        Span<double> now = nowBuffer;
        foreach (var drive in drives)
        {
            now[(int)drive.Need] = Math.Max(now[(int)drive.Need], drive.Strength);
        }

        var (high, low) = Thresholds.SmoothAndCompare(pressure, now, Smoothing, Arises, Subsides);
        int needs = (1 << NeedCount) - 1;
        int arisen = high & ~(int)felt & needs;
        felt = ((int)felt | arisen) & ~(low & needs);
        return arisen;
    }
}
