namespace Anima.Orleans;

/// <summary>
/// An agent speaking first: a desire arose on its heartbeat (an Orleans reminder, so the agent need not be active) and,
/// when it has a chat client, the words it opened with. Published on the <see cref="AnimaStreams.Initiative"/> stream
/// of the agent's id.
/// </summary>
[GenerateSerializer, Immutable, Alias("Anima.Orleans.AnimaInitiative")]
public sealed record AnimaInitiative
{
    /// <summary>The id of the agent that wants to speak.</summary>
    [Id(0)] public required string AgentId { get; init; }

    /// <summary>The need that moved it.</summary>
    [Id(1)] public Need Need { get; init; }

    /// <summary>How strong the desire is, in [0, 1].</summary>
    [Id(2)] public double Strength { get; init; }

    /// <summary>The desire in the agent's own words (for example <c>"I need to reach out to someone."</c>).</summary>
    [Id(3)] public required string Desire { get; init; }

    /// <summary>What the agent said first, or <see langword="null"/> when it has no chat client (the host may speak for it) or <see cref="AnimaGrainOptions.SpeakOnDesire"/> is off.</summary>
    [Id(4)] public string? Message { get; init; }

    /// <summary>The person it spoke to: the one it spoke with most recently, or <see langword="null"/> when it knows no one.</summary>
    [Id(5)] public string? PersonId { get; init; }

    /// <summary>When the desire arose, on the agent's clock.</summary>
    [Id(6)] public DateTimeOffset Timestamp { get; init; }
}
