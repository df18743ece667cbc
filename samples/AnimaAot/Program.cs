using System.Runtime.CompilerServices;
using Anima;
using Microsoft.Extensions.AI;

// An agent with memories, people and a conversation is saved to SQLite, loaded into a new agent, exported and imported
// again, and the same state is printed at each step. Run it as published with Native AOT (`dotnet publish -c Release`
// then the executable) and as a plain build: both print the same lines. Offline, no key.
var clock = new FixedClock(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
AnimaCore Build() => new(new AnimaOptions { Seed = 9, Profile = ChannelProfile.Hormonal, TimeProvider = clock }, new Echo());

var agent = Build();
await agent.ChatAsync(new Person("sam", "Sam"), "My grandmother passed away last night. I miss her so much.");
await agent.ChatAsync(new Person("sam", "Sam"), "Thank you for listening. You are a good friend.");
await agent.RememberAsync("Sam's grandmother taught her to bake bread.");
agent.Experience(new Stimulus { Satisfaction = 0.4 }, "The sun came out this afternoon.");
Console.WriteLine($"lived:    {Describe(agent)}");

string path = Path.Combine(Path.GetTempPath(), $"anima-aot-{Guid.NewGuid():N}.db");
try
{
    var store = new SqliteAnimaStore(path);
    await agent.SaveAsync(store, "ada");
    var loaded = Build();
    await loaded.LoadAsync(store, "ada");
    Console.WriteLine($"loaded:   {Describe(loaded)}");

    var imported = Build();
    imported.ImportState(loaded.ExportState());
    Console.WriteLine($"imported: {Describe(imported)}");
    bool same = imported.ExportState() == agent.ExportState() && loaded.ExportState() == agent.ExportState();
    Console.WriteLine(same ? "The saved, loaded, exported and imported agents are the same agent." : "The agents differ.");
    return same ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (string file in new[] { path, path + "-wal", path + "-shm" })
    {
        File.Delete(file);
    }
}

static string Describe(AnimaCore agent)
{
    var sam = agent.People.Get("sam");
    return $"{agent.State.ExperienceCount} experiences, feels {agent.State.Primary.ToLowerInvariant()}, {agent.Memory.Count} memories, " +
        $"{agent.People.GetHistory("sam").Count} messages with {sam?.Name} (warmth {sam?.Warmth:+0.00;-0.00})";
}

/// <summary>A clock that does not move, so each run is the same.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>An offline speaker that answers kindly.</summary>
internal sealed class Echo : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "I'm here with you, and I'm glad you told me.")));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
