namespace Anima;

/// <summary>The level of one reactor channel in a snapshot.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Level">Its level, in [0, 1].</param>
/// <param name="Baseline">The resting level it returns to, in (0, 1).</param>
public readonly record struct ReactorReading(string Channel, double Level, double Baseline);
