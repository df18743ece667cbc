using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace Anima.Benchmarks;

/// <summary>
/// The figures of a long life that a benchmark cannot take (one run each, printed): the memory of an agent after a
/// hundred one-megabyte messages, the size of a store after a million experiences with the default retention, and
/// the time to save and load an agent of 100,000 memories. Run with <c>-- --figures</c>.
/// </summary>
internal static class Figures
{
    /// <summary>Prints how many bytes a memory of 384 dimensions takes in the default bank, with float embeddings (before and after the recall index is built) and with int8 embeddings.</summary>
    public static void BytesPerMemory()
    {
        foreach (bool quantized in new[] { false, true })
        {
            const int Count = 100_000;
            var random = new Random(1);
            var vector = new float[384];
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var bank = new EmotionalMemoryBank(new MemoryOptions { QuantizeEmbeddings = quantized });
            for (int i = 0; i < Count; i++)
            {
                for (int d = 0; d < vector.Length; d++)
                {
                    vector[d] = (float)((random.NextDouble() * 2) - 1);
                }

                System.Numerics.Tensors.TensorPrimitives.Divide(vector, System.Numerics.Tensors.TensorPrimitives.Norm(vector), vector);
                bank.Add(new EmotionalMemory(i + 1, "They told me about their day at work.", DateTimeOffset.UnixEpoch.AddMinutes(i), "Joy", new Vad(0.2, 0.1, 0), [0.5, 0.5, 0.5, 0.5], 0.5, vector.ToArray()));
            }

            long after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"bytes per memory ({(quantized ? "int8" : "float")} embeddings of 384 dimensions, a 37-character text, four levels): {(after - before) / (double)Count:F0}");
            if (!quantized)
            {
                // The first recall over MemoryOptions.RecallIndexThreshold float memories or more builds the int8 index.
                bank.Recall(vector, default, DateTimeOffset.UnixEpoch, 10);
                after = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine($"bytes per memory (the same, with the recall index a first recall builds): {(after - before) / (double)Count:F0}");
            }

            GC.KeepAlive(bank);
        }
    }

    public static async Task RunAsync()
    {
        string folder = Directory.CreateTempSubdirectory("anima-figures-").FullName;
        try
        {
            BytesPerMemory();
            await HundredMegabyteMessages();
            await MillionExperiences(Path.Combine(folder, "million.db"));
            await HundredThousandMemories(Path.Combine(folder, "memories.db"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task HundredMegabyteMessages()
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var agent = new AnimaCore(new AnimaOptions { Seed = 1 }, new EchoClient());
        string megabyte = new('a', 1 << 20);
        for (int i = 0; i < 100; i++)
        {
            await agent.ChatAsync(megabyte);
        }

        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(agent);
        Console.WriteLine($"agent after 100 one-megabyte messages (chat turns, each with a one-megabyte reply): {(after - before) / 1024.0 / 1024.0:F2} MiB retained");
    }

    private static async Task MillionExperiences(string path)
    {
        var store = new SqliteAnimaStore(path);
        var agent = new AnimaCore(new AnimaOptions { Seed = 1 });
        var random = new Random(1);
        var clock = Stopwatch.StartNew();
        for (int i = 1; i <= 1_000_000; i++)
        {
            agent.Experience(new Stimulus { Tension = (random.NextDouble() * 2) - 1, Satisfaction = (random.NextDouble() * 2) - 1 });
            if (i % 200 == 0)
            {
                await store.SaveAsync("long-life", agent);
            }
        }

        SqliteConnection.ClearAllPools();
        long bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        int events = (await store.ReadEventsAsync("long-life")).Count;
        Console.WriteLine($"store after 1,000,000 experiences saved every 200 (default retention): {bytes / 1024.0 / 1024.0:F2} MiB with its log, {events} events kept, {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task HundredThousandMemories(string path)
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 1 });
        for (int i = 0; i < 100_000; i++)
        {
            await agent.RememberAsync($"memory number {i} of a long and eventful life");
        }

        var store = new SqliteAnimaStore(path);
        var clock = Stopwatch.StartNew();
        await store.SaveAsync("many", agent);
        var saved = clock.Elapsed;
        var copy = new AnimaCore(new AnimaOptions { Seed = 1 });
        clock.Restart();
        await store.LoadAsync("many", copy);
        var loaded = clock.Elapsed;
        Console.WriteLine($"100,000 memories: first save {saved.TotalMilliseconds:F0} ms, load {loaded.TotalMilliseconds:F0} ms, file {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB (+ log)");
    }

    /// <summary>A provider that answers each message with itself: the longest reply a turn can have.</summary>
    private sealed class EchoClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, messages.Last().Text)));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The figures use GetResponseAsync only.");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
