using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;
using Xunit;

namespace Anima.Orleans.Tests.Support;

/// <summary>
/// An in-process cluster of three silos hosting agent grains, saved in one SQLite Anima store that all silos share (as
/// the silos of one machine would), with memory streams and in-memory reminders. Agents live on a clock the test moves.
/// </summary>
public class AnimaClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Epoch = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Epoch);

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"anima-cluster-{Guid.NewGuid():N}.db");

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The agents' heartbeat; none by default, so nothing moves an agent but the test.</summary>
    protected virtual TimeSpan? Heartbeat => null;

    /// <summary>Whether agents publish their events; not by default (see <see cref="AnimaGrainOptions.PublishEvents"/>).</summary>
    protected virtual bool PublishEvents => false;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAnima(options =>
            {
                options.HeartbeatPeriod = Heartbeat;
                options.PublishEvents = PublishEvents;
                options.ConfigureAgent = (_, _, agent) =>
                {
                    agent.TimeProvider = Clock;
                    agent.Profile = ChannelProfile.Hormonal;
                };
                // "voiceless-…" agents have no chat client; "hoarse-…" agents have one that always fails.
                options.ChatClient = (_, id) => id.StartsWith("voiceless", StringComparison.Ordinal) ? null
                    : id.StartsWith("hoarse", StringComparison.Ordinal) ? new LineChatClient(id) { Fails = true }
                    : new LineChatClient(id);
            });
            silo.AddAnimaStoreGrainStorage("anima", _ => new SqliteAnimaStore(DatabasePath));
            silo.AddMemoryStreams(AnimaGrainOptions.DefaultStreamProviderName);
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(r => r.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(AnimaGrainOptions.DefaultStreamProviderName));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await Cluster.WaitForLivenessToStabilizeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (string file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The same cluster with a heartbeat every second (Orleans' minimum lowered to one) and events published.</summary>
public sealed class HeartbeatClusterFixture : AnimaClusterFixture
{
    protected override TimeSpan? Heartbeat => TimeSpan.FromSeconds(1);

    protected override bool PublishEvents => true;
}
