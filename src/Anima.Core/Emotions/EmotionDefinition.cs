namespace Anima;

/// <summary>One named emotion of an <see cref="EmotionTable"/> and its place in valence-arousal-dominance space.</summary>
/// <param name="Name">The label, as it should appear to users (for example <c>"Anxiety"</c>).</param>
/// <param name="Point">Its coordinates.</param>
/// <param name="Tendency">
/// Its action tendency in [−1, 1]: positive emotions of approach (joy, anger), negative ones of
/// avoidance (fear, sadness). Dissonance compares it with the agent's intention.
/// </param>
public sealed record EmotionDefinition(string Name, Vad Point, double Tendency);
