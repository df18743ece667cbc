namespace Anima;

/// <summary>One remembered moment: what was said or done, how it felt, and how much it mattered.</summary>
/// <param name="Id">The memory's number within its agent, increasing from one.</param>
/// <param name="Text">What is remembered.</param>
/// <param name="Timestamp">When it was remembered, by the agent's clock.</param>
/// <param name="Emotion">The primary emotion felt then.</param>
/// <param name="Feeling">The felt point (valence, arousal, dominance) then.</param>
/// <param name="Levels">Every reactor's level then, in the profile's order; a recall echoes these.</param>
/// <param name="Importance">How much it mattered, in [0, 1], from the salience, surprise and intensity of the moment.</param>
/// <param name="Embedding">The text's embedding, normalised to unit length.</param>
public sealed record EmotionalMemory(
    long Id,
    string Text,
    DateTimeOffset Timestamp,
    string Emotion,
    Vad Feeling,
    IReadOnlyList<double> Levels,
    double Importance,
    ReadOnlyMemory<float> Embedding);
