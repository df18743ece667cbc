using System.Collections.Concurrent;
using System.Net;
using Anima;
using Anima.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using TwoAgents;

// Two silos and a client in one process, offline: agents are Orleans grains, saved in one SQLite file, woken by
// reminders. A person talks to Ada; Ada and Bram talk across silos; everyone sleeps; a day passes; each wakes lonely
// and reaches out first.
var clock = new SceneClock(new DateTimeOffset(2026, 12, 2, 18, 0, 0, TimeSpan.Zero));
string database = Path.Combine(Path.GetTempPath(), $"anima-cluster-{Guid.NewGuid():N}.db");
var voice = new InnerVoiceChatClient();
var cast = new Dictionary<string, (string Name, Personality Personality)>
{
    ["ada"] = ("Ada", new Personality { Agreeableness = 0.85, Extraversion = 0.75, Neuroticism = 0.25, Openness = 0.7 }),
    ["bram"] = ("Bram", new Personality { Agreeableness = 0.3, Extraversion = 0.3, Neuroticism = 0.8, Conscientiousness = 0.7 }),
    ["cleo"] = ("Cleo", new Personality { Extraversion = 0.9, Openness = 0.8 }),
};

IHost Silo(int n)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.UseOrleans(silo =>
    {
        silo.UseLocalhostClustering(siloPort: 11111 + n, gatewayPort: 30000 + n, primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, 11111));
        silo.AddAnima(options =>
        {
            options.HeartbeatPeriod = TimeSpan.FromSeconds(1);
            options.ConfigureAgent = (_, id, agent) =>
            {
                agent.TimeProvider = clock;
                agent.Profile = ChannelProfile.Hormonal;
                agent.Personality = cast[id].Personality;
                agent.Instructions = $"You are {cast[id].Name}.";
            };
            options.ChatClient = (_, _) => voice;
        });
        silo.AddAnimaStoreGrainStorage("anima", _ => new SqliteAnimaStore(database));
        silo.AddMemoryStreams(AnimaGrainOptions.DefaultStreamProviderName).AddMemoryGrainStorage("PubSubStore");
        silo.UseInMemoryReminderService();
        silo.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    });
    return builder.Build();
}

Console.WriteLine("Two silos and a client in one process; each agent is a grain. No network, no key.");
using var first = Silo(0);
using var second = Silo(1);
await first.StartAsync();
await second.StartAsync();
var clientBuilder = Host.CreateApplicationBuilder();
clientBuilder.Logging.ClearProviders();
clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering([30000, 30001]).AddMemoryStreams(AnimaGrainOptions.DefaultStreamProviderName));
using var clientHost = clientBuilder.Build();
await clientHost.StartAsync();
var cluster = clientHost.Services.GetRequiredService<IClusterClient>();
var management = cluster.GetGrain<IManagementGrain>(0);
var sam = new Person("sam", "Sam");

Console.WriteLine();
Console.WriteLine("Sam talks to Ada.");
var ada = cluster.GetAnima("ada");
foreach (string line in new[] { "Hi Ada, I'm Sam. I just got the job I wanted!", "I was so nervous at the interview, but they loved my work." })
{
    Console.WriteLine($"  Sam:  {line}");
    var reply = await ada.ChatAsync(line, sam);
    Console.WriteLine($"  Ada ({reply.State.Expressed}): {reply.Text}");
}

Console.WriteLine();
var bram = cluster.GetAnima("bram");
await bram.GetStateAsync();
Console.WriteLine($"Ada lives on silo {await management.GetActivationAddress(ada)}, Bram on {await management.GetActivationAddress(bram)}; they talk by grain calls.");
var said = await ada.TalkWithAsync("bram", 4, "Hello Bram! Sam just told me wonderful news, and I am so happy for him.");
foreach (var turn in said)
{
    Console.WriteLine($"  {cast[turn.AgentId].Name} ({turn.State.Expressed}): {turn.Text}");
}

var cleo = cluster.GetAnima("cleo");
var reply2 = await cleo.ChatAsync("Hello Cleo, nice to meet you. Talk soon!", sam);
Console.WriteLine();
Console.WriteLine($"Sam says hello to Cleo; she answers ({reply2.State.Expressed}): {reply2.Text}");

var initiatives = new ConcurrentDictionary<string, AnimaInitiative>();
foreach (string id in cast.Keys)
{
    await cluster.SubscribeToInitiativeAsync(id, initiative =>
    {
        initiatives.TryAdd(initiative.AgentId, initiative);
        return Task.CompletedTask;
    });
}

Console.WriteLine();
Console.WriteLine("Everyone is put to sleep (their grains deactivated), and a day passes.");
await management.ForceActivationCollection(TimeSpan.Zero);
clock.Advance(TimeSpan.FromDays(1));
var deadline = DateTime.UtcNow.AddSeconds(30);
while (initiatives.Count < cast.Count && DateTime.UtcNow < deadline)
{
    await Task.Delay(200);
}

foreach (var (id, initiative) in initiatives.OrderBy(p => p.Key, StringComparer.Ordinal))
{
    string to = initiative.PersonId is { } person ? cast.TryGetValue(person, out var them) ? them.Name : "Sam" : "no one in particular";
    Console.WriteLine($"  {cast[id].Name}'s reminder wakes the grain: \"{initiative.Desire}\" {cast[id].Name} writes to {to}: {initiative.Message}");
}

Console.WriteLine();
foreach (string id in cast.Keys)
{
    var known = await cluster.GetAnima(id).GetRelationshipsAsync();
    Console.WriteLine($"{cast[id].Name} knows {string.Join(", ", known.Select(r => r.Name ?? (cast.TryGetValue(r.PersonId, out var c) ? c.Name : r.PersonId)))}.");
}

await clientHost.StopAsync();
await second.StopAsync();
await first.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (string file in new[] { database, database + "-wal", database + "-shm" })
{
    File.Delete(file);
}

Console.WriteLine(initiatives.Count == cast.Count ? "The scene is over." : $"Only {initiatives.Count} of {cast.Count} agents reached out in time.");
return initiatives.Count == cast.Count ? 0 : 1;

/// <summary>The scene's clock, moved by hand, so a run tells the same story each time.</summary>
internal sealed class SceneClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
