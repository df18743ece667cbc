namespace Anima.Orleans;

/// <summary>What an agent grain said in one turn, and how it felt after saying it.</summary>
[GenerateSerializer, Immutable, Alias("Anima.Orleans.AnimaReply")]
public sealed record AnimaReply
{
    /// <summary>The id of the agent that spoke (the grain's key).</summary>
    [Id(0)] public required string AgentId { get; init; }

    /// <summary>The words of the reply.</summary>
    [Id(1)] public required string Text { get; init; }

    /// <summary>The agent's state after the turn.</summary>
    [Id(2)] public required AnimaStateView State { get; init; }
}
