namespace Anima;

/// <summary>The model asked for a tool.</summary>
/// <param name="Sequence">The event's number.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="CallId">The call's id, which its response carries too.</param>
/// <param name="Name">The tool's name.</param>
/// <param name="Arguments">The arguments as JSON, if any.</param>
public sealed record ToolCallEvent(long Sequence, DateTimeOffset Timestamp, string CallId, string Name, string? Arguments) : AnimaEvent(Sequence, Timestamp)
{
    /// <inheritdoc />
    public override AnimaEventKind Kind => AnimaEventKind.ToolCall;
}
