namespace Anima;

/// <summary>
/// Chooses the ego defense an agent falls back on when a moment is too much (L5): none, or one of the six
/// <see cref="EgoDefense"/> mechanisms, whose effect on the levels and on dissonance is the agent's own.
/// </summary>
/// <remarks>
/// The default falls back on a defense when the feeling is negative and either the dissonance or the negativity
/// (scaled by neuroticism) reaches 0.45: denial for a closed mind meeting a shock, rationalization for a conscientious
/// one whose impulse was vetoed, displacement for thwarted anger, projection for a disagreeable agent facing someone
/// hostile, sublimation for open anger, and suppression otherwise. Set <see cref="AnimaOptions.EgoDefense"/> to choose
/// differently. An implementation must be thread-safe and deterministic, and return a defined <see cref="EgoDefense"/>
/// or <see langword="null"/>; anything else makes the experience throw an <see cref="InvalidOperationException"/>
/// naming it, and the agent stays as it was.
/// </remarks>
public interface IEgoDefense
{
    /// <summary>Chooses the defense for a moment.</summary>
    /// <param name="situation">What the agent feels, intends and meets.</param>
    /// <returns>The defense, or <see langword="null"/> for none.</returns>
    EgoDefense? Choose(in DefenseSituation situation);
}
