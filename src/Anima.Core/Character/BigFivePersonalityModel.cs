namespace Anima.Character;

/// <summary>The default <see cref="IPersonalityModel"/>: the formulas of SPEC.md F2 and Mehrabian's temperament.</summary>
internal sealed class BigFivePersonalityModel : IPersonalityModel
{
    public static BigFivePersonalityModel Instance { get; } = new();

    /// <inheritdoc />
    public double ChannelGain(Personality personality, ChannelDefinition channel) =>
        channel.GainTrait is { } trait ? 1 + ((personality[trait] - 0.5) * channel.GainScale) : 1;

    /// <inheritdoc />
    public double ReturnSpeed(Personality personality) => personality.Conscientiousness;

    /// <inheritdoc />
    public double SurpriseSensitivity(Personality personality) => personality.Openness;

    /// <inheritdoc />
    public Vad Temperament(Personality personality) => personality.Temperament();
}
