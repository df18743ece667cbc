using Anima;
using Anima.Orleans;
using Orleans.Streams;

namespace Orleans;

/// <summary>Reaches agent grains from a client or another grain.</summary>
public static class AnimaClusterClientExtensions
{
    /// <summary>The grain of the agent with this id (activated on first call, wherever the cluster places it).</summary>
    /// <param name="grains">A grain factory: an <see cref="IClusterClient"/> or a grain's <c>GrainFactory</c>.</param>
    /// <param name="agentId">The agent's id.</param>
    /// <returns>The grain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="agentId"/> is null, empty or white space.</exception>
    public static IAnimaGrain GetAnima(this IGrainFactory grains, string agentId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        return grains.GetGrain<IAnimaGrain>(agentId);
    }

    /// <summary>Subscribes to an agent's initiative: each time it wants to speak first (<see cref="AnimaStreams.Initiative"/>).</summary>
    /// <param name="client">The cluster client, configured with the stream provider the silos publish on.</param>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="onInitiative">Called for each initiative.</param>
    /// <param name="streamProvider">The stream provider's name (<see cref="AnimaGrainOptions.StreamProvider"/>).</param>
    /// <returns>The subscription; unsubscribe through it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="onInitiative"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="agentId"/> or <paramref name="streamProvider"/> is null, empty or white space.</exception>
    public static Task<StreamSubscriptionHandle<AnimaInitiative>> SubscribeToInitiativeAsync(this IClusterClient client, string agentId, Func<AnimaInitiative, Task> onInitiative, string streamProvider = AnimaGrainOptions.DefaultStreamProviderName)
    {
        ArgumentNullException.ThrowIfNull(onInitiative);
        return Stream<AnimaInitiative>(client, AnimaStreams.InitiativeOf(Check(agentId)), streamProvider).SubscribeAsync((item, _) => onInitiative(item));
    }

    /// <summary>Subscribes to an agent's events: everything its journal records, after the turn that raised it is saved (<see cref="AnimaStreams.Events"/>).</summary>
    /// <param name="client">The cluster client, configured with the stream provider the silos publish on.</param>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="onEvent">Called for each event, in the agent's order.</param>
    /// <param name="streamProvider">The stream provider's name (<see cref="AnimaGrainOptions.StreamProvider"/>).</param>
    /// <returns>The subscription; unsubscribe through it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="onEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="agentId"/> or <paramref name="streamProvider"/> is null, empty or white space.</exception>
    public static Task<StreamSubscriptionHandle<AnimaEvent>> SubscribeToEventsAsync(this IClusterClient client, string agentId, Func<AnimaEvent, Task> onEvent, string streamProvider = AnimaGrainOptions.DefaultStreamProviderName)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        return Stream<AnimaEvent>(client, AnimaStreams.EventsOf(Check(agentId)), streamProvider).SubscribeAsync((item, _) => onEvent(item));
    }

    private static string Check(string agentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        return agentId;
    }

    private static IAsyncStream<T> Stream<T>(IClusterClient client, StreamId id, string streamProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamProvider);
        return client.GetStreamProvider(streamProvider).GetStream<T>(id);
    }
}
