namespace Anima.Character;

/// <summary>
/// What a personality means to the layers now, read once through the agent's <see cref="IPersonalityModel"/> and
/// checked against its contract, so a model that breaks it is refused by name before anything changes.
/// </summary>
internal readonly record struct PersonalityReading(Personality Personality, double ReturnSpeed, double SurpriseSensitivity)
{
    /// <summary>Reads a personality through a model.</summary>
    /// <exception cref="InvalidOperationException">The model returned a value outside its contract.</exception>
    public static PersonalityReading Of(IPersonalityModel model, Personality personality) => new(
        personality,
        Unit(model.ReturnSpeed(personality), model, nameof(IPersonalityModel.ReturnSpeed)),
        Unit(model.SurpriseSensitivity(personality), model, nameof(IPersonalityModel.SurpriseSensitivity)));

    /// <summary>A channel's gain through a model.</summary>
    /// <exception cref="InvalidOperationException">The model returned a negative or non-finite gain.</exception>
    public static double Gain(IPersonalityModel model, Personality personality, ChannelDefinition channel)
    {
        double gain = model.ChannelGain(personality, channel);
        return double.IsFinite(gain) && gain >= 0
            ? gain
            : throw new InvalidOperationException($"The personality model {model.GetType().Name} returned a {nameof(IPersonalityModel.ChannelGain)} of {gain} for channel '{channel.Name}'; it must be finite and at least zero.");
    }

    /// <summary>The temperament through a model.</summary>
    /// <exception cref="InvalidOperationException">The model returned a point outside [−1, 1].</exception>
    public static Vad Temperament(IPersonalityModel model, Personality personality)
    {
        var t = model.Temperament(personality);
        return t.Valence is >= -1 and <= 1 && t.Arousal is >= -1 and <= 1 && t.Dominance is >= -1 and <= 1
            ? t
            : throw new InvalidOperationException($"The personality model {model.GetType().Name} returned a {nameof(IPersonalityModel.Temperament)} of {t}; every coordinate must be in [-1, 1].");
    }

    private static double Unit(double value, IPersonalityModel model, string member) =>
        value is >= 0 and <= 1
            ? value
            : throw new InvalidOperationException($"The personality model {model.GetType().Name} returned a {member} of {value}; it must be in [0, 1].");
}
