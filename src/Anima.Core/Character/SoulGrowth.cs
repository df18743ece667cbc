namespace Anima;

/// <summary>How one coefficient of the soul matrix has changed since the agent was built.</summary>
/// <param name="Channel">The channel that answers.</param>
/// <param name="Dimension">The appraisal dimension it answers (one of <see cref="SoulMatrix.Dimensions"/>).</param>
/// <param name="Configured">The coefficient the configured personality gave when the agent was built.</param>
/// <param name="Current">The coefficient now.</param>
/// <param name="Learned">
/// The part of the change learned from experiences on <paramref name="Dimension"/> (see <see cref="SoulMatrix"/>);
/// the rest came with the growth of the personality.
/// </param>
public readonly record struct SoulGrowth(string Channel, string Dimension, double Configured, double Current, double Learned)
{
    /// <summary>Gets the whole change: <see cref="Current"/> − <see cref="Configured"/>.</summary>
    public double Change => Current - Configured;
}
