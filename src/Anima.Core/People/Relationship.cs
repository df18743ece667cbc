namespace Anima;

/// <summary>How the agent stands with one person: the bond that their turns have built, and what it knows of them.</summary>
/// <param name="PersonId">The person's id (<see cref="Person.Id"/>).</param>
/// <param name="Name">The name the agent knows them by, if any: the latest one a turn gave.</param>
/// <param name="Warmth">How the agent feels toward them, in [−1, 1]: kind words warm it, hostile ones cool it, and long silence lets it fade toward zero.</param>
/// <param name="Trust">How far the agent trusts them, in [0, 1], from one half for a stranger: it grows slowly with kindness and falls fast with hostility or a harmful request.</param>
/// <param name="Familiarity">How well the agent knows them, in [0, 1]: it grows with every turn and fades over months of silence.</param>
/// <param name="UsualFeeling">How they usually seem, as a felt point: the running mean of what their words showed.</param>
/// <param name="Seemed">The emotion the agent saw in them the last time they spoke, or <see langword="null"/> when their words showed nothing.</param>
/// <param name="LastSpoke">When they last spoke to the agent, by its clock.</param>
/// <param name="Turns">How many times they have spoken to the agent.</param>
/// <remarks>
/// Each turn moves the bond by the tone of the message, its valence as the appraiser read it times the confidence of
/// that reading: warmth by a quarter of the tone, saturating at ±1; trust up by a twentieth of a kind tone and down by
/// seven twentieths of a hostile one (or of a request to harm, deceive or coerce), for trust is easier to destroy than to
/// build (Slovic 1993); familiarity by a twentieth of what is left to know. Silence halves warmth every 60 days and
/// familiarity every 180 days, applied when the person next speaks and when the relationship is read.
/// </remarks>
public sealed record Relationship(
    string PersonId,
    string? Name,
    double Warmth,
    double Trust,
    double Familiarity,
    Vad UsualFeeling,
    string? Seemed,
    DateTimeOffset LastSpoke,
    long Turns);
