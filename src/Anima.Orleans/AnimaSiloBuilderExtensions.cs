using Anima;
using Anima.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Orleans.Hosting;

/// <summary>Hosts Anima agents as grains in a silo.</summary>
public static class AnimaSiloBuilderExtensions
{
    /// <summary>
    /// Hosts agent grains (<see cref="IAnimaGrain"/>) in this silo. The host also registers the grain storage named by
    /// <see cref="AnimaGrainOptions.StorageName"/>, the stream provider named by <see cref="AnimaGrainOptions.StreamProvider"/>
    /// (unless it is <see langword="null"/>) and a reminder service (unless <see cref="AnimaGrainOptions.HeartbeatPeriod"/> is
    /// <see langword="null"/>); the silo refuses to start, naming what is missing, when one of them is not there.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Configures the grains' options.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ISiloBuilder AddAnima(this ISiloBuilder builder, Action<AnimaGrainOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AnimaGrainOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddSingleton<AnimaAgentFactory>();
        builder.Services.AddSingleton<IConfigurationValidator, AnimaGrainOptionsValidator>();
        return builder;
    }

    /// <summary>
    /// Registers grain storage named <paramref name="name"/> on an Anima store, so agents are saved as they are outside
    /// Orleans (memories, people, conversation, journal). Every silo must reach the same store: a <see cref="SqliteAnimaStore"/>
    /// file serves the silos of one machine and tests; a cluster of machines needs a store they share.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The storage's name (<see cref="AnimaGrainOptions.StorageName"/>).</param>
    /// <param name="store">Returns the store, given the silo's services; called once.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="store"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static ISiloBuilder AddAnimaStoreGrainStorage(this ISiloBuilder builder, string name, Func<IServiceProvider, IAnimaStore> store)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(store);
        builder.Services.TryAddSingleton<AnimaAgentFactory>();
        builder.Services.AddGrainStorage(name, (services, _) =>
            new AnimaStoreGrainStorage(store(services) ?? throw new InvalidOperationException($"The store factory of Anima grain storage '{name}' returned null."), services.GetRequiredService<AnimaAgentFactory>()));
        return builder;
    }
}

/// <summary>Checks the grains' options when the silo starts, naming the option or the missing provider.</summary>
internal sealed class AnimaGrainOptionsValidator(IOptions<AnimaGrainOptions> options, IServiceProvider services, IOptions<ReminderOptions> reminders) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.StorageName))
        {
            throw new OrleansConfigurationException("AnimaGrainOptions.StorageName must name a grain storage provider; it is empty.");
        }

        if (services.GetKeyedService<IGrainStorage>(o.StorageName) is null)
        {
            throw new OrleansConfigurationException($"AnimaGrainOptions.StorageName is '{o.StorageName}', but no grain storage of that name is registered: add one, for example siloBuilder.AddMemoryGrainStorage(\"{o.StorageName}\") or siloBuilder.AddAnimaStoreGrainStorage(\"{o.StorageName}\", …).");
        }

        if (o.StreamProvider is { } provider && (string.IsNullOrWhiteSpace(provider) || services.GetKeyedService<Streams.IStreamProvider>(provider) is null))
        {
            throw new OrleansConfigurationException($"AnimaGrainOptions.StreamProvider is '{provider}', but no stream provider of that name is registered: add one (for example siloBuilder.AddMemoryStreams(\"{provider}\")), or set StreamProvider to null to publish nothing.");
        }

        if (o.SaveEvery < 0)
        {
            throw new OrleansConfigurationException($"AnimaGrainOptions.SaveEvery must be 0 (save on deactivation only) or more; it is {o.SaveEvery}.");
        }

        if (o.HeartbeatPeriod is { } period)
        {
            if (period < reminders.Value.MinimumReminderPeriod || period <= TimeSpan.Zero)
            {
                throw new OrleansConfigurationException($"AnimaGrainOptions.HeartbeatPeriod is {period}, below Orleans' minimum reminder period ({reminders.Value.MinimumReminderPeriod}, ReminderOptions.MinimumReminderPeriod); lengthen it, lower the minimum, or set it to null for no heartbeat.");
            }

            if (services.GetService<IReminderService>() is null)
            {
                throw new OrleansConfigurationException("AnimaGrainOptions.HeartbeatPeriod is set, but no reminder service is registered: add one (for example siloBuilder.UseInMemoryReminderService()), or set HeartbeatPeriod to null for no heartbeat.");
            }
        }
    }
}
