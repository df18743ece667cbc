using Anima;
using Microsoft.Extensions.AI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Anima agents in a service collection.</summary>
/// <remarks>
/// <para>
/// A thin layer over the <see cref="AnimaCore"/> constructor: the options start from the registered
/// <see cref="TimeProvider"/> (when there is one), the configure callback runs, every layer it left unset is taken
/// from the container when one is registered (<see cref="IStimulusAppraiser"/>, <see cref="IReactor"/>,
/// <see cref="IEmotionMap"/>, <see cref="IIntegrationCalculator"/>, <see cref="IPredictionModel"/>,
/// <see cref="IValueSystem"/>, <see cref="IStatePromptSerializer"/>, <see cref="IPersonalityModel"/>,
/// <see cref="IEgoDefense"/>, <see cref="INarrator"/>, <see cref="IEmotionalMemory"/>, the embedding generator and the
/// logger factory), and the agent is built. Agents are singletons: each keeps its own inner life for the lifetime of
/// the container.
/// </para>
/// <para>
/// An agent speaks through the chat client its factory returns, for <see cref="AnimaCore.ChatAsync"/>. None is
/// taken from the container by default, because the registered <see cref="IChatClient"/> is often the very
/// pipeline the agent sits in (<c>AddChatClient(…).UseAnima()</c>): the agent would depend on itself.
/// </para>
/// </remarks>
public static class AnimaServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="AnimaCore"/> as a singleton.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the agent's options.</param>
    /// <param name="chatClient">Returns the client the agent speaks through in <see cref="AnimaCore.ChatAsync"/>; none when <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
#pragma warning disable RS0026 // Two overloads with optional parameters, as M.E.AI's own extensions have: each reads naturally with a lambda of its arity.
    public static IServiceCollection AddAnima(this IServiceCollection services, Action<AnimaOptions>? configure = null, Func<IServiceProvider, IChatClient?>? chatClient = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(provider => Create(provider, configure, chatClient));
        return services;
    }

    /// <summary>Registers one <see cref="AnimaCore"/> as a singleton, its options configured with the container at hand (to read configuration or other services).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the agent's options, given the container.</param>
    /// <param name="chatClient">Returns the client the agent speaks through in <see cref="AnimaCore.ChatAsync"/>; none when <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddAnima(this IServiceCollection services, Action<IServiceProvider, AnimaOptions> configure, Func<IServiceProvider, IChatClient?>? chatClient = null)
#pragma warning restore RS0026
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(provider => Create(provider, options => configure(provider, options), chatClient));
        return services;
    }

    /// <summary>Registers an <see cref="AnimaCore"/> under a key, so that one application can hold several characters.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The agent's key; resolve it with <c>GetRequiredKeyedService&lt;AnimaCore&gt;(key)</c> or <c>[FromKeyedServices]</c>.</param>
    /// <param name="configure">Configures the agent's options.</param>
    /// <param name="chatClient">Returns the client the agent speaks through in <see cref="AnimaCore.ChatAsync"/>; none when <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="serviceKey"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddKeyedAnima(this IServiceCollection services, object serviceKey, Action<AnimaOptions>? configure = null, Func<IServiceProvider, IChatClient?>? chatClient = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(serviceKey);
        services.AddKeyedSingleton(serviceKey, (provider, _) => Create(provider, configure, chatClient));
        return services;
    }

    private static AnimaCore Create(IServiceProvider provider, Action<AnimaOptions>? configure, Func<IServiceProvider, IChatClient?>? chatClient)
    {
        var options = new AnimaOptions { TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System };
        configure?.Invoke(options);

        // Every layer the options leave open is taken from the container when one is registered there.
        options.Appraiser ??= provider.GetService<IStimulusAppraiser>();
        options.Reactor ??= provider.GetService<IReactor>();
        options.EmotionMap ??= provider.GetService<IEmotionMap>();
        options.Integration ??= provider.GetService<IIntegrationCalculator>();
        options.Prediction ??= provider.GetService<IPredictionModel>();
        options.Veto ??= provider.GetService<IValueSystem>();
        options.PromptSerializer ??= provider.GetService<IStatePromptSerializer>();
        options.PersonalityModel ??= provider.GetService<IPersonalityModel>();
        options.EgoDefense ??= provider.GetService<IEgoDefense>();
        options.Narrator ??= provider.GetService<INarrator>();
        options.Memory ??= provider.GetService<IEmotionalMemory>();
        options.Embeddings ??= provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>();
        options.LoggerFactory ??= provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>();
        // The client is resolved on the agent's first turn: a pipeline that holds this agent (UseAnima) can then be the
        // agent's own client without a cycle, and its layer lets the agent's own turns pass through (see AnimaChatClient).
        return chatClient is null ? new AnimaCore(options) : new AnimaCore(options, () => chatClient(provider));
    }
}
