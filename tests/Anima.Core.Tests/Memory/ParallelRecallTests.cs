using System.Numerics.Tensors;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Memory;

/// <summary>A recall over a large bank scanned on several threads finds exactly what one thread finds, ties included.</summary>
public sealed class ParallelRecallTests
{
    private const int Count = 50_000;
    private const int Dimensions = 32;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How the bank keeps and scans its rows: floats scanned directly, floats through the int8 index, int8 codes.</summary>
    public enum Keeping
    {
        Floats,
        Indexed,
        Codes,
    }

    private static float[] Unit(Random random)
    {
        var vector = new float[Dimensions];
        for (int d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    private static EmotionalMemoryBank Bank(Keeping keeping, int parallelism, IEnumerable<EmotionalMemory> memories)
    {
        var bank = new EmotionalMemoryBank(new MemoryOptions
        {
            QuantizeEmbeddings = keeping == Keeping.Codes,
            RecallIndexThreshold = keeping == Keeping.Floats ? 0 : MemoryOptions.DefaultRecallIndexThreshold,
            RecallParallelism = parallelism,
        });
        bank.ReplaceAll([.. memories]);
        return bank;
    }

    private static IEnumerable<(long Id, double Score, double Relevance)> Found(IEnumerable<RecalledMemory> recalled) =>
        recalled.Select(r => (r.Memory.Id, r.Score, r.Relevance));

    /// <summary>Memories of every kind of score, spread over days, so the best are scattered over all the runs.</summary>
    [Theory]
    [InlineData(Keeping.Floats)]
    [InlineData(Keeping.Indexed)]
    [InlineData(Keeping.Codes)]
    public void Recall_OnSeveralThreads_FindsWhatOneThreadFinds(Keeping keeping)
    {
        var random = new Random(7);
        var memories = Enumerable.Range(0, Count).Select(i => new EmotionalMemory(
            i + 1, "memory " + i, Start.AddMinutes(i), "Joy", new Vad(random.NextDouble() - 0.5, 0, 0), [0.5, 0.5, 0.5, 0.5], random.NextDouble(), Unit(random))).ToList();
        var one = Bank(keeping, 1, memories);
        var three = Bank(keeping, 3, memories);
        foreach (int count in new[] { 1, 10, 100 })
        {
            var cue = Unit(random);
            var now = Start.AddDays(20);
            Found(three.Recall(cue, new Vad(0.2, 0.1, 0), now, count)).Should().Equal(Found(one.Recall(cue, new Vad(0.2, 0.1, 0), now, count)));
        }
    }

    /// <summary>Memories that score exactly the same in every run: the earliest are kept, in row order, as by one scan.</summary>
    [Theory]
    [InlineData(Keeping.Floats)]
    [InlineData(Keeping.Indexed)]
    [InlineData(Keeping.Codes)]
    public void Recall_OnSeveralThreads_KeepsTheEarliestOfMemoriesThatScoreTheSame(Keeping keeping)
    {
        var random = new Random(8);
        var themes = Enumerable.Range(0, 4).Select(_ => Unit(random)).ToArray();
        var memories = Enumerable.Range(0, Count).Select(i => new EmotionalMemory(
            i + 1, "memory " + i, Start, "Joy", new Vad(0, 0, 0), [0.5, 0.5, 0.5, 0.5], 0.5, themes[i % themes.Length])).ToList();
        var one = Bank(keeping, 1, memories);
        var four = Bank(keeping, 4, memories);

        var recalled = four.Recall(themes[2], Vad.Neutral, Start, 10);

        recalled.Select(r => r.Memory.Id).Should().Equal(Enumerable.Range(0, 10).Select(i => (long)(3 + (4 * i))));
        Found(recalled).Should().Equal(Found(one.Recall(themes[2], Vad.Neutral, Start, 10)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Options_ARecallParallelismBelowOne_IsRefusedNamingIt(int parallelism)
    {
        var build = () => new EmotionalMemoryBank(new MemoryOptions { RecallParallelism = parallelism });

        build.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*RecallParallelism*");
    }
}
