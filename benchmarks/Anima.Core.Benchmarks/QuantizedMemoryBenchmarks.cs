using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Anima.Benchmarks;

/// <summary>Recall of the ten best memories out of 100k and 1M kept as int8 codes (<see cref="MemoryOptions.QuantizeEmbeddings"/>), 384 dimensions, on one thread and on all.</summary>
[MemoryDiagnoser]
public class QuantizedMemoryBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private EmotionalMemoryBank _bank = null!;
    private float[] _cue = null!;

    /// <summary>Gets or sets how many memories the bank holds.</summary>
    [Params(100_000, 1_000_000)]
    public int Memories { get; set; }

    /// <summary>Gets or sets the most threads a recall scans with (<see cref="MemoryOptions.RecallParallelism"/>).</summary>
    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }

    /// <summary>One thread, and every core of this machine.</summary>
    public static IEnumerable<int> ThreadCounts => new[] { 1, Environment.ProcessorCount }.Distinct();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _bank = new EmotionalMemoryBank(new MemoryOptions { QuantizeEmbeddings = true, RecallParallelism = Threads });
        double[] levels = [0.5, 0.5, 0.5, 0.5];
        var vector = new float[384];
        for (int i = 0; i < Memories; i++)
        {
            Unit(random, vector);
            _bank.Add(new EmotionalMemory(i + 1, "memory", Start.AddMinutes(i), "Joy", new Vad(random.NextDouble(), 0, 0), levels, random.NextDouble(), vector));
        }

        _cue = new float[384];
        Unit(random, _cue);
    }

    [Benchmark(Description = "int8 recall top 10")]
    public IReadOnlyList<RecalledMemory> Recall() => _bank.Recall(_cue, new Vad(0.2, 0.1, 0), Start.AddDays(100), 10);

    private static void Unit(Random random, float[] vector)
    {
        for (int d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
    }
}
