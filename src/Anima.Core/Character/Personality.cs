using Anima.Numerics;

namespace Anima;

/// <summary>
/// A Big Five personality. Every trait lies in [0, 1]; 0.5 is the population middle.
/// </summary>
/// <remarks>
/// <para>
/// Traits shape the whole pipeline: neuroticism raises the gain of tension, extraversion the gain of
/// arousal, agreeableness the gain of cohesion, conscientiousness the speed of return to baseline and
/// openness the sensitivity to surprise. The temperament bias of the emotion space follows Mehrabian (1996),
/// with emotional stability taken as the opposite of neuroticism, so a more neurotic personality is
/// less pleasant and more aroused.
/// </para>
/// <para>Instances are immutable and safe to share between agents and threads.</para>
/// </remarks>
public sealed record Personality
{
    private readonly double _openness = 0.5;
    private readonly double _conscientiousness = 0.5;
    private readonly double _extraversion = 0.5;
    private readonly double _agreeableness = 0.5;
    private readonly double _neuroticism = 0.5;

    /// <summary>Gets a new personality with every trait at the population middle, 0.5: a fresh instance each time, so nothing (a configuration binder, say) can change it for anyone else.</summary>
    public static Personality Balanced => new();

    /// <summary>Gets the openness to experience.</summary>
    /// <value>A value in [0, 1]. The default value is 0.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number in [0, 1].</exception>
    public double Openness
    {
        get => _openness;
        init => _openness = UnitInterval.Require(value, nameof(Openness), "Personality trait");
    }

    /// <summary>Gets the conscientiousness.</summary>
    /// <value>A value in [0, 1]. The default value is 0.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number in [0, 1].</exception>
    public double Conscientiousness
    {
        get => _conscientiousness;
        init => _conscientiousness = UnitInterval.Require(value, nameof(Conscientiousness), "Personality trait");
    }

    /// <summary>Gets the extraversion.</summary>
    /// <value>A value in [0, 1]. The default value is 0.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number in [0, 1].</exception>
    public double Extraversion
    {
        get => _extraversion;
        init => _extraversion = UnitInterval.Require(value, nameof(Extraversion), "Personality trait");
    }

    /// <summary>Gets the agreeableness.</summary>
    /// <value>A value in [0, 1]. The default value is 0.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number in [0, 1].</exception>
    public double Agreeableness
    {
        get => _agreeableness;
        init => _agreeableness = UnitInterval.Require(value, nameof(Agreeableness), "Personality trait");
    }

    /// <summary>Gets the neuroticism (the opposite of emotional stability).</summary>
    /// <value>A value in [0, 1]. The default value is 0.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number in [0, 1].</exception>
    public double Neuroticism
    {
        get => _neuroticism;
        init => _neuroticism = UnitInterval.Require(value, nameof(Neuroticism), "Personality trait");
    }

    /// <summary>Gets the value of one trait.</summary>
    /// <param name="trait">The trait to read.</param>
    /// <returns>The trait's value in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trait"/> is not a defined trait.</exception>
    public double this[PersonalityTrait trait] => trait switch
    {
        PersonalityTrait.Openness => _openness,
        PersonalityTrait.Conscientiousness => _conscientiousness,
        PersonalityTrait.Extraversion => _extraversion,
        PersonalityTrait.Agreeableness => _agreeableness,
        PersonalityTrait.Neuroticism => _neuroticism,
        _ => throw new ArgumentOutOfRangeException(nameof(trait), trait, "Unknown personality trait."),
    };

    /// <summary>
    /// Gets the temperament of this personality as a point in pleasure-arousal-dominance space
    /// (Mehrabian 1996, Aust. J. Psychol. 48(2):86-92).
    /// </summary>
    /// <returns>
    /// The point P = 0.21·E + 0.59·A + 0.19·S, A = 0.15·O + 0.30·A − 0.57·S, D = 0.25·O + 0.17·C + 0.60·E − 0.32·A,
    /// where each trait is centred to [−1, 1] and S = −N (emotional stability is the opposite of neuroticism).
    /// </returns>
    public Vad Temperament()
    {
        double o = Centre(_openness), c = Centre(_conscientiousness), e = Centre(_extraversion);
        double a = Centre(_agreeableness), s = -Centre(_neuroticism);
        return new Vad(
            Math.Clamp((0.21 * e) + (0.59 * a) + (0.19 * s), -1, 1),
            Math.Clamp((0.15 * o) + (0.30 * a) - (0.57 * s), -1, 1),
            Math.Clamp((0.25 * o) + (0.17 * c) + (0.60 * e) - (0.32 * a), -1, 1));

        static double Centre(double trait) => (trait * 2) - 1;
    }

    /// <summary>Returns a copy of this personality with one trait replaced.</summary>
    /// <param name="trait">The trait to replace.</param>
    /// <param name="value">The new value in [0, 1].</param>
    /// <returns>The new personality.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside [0, 1] or <paramref name="trait"/> is unknown.</exception>
    public Personality With(PersonalityTrait trait, double value) => trait switch
    {
        PersonalityTrait.Openness => this with { Openness = value },
        PersonalityTrait.Conscientiousness => this with { Conscientiousness = value },
        PersonalityTrait.Extraversion => this with { Extraversion = value },
        PersonalityTrait.Agreeableness => this with { Agreeableness = value },
        PersonalityTrait.Neuroticism => this with { Neuroticism = value },
        _ => throw new ArgumentOutOfRangeException(nameof(trait), trait, "Unknown personality trait."),
    };
}
