namespace Anima;

/// <summary>The agent's sense of itself over time.</summary>
/// <param name="Past">Who it has been: the slow average of its states.</param>
/// <param name="Present">Who it is now.</param>
/// <param name="Future">Who it is becoming: the present projected along its recent trend.</param>
/// <param name="Coherence">How well past, present and future hang together, in [0, 1].</param>
/// <param name="InCrisis">
/// Whether the agent is in an identity crisis: once it has had thirty experiences (an identity must form before
/// it can be lost), coherence stayed below 0.35 for three experiences in a row;
/// the crisis ends when coherence climbs back above 0.5.
/// </param>
public readonly record struct TemporalSelf(Vad Past, Vad Present, Vad Future, double Coherence, bool InCrisis);
