namespace Anima;

/// <summary>One remembered moment: what was said or done, how it felt, and how much it mattered.</summary>
/// <param name="Id">The memory's number within its agent, increasing from one.</param>
/// <param name="Text">What is remembered: for a turn, what the person said; for a belief, the belief in the first person.</param>
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
    ReadOnlyMemory<float> Embedding)
{
    /// <summary>Gets what kind of memory this is: a moment lived, or a belief reflection drew from many.</summary>
    /// <value>The default is <see cref="MemoryKind.Moment"/>.</value>
    public MemoryKind Kind { get; init; }

    /// <summary>Gets the id of the person it is of (<see cref="Person.Id"/>): who said it, or whom a belief is about; null when it is of no one in particular.</summary>
    public string? PersonId { get; init; }

    /// <summary>Gets what the agent answered, for a remembered turn; null otherwise.</summary>
    public string? Reply { get; init; }

    /// <summary>Gets what a belief is about (such as <c>person:mira</c> or <c>topic:deadlines</c>): a newer belief about the same subject replaces it in recall. Null for a moment.</summary>
    public string? Subject { get; init; }
}

/// <summary>What kind of thing a memory holds.</summary>
public enum MemoryKind
{
    /// <summary>A moment lived: a turn of conversation, or a text remembered with <see cref="AnimaCore.RememberAsync"/>.</summary>
    Moment,

    /// <summary>A belief about the agent itself, someone it knows or the world, drawn by reflection from many moments; recalled before moments.</summary>
    Belief,
}
