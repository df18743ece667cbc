namespace Anima;

/// <summary>How one trait has grown away from its configured value.</summary>
/// <param name="Trait">The trait.</param>
/// <param name="Configured">The value the agent was built with.</param>
/// <param name="Current">The value it has now, always within [0.03, 0.97] and within 0.25 of <paramref name="Configured"/>.</param>
/// <param name="MainSource">The kind of experience that moved it most in the direction it went.</param>
public readonly record struct TraitGrowth(PersonalityTrait Trait, double Configured, double Current, GrowthSource MainSource)
{
    /// <summary>Gets the signed change, <see cref="Current"/> − <see cref="Configured"/>.</summary>
    public double Drift => Current - Configured;
}
