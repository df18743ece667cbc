using System.Numerics.Tensors;
using Anima.Character;
using Anima.Numerics;

namespace Anima.Reactors;

/// <summary>
/// The default reactor. Relaxation is exponential in elapsed time: a channel loses half its distance
/// from baseline every half-life, scaled by 1.5 − s, where s is the personality's speed of return
/// (<see cref="IPersonalityModel.ReturnSpeed"/>, conscientiousness by default). An experience moves a level
/// toward 1 or 0 in proportion to the room left (so no level ever reaches a bound), then takes a step
/// of 0.05 + 0.10 × s of the remaining distance back toward baseline.
/// </summary>
internal sealed class HalfLifeReactor : IReactor
{
    /// <summary>The largest scale of a half-life: a personality with no speed of return takes half as long again.</summary>
    private const double SlowestScale = 1.5;

    /// <summary>The least share of the way back to baseline an experience steps; speed adds up to <see cref="StepRange"/>.</summary>
    private const double BaseStep = 0.05;

    /// <summary>How much the speed of return adds to each experience's step back.</summary>
    private const double StepRange = 0.10;

    private readonly IPersonalityModel _model;

    public HalfLifeReactor(IPersonalityModel model)
    {
        _model = model;
    }

    public static HalfLifeReactor Instance { get; } = new(BigFivePersonalityModel.Instance);

    public void Relax(Span<double> levels, ChannelProfile profile, Personality personality, TimeSpan elapsed)
    {
        if (elapsed <= TimeSpan.Zero)
        {
            return;
        }

        var channels = profile.Span;
        double scaled = -elapsed.TotalSeconds / (SlowestScale - _model.ReturnSpeed(personality));

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
        double step = BaseStep + (StepRange * _model.ReturnSpeed(personality));
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
