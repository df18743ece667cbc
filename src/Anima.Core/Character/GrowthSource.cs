namespace Anima;

/// <summary>What kind of experience moved a trait.</summary>
public enum GrowthSource
{
    /// <summary>Threat and stress, or their relief.</summary>
    Threat,

    /// <summary>Excitement, or its absence.</summary>
    Excitement,

    /// <summary>Success and reward, or loss.</summary>
    Reward,

    /// <summary>Closeness to others, or rejection.</summary>
    Closeness,

    /// <summary>Novelty and surprise, or routine.</summary>
    Novelty,
}
