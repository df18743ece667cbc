using Anima;
using Anima.DependencyInjection;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Anima agents whose options come from configuration.</summary>
/// <remarks>
/// <para>
/// The section holds the options that are values: <c>Name</c>, <c>Seed</c>, <c>Instructions</c>, <c>Profile</c>
/// (<c>"Default"</c> or <c>"Hormonal"</c>), <c>HistoryTokenBudget</c>, <c>BaseOutputTokens</c>, <c>MaxImportBytes</c>,
/// <c>EventJournalCapacity</c>, <c>Personality:{Openness…Neuroticism}</c>, <c>Values:{Care…Growth}</c> and
/// <c>Memory:{…}</c> (the <see cref="MemoryOptions"/>). Layers, the clock and the logger come from the container as with
/// <c>AddAnima</c>.
/// </para>
/// <para>
/// The section is read and checked when this method is called, at the application's start: a key that is not an option
/// (a typo such as <c>Personalty</c>), a value that does not parse or a number out of range throws an
/// <see cref="InvalidOperationException"/> that names the key's full path (<c>Anima:Personality:Neuroticism</c>).
/// Reading needs no reflection, so it works trimmed and under Native AOT.
/// </para>
/// </remarks>
public static class AnimaConfigurationServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="AnimaCore"/> as a singleton, its options read from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, for example <c>builder.Configuration.GetSection("Anima")</c>.</param>
    /// <param name="chatClient">Returns the client the agent speaks through; none when <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The section holds a key that is not an option or a value the option does not take.</exception>
    public static IServiceCollection AddAnima(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IChatClient?>? chatClient = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddAnima(AnimaConfiguration.Read(configuration), chatClient);
    }

    /// <summary>Registers an <see cref="AnimaCore"/> under a key, its options read from a configuration section: one section per character.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The agent's key.</param>
    /// <param name="configuration">The section, for example <c>builder.Configuration.GetSection("Agents:Ada")</c>.</param>
    /// <param name="chatClient">Returns the client the agent speaks through; none when <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="serviceKey"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The section holds a key that is not an option or a value the option does not take.</exception>
    public static IServiceCollection AddKeyedAnima(this IServiceCollection services, object serviceKey, IConfiguration configuration, Func<IServiceProvider, IChatClient?>? chatClient = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(serviceKey);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddKeyedAnima(serviceKey, AnimaConfiguration.Read(configuration), chatClient);
    }
}
