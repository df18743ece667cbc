namespace Anima;

/// <summary>A tool answered.</summary>
/// <param name="Sequence">The event's number.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="CallId">The id of the call answered.</param>
/// <param name="Succeeded">Whether the tool did what was asked.</param>
/// <param name="Result">The result, or the failure's message, as text.</param>
public sealed record ToolResponseEvent(long Sequence, DateTimeOffset Timestamp, string CallId, bool Succeeded, string? Result) : AnimaEvent(Sequence, Timestamp)
{
    /// <inheritdoc />
    public override AnimaEventKind Kind => AnimaEventKind.ToolResponse;
}
