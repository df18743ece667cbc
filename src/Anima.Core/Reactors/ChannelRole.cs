namespace Anima;

/// <summary>
/// What a reactor channel means to the rest of the pipeline, so that identity, drives and narrative
/// work with any channel profile.
/// </summary>
public enum ChannelRole
{
    /// <summary>Threat and stress (tension, cortisol).</summary>
    Threat,

    /// <summary>Activation and energy (arousal).</summary>
    Energy,

    /// <summary>Reward and wanting (satisfaction, dopamine).</summary>
    Reward,

    /// <summary>Closeness to others (cohesion, oxytocin).</summary>
    Bond,

    /// <summary>Steady well-being (serotonin).</summary>
    Mood,

    /// <summary>Assertion and drive to act (testosterone).</summary>
    Assertion,

    /// <summary>Relief and soothing (endorphins).</summary>
    Relief,
}
