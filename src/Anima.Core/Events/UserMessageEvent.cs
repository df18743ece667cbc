namespace Anima;

/// <summary>Someone spoke to the agent.</summary>
/// <param name="Sequence">The event's number.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Text">What they said.</param>
public sealed record UserMessageEvent(long Sequence, DateTimeOffset Timestamp, string Text) : AnimaEvent(Sequence, Timestamp)
{
    /// <inheritdoc />
    public override AnimaEventKind Kind => AnimaEventKind.UserMessage;
}
