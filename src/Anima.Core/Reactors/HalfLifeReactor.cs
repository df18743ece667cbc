using System.Numerics.Tensors;
using Anima.Numerics;

namespace Anima.Reactors;

/// <summary>
/// The default reactor. Relaxation is exponential in elapsed time: a channel loses half its distance
/// from baseline every half-life, scaled by 1.5 − conscientiousness. An experience moves a level
/// toward 1 or 0 in proportion to the room left (so no level ever reaches a bound), then takes a step
/// of 0.05 + 0.10 × conscientiousness of the remaining distance back toward baseline.
/// </summary>
internal sealed class HalfLifeReactor : IReactor
{
    public static HalfLifeReactor Instance { get; } = new();

    public void Relax(Span<double> levels, ChannelProfile profile, Personality personality, TimeSpan elapsed)
    {
        if (elapsed <= TimeSpan.Zero)
        {
            return;
        }

        var channels = profile.Span;
        double scaled = -elapsed.TotalSeconds / (1.5 - personality.Conscientiousness);

        // Every channel's share kept, exp(−ln 2 · t / half-life), in one vectorised call.
        var keepBuffer = default(ChannelNumbers);
        Span<double> keep = keepBuffer[..levels.Length];
        TensorPrimitives.Multiply(profile.RelaxRateSpan, scaled, keep);
        TensorPrimitives.Exp(keep, keep);
        for (int i = 0; i < levels.Length; i++)
        {
            double baseline = channels[i].Baseline;
            levels[i] = baseline + ((levels[i] - baseline) * keep[i]);
        }
    }

    public void Excite(Span<double> levels, ReadOnlySpan<double> response, ChannelProfile profile, Personality personality)
    {
        var channels = profile.Span;
        double step = 0.05 + (0.10 * personality.Conscientiousness);
        for (int i = 0; i < levels.Length; i++)
        {
            double level = levels[i];
            double r = response[i];
            level += r >= 0 ? r * (1 - level) : r * level;
            level += (channels[i].Baseline - level) * step;
            levels[i] = Math.Clamp(level, 0, 1);
        }
    }
}
