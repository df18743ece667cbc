namespace Anima;

/// <summary>
/// Something that happened to an agent, numbered in the order it happened. Subscribe with
/// <see cref="AnimaCore.EventOccurred"/>; a <see cref="SqliteAnimaStore"/> keeps them and returns them by time.
/// </summary>
/// <param name="Sequence">The event's number within its agent, rising by one from one.</param>
/// <param name="Timestamp">When it happened, by the agent's clock.</param>
public abstract record AnimaEvent(long Sequence, DateTimeOffset Timestamp)
{
    /// <summary>Gets what the event records.</summary>
    public abstract AnimaEventKind Kind { get; }
}
