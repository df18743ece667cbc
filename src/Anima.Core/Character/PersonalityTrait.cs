namespace Anima;

/// <summary>
/// Names one of the Big Five personality traits.
/// </summary>
public enum PersonalityTrait
{
    /// <summary>Openness to experience: curiosity, imagination, sensitivity to surprise.</summary>
    Openness,

    /// <summary>Conscientiousness: self-regulation; a conscientious agent returns to its baseline sooner.</summary>
    Conscientiousness,

    /// <summary>Extraversion: energy and sociability; raises the gain of arousal.</summary>
    Extraversion,

    /// <summary>Agreeableness: warmth and cooperation; raises the gain of cohesion.</summary>
    Agreeableness,

    /// <summary>Neuroticism: emotional instability; raises the gain of tension.</summary>
    Neuroticism,
}
