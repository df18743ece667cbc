namespace Anima;

/// <summary>
/// One reactor channel of a <see cref="ChannelProfile"/>: its baseline, how fast it relaxes, how the
/// appraisal dimensions move it, what it feels like in valence-arousal-dominance space and which needs
/// it creates when it strays.
/// </summary>
/// <remarks>A definition is data; <see cref="ChannelProfile"/> validates it when the profile is built.</remarks>
public sealed record ChannelDefinition
{
    /// <summary>Gets the channel name, unique within its profile (case-insensitive).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the resting level the channel returns to, in (0, 1).</summary>
    public required double Baseline { get; init; }

    /// <summary>
    /// Gets the half-life of the return to baseline in elapsed time, for a personality of average
    /// conscientiousness. A conscientious agent returns sooner (the half-life is scaled by 1.5 − C).
    /// </summary>
    public required TimeSpan HalfLife { get; init; }

    /// <summary>Gets what the channel means to drives, identity and narrative.</summary>
    public required ChannelRole Role { get; init; }

    /// <summary>Gets how each appraisal dimension of a stimulus moves this channel.</summary>
    public required AppraisalWeights Response { get; init; }

    /// <summary>
    /// Gets the contribution of this channel to valence, arousal and dominance per unit of normalised
    /// deviation from its baseline (−1 at level 0, +1 at level 1).
    /// </summary>
    public required Vad Affect { get; init; }

    /// <summary>Gets the personality trait that scales this channel's gain, if any.</summary>
    /// <value>The default value is <see langword="null"/>: the gain is 1.</value>
    public PersonalityTrait? GainTrait { get; init; }

    /// <summary>Gets how strongly <see cref="GainTrait"/> scales the gain: gain = 1 + (trait − 0.5) × scale.</summary>
    /// <value>The default value is 0.6.</value>
    public double GainScale { get; init; } = 0.6;

    /// <summary>Gets the need a level above the tolerance band creates, if any.</summary>
    public Need? ExcessNeed { get; init; }

    /// <summary>Gets the need a level below the tolerance band creates, if any.</summary>
    public Need? DeficitNeed { get; init; }

    /// <summary>Gets the normalised deviation from baseline that is tolerated before a drive arises, in [0, 1).</summary>
    /// <value>The default value is 0.25.</value>
    public double Tolerance { get; init; } = 0.25;
}
