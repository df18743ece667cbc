using BenchmarkDotNet.Attributes;

namespace Anima.Benchmarks;

/// <summary>
/// The memory of one idle agent: everything a new agent allocates is what it keeps, so the allocation
/// reported for building one is its size at rest.
/// </summary>
[MemoryDiagnoser]
public class AgentBenchmarks
{
    private readonly AnimaOptions _options = new() { Seed = 1 };

    [Benchmark(Description = "new AnimaCore (bytes of one idle agent)")]
    public AnimaCore CreateIdleAgent() => new(_options);
}
