using Anima;
using Microsoft.Extensions.AI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Anima agents in a service collection.</summary>
/// <remarks>
/// A thin layer over the <see cref="AnimaCore"/> constructor: the options start from the registered
/// <see cref="TimeProvider"/> (when there is one), the configure callback runs, and the agent speaks through the
/// registered <see cref="IChatClient"/> (for a keyed agent, the chat client with the same key, else the
/// unkeyed one). Agents are singletons: each keeps its own inner life for the lifetime of the container.
/// </remarks>
public static class AnimaServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="AnimaCore"/> as a singleton.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the agent's options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddAnima(this IServiceCollection services, Action<AnimaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(provider => Create(provider, configure, provider.GetService<IChatClient>()));
        return services;
    }

    /// <summary>Registers an <see cref="AnimaCore"/> under a key, so that one application can hold several characters.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The agent's key; resolve it with <c>GetRequiredKeyedService&lt;AnimaCore&gt;(key)</c> or <c>[FromKeyedServices]</c>.</param>
    /// <param name="configure">Configures the agent's options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="serviceKey"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddKeyedAnima(this IServiceCollection services, object serviceKey, Action<AnimaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(serviceKey);
        services.AddKeyedSingleton(serviceKey, (provider, key) =>
            Create(provider, configure, provider.GetKeyedService<IChatClient>(key) ?? provider.GetService<IChatClient>()));
        return services;
    }

    private static AnimaCore Create(IServiceProvider provider, Action<AnimaOptions>? configure, IChatClient? chatClient)
    {
        var options = new AnimaOptions { TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System };
        configure?.Invoke(options);
        return new AnimaCore(options, chatClient);
    }
}
