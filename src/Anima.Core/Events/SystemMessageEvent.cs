namespace Anima;

/// <summary>The instructions sent to the model changed: the persona and the inner-state block.</summary>
/// <param name="Sequence">The event's number.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Text">The instructions as sent.</param>
public sealed record SystemMessageEvent(long Sequence, DateTimeOffset Timestamp, string Text) : AnimaEvent(Sequence, Timestamp)
{
    /// <inheritdoc />
    public override AnimaEventKind Kind => AnimaEventKind.SystemMessage;
}
