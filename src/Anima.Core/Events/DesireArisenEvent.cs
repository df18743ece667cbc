namespace Anima;

/// <summary>
/// A desire arose: one of the agent's needs grew strong enough to want something (SPEC.md F19). It is raised
/// once when the need's pressure (its drive, smoothed) crosses one half, and again only after it has fallen
/// below three twentieths; an agent can
/// answer it by speaking first (<see cref="AnimaCore.InitiateAsync"/>).
/// </summary>
/// <param name="Sequence">The event's number.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Need">What the agent needs.</param>
/// <param name="Strength">How pressing the need had grown: its drive, smoothed over recent experiences, in (0, 1].</param>
/// <param name="Text">The desire in the agent's own words, such as "I need to reach out to someone."; no digits.</param>
public sealed record DesireArisenEvent(long Sequence, DateTimeOffset Timestamp, Need Need, double Strength, string Text) : AnimaEvent(Sequence, Timestamp)
{
    /// <inheritdoc />
    public override AnimaEventKind Kind => AnimaEventKind.DesireArisen;
}
