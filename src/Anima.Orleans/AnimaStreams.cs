using Orleans.Runtime;

namespace Anima.Orleans;

/// <summary>
/// The Orleans streams an agent grain publishes on, each keyed by the agent's id, on the stream provider named by
/// <see cref="AnimaGrainOptions.StreamProvider"/>.
/// </summary>
public static class AnimaStreams
{
    /// <summary>The namespace of the stream of <see cref="AnimaInitiative"/>: the agent speaking first.</summary>
    public const string Initiative = "anima.initiative";

    /// <summary>The namespace of the stream of <see cref="AnimaEvent"/>: everything the agent's journal records, published after the turn that raised it is saved.</summary>
    public const string Events = "anima.events";

    /// <summary>The id of an agent's initiative stream.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <returns>The stream id.</returns>
    /// <exception cref="ArgumentException"><paramref name="agentId"/> is null or empty.</exception>
    public static StreamId InitiativeOf(string agentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        return StreamId.Create(Initiative, agentId);
    }

    /// <summary>The id of an agent's event stream.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <returns>The stream id.</returns>
    /// <exception cref="ArgumentException"><paramref name="agentId"/> is null or empty.</exception>
    public static StreamId EventsOf(string agentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        return StreamId.Create(Events, agentId);
    }
}
