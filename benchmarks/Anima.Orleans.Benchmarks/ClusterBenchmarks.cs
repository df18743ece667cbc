using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Anima.Orleans.Benchmarks;

/// <summary>
/// Agent grains on an in-process cluster of two silos: one turn on a warm agent (with and without saving it), many
/// experiences across the cluster at once, and the activation of new agents.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ClusterBenchmarks
{
    private const int Agents = 200;
    private const int Burst = 2000;
    private const int NewAgents = 1000;
    private static readonly Stimulus Warmth = new() { Cohesion = 0.3, Satisfaction = 0.2 };
    private Cluster _cluster = null!;
    private IAnimaGrain[] _agents = [];
    private int _generation;

    /// <summary>Where agents are saved after each turn.</summary>
    [Params(Saving.None, Saving.Memory, Saving.Sqlite)]
    public Saving Saving { get; set; }

    [GlobalSetup]
    public async Task StartAsync()
    {
        _cluster = await Cluster.StartAsync(2, Saving);
        _agents = Enumerable.Range(0, Agents).Select(i => _cluster.Client.GetAnima($"warm-{i}")).ToArray();
        await Task.WhenAll(_agents.Select(a => a.ExperienceAsync(Warmth)));
    }

    [GlobalCleanup]
    public async Task StopAsync() => await _cluster.DisposeAsync();

    /// <summary>One experience on one warm agent, awaited: the latency of a turn (saved, for Memory and Sqlite).</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public async Task OneTurn()
    {
        for (int i = 0; i < 20; i++)
        {
            await _agents[0].ExperienceAsync(Warmth);
        }
    }

    /// <summary>Two thousand experiences at once over two hundred agents on both silos: per experience, the inverse of the throughput.</summary>
    [Benchmark(OperationsPerInvoke = Burst)]
    public Task ExperiencesAcrossTheCluster() =>
        Task.WhenAll(Enumerable.Range(0, Burst).Select(i => _agents[i % Agents].ExperienceAsync(Warmth)));

    /// <summary>A thousand new agents activated at once (each read from storage and built): per activation.</summary>
    [Benchmark(OperationsPerInvoke = NewAgents)]
    public Task Activations()
    {
        int generation = Interlocked.Increment(ref _generation);
        return Task.WhenAll(Enumerable.Range(0, NewAgents).Select(i => _cluster.Client.GetAnima($"new-{generation}-{i}").GetStateAsync()));
    }
}
