namespace Anima;

/// <summary>The agent spoke.</summary>
/// <param name="Sequence">The event's number.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Text">What it said.</param>
public sealed record AgentMessageEvent(long Sequence, DateTimeOffset Timestamp, string Text) : AnimaEvent(Sequence, Timestamp)
{
    /// <inheritdoc />
    public override AnimaEventKind Kind => AnimaEventKind.AgentMessage;
}
