using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace Anima.Orleans.Benchmarks;

/// <summary>Where a benchmark's agents are saved.</summary>
public enum Saving
{
    /// <summary>Not after each turn (<c>SaveEvery = 0</c>): the cost of the grain call and the agent alone.</summary>
    None,

    /// <summary>Orleans' memory grain storage: the agent's document exported and stored after each turn.</summary>
    Memory,

    /// <summary>An Anima store on one SQLite file: the live agent saved after each turn.</summary>
    Sqlite,
}

/// <summary>An in-process cluster of agent grains for the benchmarks, its agents on the hormonal profile.</summary>
internal sealed class Cluster : IAsyncDisposable
{
    private readonly string _database;

    private Cluster(InProcessTestCluster host, string database) => (Host, _database) = (host, database);

    public InProcessTestCluster Host { get; }

    public IClusterClient Client => Host.Client;

    public static async Task<Cluster> StartAsync(short silos, Saving saving)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        string database = Path.Combine(Path.GetTempPath(), $"anima-bench-{Guid.NewGuid():N}.db");
        builder.ConfigureSiloHost((_, host) => host.Logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAnima(options =>
            {
                options.StreamProvider = null;
                options.HeartbeatPeriod = null;
                options.SaveEvery = saving == Saving.None ? 0 : 1;
                options.ConfigureAgent = (_, _, agent) => agent.Profile = ChannelProfile.Hormonal;
            });
            if (saving == Saving.Sqlite)
            {
                silo.AddAnimaStoreGrainStorage("anima", _ => new SqliteAnimaStore(database));
            }
            else
            {
                silo.AddMemoryGrainStorage("anima");
            }
        });
        var host = builder.Build();
        await host.DeployAsync();
        return new Cluster(host, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (string file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
