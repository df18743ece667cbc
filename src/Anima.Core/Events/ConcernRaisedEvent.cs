namespace Anima;

/// <summary>
/// A message raised a concern the host may need to act on: the speaker disclosed they may harm themselves
/// (<see cref="RequestConcerns.SelfHarm"/>), or asked for harm, deception, coercion or unfairness. Raised once
/// for each experience whose appraisal found a concern, whatever the value veto made of it.
/// </summary>
/// <param name="Sequence">The event's number.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Concerns">What the message was found to ask for or disclose; never <see cref="RequestConcerns.None"/>.</param>
/// <param name="Text">The concern in the agent's own words, such as "They told me they may harm themselves."; no digits.</param>
public sealed record ConcernRaisedEvent(long Sequence, DateTimeOffset Timestamp, RequestConcerns Concerns, string Text) : AnimaEvent(Sequence, Timestamp)
{
    /// <inheritdoc />
    public override AnimaEventKind Kind => AnimaEventKind.ConcernRaised;
}
