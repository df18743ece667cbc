using Orleans.Storage;

namespace Anima.Orleans;

/// <summary>
/// Grain storage on an <see cref="IAnimaStore"/> (a <see cref="SqliteAnimaStore"/> for one node and for tests): the store
/// saves and loads the live agent itself, memories, people, conversation and journal, as it does outside Orleans, so no
/// document is written twice. It keeps agent grains' state only; other grains need another provider.
/// </summary>
internal sealed class AnimaStoreGrainStorage(IAnimaStore store, AnimaAgentFactory factory) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var state = Agents(grainId, grainState);
        string id = AgentId(grainId);
        var agent = factory.Create(id);
        bool found = await store.LoadAsync(id, agent, cancellationToken).ConfigureAwait(false);
        state.State = new AnimaGrainState { Agent = agent };
        state.RecordExists = found;
        state.ETag = found ? "saved" : null;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var state = Agents(grainId, grainState);
        string id = AgentId(grainId);
        var agent = state.State?.Agent;
        if (agent is null)
        {
            // A state that came from elsewhere (a migration, another provider's copy): build the agent from its document.
            agent = factory.Create(id);
            if (state.State?.Document is { } document)
            {
                using var json = new MemoryStream(document, writable: false);
                agent.ImportState(json);
            }
        }

        await store.SaveAsync(id, agent, cancellationToken).ConfigureAwait(false);
        state.RecordExists = true;
        state.ETag = "saved";
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var state = Agents(grainId, grainState);
        await store.DeleteAsync(AgentId(grainId), cancellationToken).ConfigureAwait(false);
        state.State = new AnimaGrainState();
        state.RecordExists = false;
        state.ETag = null;
    }

    private static IGrainState<AnimaGrainState> Agents<T>(GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        return grainState as IGrainState<AnimaGrainState>
            ?? throw new NotSupportedException($"An Anima store keeps only agent grains' state ({nameof(AnimaGrainState)}); grain {grainId} asked it for {typeof(T)}. Register another grain storage provider for other grains.");
    }

    private static string AgentId(GrainId grainId) => grainId.Key.ToString() ?? throw new ArgumentException($"Grain {grainId} has no key.", nameof(grainId));
}
