using System.Globalization;
using Anima;
using Anima.Orleans.Benchmarks;
using BenchmarkDotNet.Running;

// `--figures` measures the heap per active agent (a figure BenchmarkDotNet does not give); anything else is passed to
// BenchmarkDotNet, for example `--filter *ClusterBenchmarks*`.
if (args is ["--figures"])
{
    await Figures.MemoryPerAgentAsync(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ClusterBenchmarks).Assembly).Run(args);

/// <summary>Figures measured by hand, not by BenchmarkDotNet.</summary>
internal static class Figures
{
    /// <summary>The managed heap an active agent grain holds: agents activated, each having lived a few experiences and a chat-free turn.</summary>
    public static async Task MemoryPerAgentAsync(TextWriter output)
    {
        await using var cluster = await Cluster.StartAsync(1, Saving.Memory);
        foreach (int agents in new[] { 1000, 5000 })
        {
            string prefix = $"idle-{agents}";
            await cluster.Client.GetAnima($"{prefix}-warmup").GetStateAsync();
            long before = Heap();
            for (int start = 0; start < agents; start += 250)
            {
                await Task.WhenAll(Enumerable.Range(start, Math.Min(250, agents - start)).Select(async i =>
                {
                    var agent = cluster.Client.GetAnima($"{prefix}-{i}");
                    await agent.ExperienceAsync(new Stimulus { Cohesion = 0.3 }, "Good morning, how are you?");
                    await agent.ExperienceAsync(new Stimulus { Tension = 0.4 }, "The meeting went badly.");
                    await agent.ExperienceAsync(new Stimulus { Satisfaction = 0.5 }, "But lunch was lovely.");
                }));
            }

            long after = Heap();
            int document = System.Text.Encoding.UTF8.GetByteCount(await cluster.Client.GetAnima($"{prefix}-0").ExportAsync());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{agents} active agents (hormonal, three experiences each): {(after - before) / (double)agents / 1024:0.0} KiB of managed heap per agent; its saved document {document / 1024.0:0.0} KiB"));
        }
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
