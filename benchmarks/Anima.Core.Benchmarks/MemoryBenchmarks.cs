using BenchmarkDotNet.Attributes;
using System.Numerics.Tensors;

namespace Anima.Benchmarks;

/// <summary>Recall of the ten best memories out of 1k, 10k and 100k, each with a 384-dimension embedding.</summary>
[MemoryDiagnoser]
public class MemoryBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private EmotionalMemoryBank _bank = null!;
    private float[] _cue = null!;

    /// <summary>Gets or sets how many memories the bank holds.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Memories { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _bank = new EmotionalMemoryBank();
        for (int i = 0; i < Memories; i++)
        {
            _bank.Add(new EmotionalMemory(i + 1, "memory", Start.AddMinutes(i), "Joy", new Vad(random.NextDouble(), 0, 0), [0.5, 0.5, 0.5, 0.5], random.NextDouble(), Unit(random)));
        }

        _cue = Unit(random);
    }

    [Benchmark(Description = "recall top 10")]
    public IReadOnlyList<RecalledMemory> Recall() => _bank.Recall(_cue, new Vad(0.2, 0.1, 0), Start.AddDays(100), 10);

    private static float[] Unit(Random random)
    {
        var vector = new float[384];
        for (int d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
