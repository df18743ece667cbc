namespace Anima;

/// <summary>The agent had an experience and its state changed.</summary>
/// <param name="Sequence">The event's number.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="ExperienceCount">The agent's experience count afterwards.</param>
/// <param name="Primary">The primary emotion afterwards.</param>
/// <param name="Vad">The felt point afterwards.</param>
public sealed record StateChangedEvent(long Sequence, DateTimeOffset Timestamp, long ExperienceCount, string Primary, Vad Vad) : AnimaEvent(Sequence, Timestamp)
{
    /// <inheritdoc />
    public override AnimaEventKind Kind => AnimaEventKind.StateChanged;

    /// <summary>Gets the whole state afterwards; <see langword="null"/> for an event read back from a store.</summary>
    public AnimaState? State { get; init; }
}
