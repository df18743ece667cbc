namespace Anima;

/// <summary>
/// How a Big Five <see cref="Personality"/> shapes the body and the mind: the gain of each channel's response, how
/// quickly the body returns to baseline, how sensitive the mind is to surprise, and the temperament that colours
/// every feeling. The default follows SPEC.md F2 and REFERENCE.md (Mehrabian's temperament); set
/// <see cref="AnimaOptions.PersonalityModel"/> to replace the formulas.
/// </summary>
/// <remarks>
/// An implementation must be thread-safe and deterministic, and keep to the ranges below; a value outside them makes
/// the experience (or the construction) throw an <see cref="InvalidOperationException"/> naming it, and an agent that
/// exists stays as it was.
/// </remarks>
public interface IPersonalityModel
{
    /// <summary>Returns how strongly a channel answers its appraisal for a personality: the factor of its row of the soul matrix.</summary>
    /// <param name="personality">The personality now.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>A finite factor of at least zero. The default is 1 + (trait − 0.5) × <see cref="ChannelDefinition.GainScale"/> for the channel's <see cref="ChannelDefinition.GainTrait"/> (neuroticism for tension, extraversion for arousal, agreeableness for cohesion), or 1.</returns>
    double ChannelGain(Personality personality, ChannelDefinition channel);

    /// <summary>Returns how quickly the body returns to baseline, in [0, 1].</summary>
    /// <param name="personality">The personality now.</param>
    /// <returns>The speed s: every half-life is scaled by 1.5 − s, and each experience steps 0.05 + 0.10 × s of the way back. The default is conscientiousness.</returns>
    double ReturnSpeed(Personality personality);

    /// <summary>Returns how sensitive the mind is to surprise and novelty, in [0, 1].</summary>
    /// <param name="personality">The personality now.</param>
    /// <returns>The sensitivity o: a surprise spikes beyond 3.5 − 1.5 × o standard deviations, and novelty weighs 0.5 + 0.5 × o. The default is openness.</returns>
    double SurpriseSensitivity(Personality personality);

    /// <summary>Returns the temperament: the point in valence-arousal-dominance space that colours every feeling.</summary>
    /// <param name="personality">The personality now.</param>
    /// <returns>A point with every coordinate in [−1, 1]. The default is <see cref="Personality.Temperament"/>.</returns>
    Vad Temperament(Personality personality);
}
