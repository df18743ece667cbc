namespace Anima;

/// <summary>
/// Keeps agents between runs: each agent's whole state (as <see cref="AnimaCore.ExportState(Stream)"/> writes it)
/// under an id of the application's choosing. Many agents share one store.
/// </summary>
/// <remarks>Implementations are thread-safe; a save replaces the previous one atomically.</remarks>
public interface IAnimaStore
{
    /// <summary>Saves an agent's whole state under <paramref name="agentId"/>, replacing what was saved there before.</summary>
    /// <param name="agentId">The agent's id in the store.</param>
    /// <param name="agent">The agent.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is written then.</param>
    /// <returns>A task that completes when the save is committed.</returns>
    Task SaveAsync(string agentId, AnimaCore agent, CancellationToken cancellationToken = default);

    /// <summary>Loads the state saved under <paramref name="agentId"/> into <paramref name="agent"/>.</summary>
    /// <param name="agentId">The agent's id in the store.</param>
    /// <param name="agent">An agent built with the same options as the one saved.</param>
    /// <param name="cancellationToken">Cancels the load; the agent is unchanged then.</param>
    /// <returns><see langword="true"/> if a state was found and loaded; <see langword="false"/> if none is saved under the id.</returns>
    Task<bool> LoadAsync(string agentId, AnimaCore agent, CancellationToken cancellationToken = default);

    /// <summary>Reads the saved events of an agent that happened in a span of time, in order.</summary>
    /// <param name="agentId">The agent's id in the store.</param>
    /// <param name="since">The earliest time included; <see langword="null"/> for no bound.</param>
    /// <param name="until">The time from which events are excluded; <see langword="null"/> for no bound.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The events, by sequence. A <see cref="StateChangedEvent"/> read back carries no <see cref="StateChangedEvent.State"/>.</returns>
    /// <remarks>Each save writes the events that happened since the previous save (the newest 4,096 of them).</remarks>
    Task<IReadOnlyList<AnimaEvent>> ReadEventsAsync(string agentId, DateTimeOffset? since = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the ids of every saved agent, in ordinal order.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The ids.</returns>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the state saved under <paramref name="agentId"/>.</summary>
    /// <param name="agentId">The agent's id in the store.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns><see langword="true"/> if a state was deleted; <see langword="false"/> if none was saved under the id.</returns>
    Task<bool> DeleteAsync(string agentId, CancellationToken cancellationToken = default);
}
