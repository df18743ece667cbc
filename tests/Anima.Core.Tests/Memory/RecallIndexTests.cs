using System.Numerics.Tensors;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Memory;

/// <summary>The int8 index over float memories narrows a recall and finds exactly what a scan of the floats finds.</summary>
public sealed class RecallIndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static float[] Unit(Random random, int dimensions, int nonZero)
    {
        var vector = new float[dimensions];
        for (int d = 0; d < nonZero; d++)
        {
            vector[random.Next(dimensions)] += (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    /// <summary>A few themes, each memory a slight variation of one (as "my dog died (17)" is of "my dog died"), so many scores nearly tie.</summary>
    private static List<EmotionalMemory> Memories(int count, int seed, int dimensions = 384, int nonZero = 40)
    {
        var random = new Random(seed);
        var themes = Enumerable.Range(0, 5).Select(_ => Unit(random, dimensions, nonZero)).ToArray();
        var memories = new List<EmotionalMemory>(count);
        for (int i = 0; i < count; i++)
        {
            var vector = (float[])themes[i % themes.Length].Clone();
            var noise = Unit(random, dimensions, 4);
            TensorPrimitives.MultiplyAdd(noise, 0.05f, vector, vector);
            TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
            memories.Add(new EmotionalMemory(
                i + 1, "memory " + i, Start.AddSeconds(i % 7 == 0 ? i : i * 60), "Joy",
                new Vad(Math.Round(random.NextDouble() - 0.5, 1), 0, 0), [0.5, 0.5, 0.5, 0.5], Math.Round(random.NextDouble(), 1), vector));
        }

        return memories;
    }

    private static (EmotionalMemoryBank Indexed, EmotionalMemoryBank Plain) Banks(IEnumerable<EmotionalMemory> memories, MemoryOptions? options = null)
    {
        var indexed = new EmotionalMemoryBank(With(options, 1));
        var plain = new EmotionalMemoryBank(With(options, 0));
        foreach (var memory in memories)
        {
            indexed.Add(memory);
            plain.Add(memory);
        }

        return (indexed, plain);

        static MemoryOptions With(MemoryOptions? options, int threshold) => new()
        {
            RelevanceWeight = options?.RelevanceWeight ?? 1,
            RecencyWeight = options?.RecencyWeight ?? 0.25,
            ImportanceWeight = options?.ImportanceWeight ?? 0.25,
            CongruenceWeight = options?.CongruenceWeight ?? 0.25,
            RecallIndexThreshold = threshold,
        };
    }

    private static void ShouldFindTheSame(EmotionalMemoryBank indexed, EmotionalMemoryBank plain, float[] cue, int count, Vad mood, DateTimeOffset now)
    {
        var expected = plain.Recall(cue, mood, now, count);
        var actual = indexed.Recall(cue, mood, now, count);
        actual.Select(r => (r.Memory.Id, r.Score, r.Relevance, r.Recency, r.Congruence))
            .Should().Equal(expected.Select(r => (r.Memory.Id, r.Score, r.Relevance, r.Recency, r.Congruence)));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 1)]
    [InlineData(3, 3)]
    [InlineData(4, 100)]
    public void Recall_Indexed_FindsExactlyWhatTheFloatScanFinds(int seed, int count)
    {
        var memories = Memories(3_000, seed);
        var (indexed, plain) = Banks(memories);
        var random = new Random(seed + 100);
        for (int q = 0; q < 20; q++)
        {
            // Cues near a theme make the closest ties; some are a stored memory itself.
            var cue = q % 4 == 0 ? memories[random.Next(memories.Count)].Embedding.ToArray() : Unit(random, 384, 40);
            ShouldFindTheSame(indexed, plain, cue, count, new Vad(random.NextDouble() - 0.5, 0, 0), Start.AddDays(random.Next(1, 30)));
        }
    }

    [Fact]
    public void Recall_Indexed_FindsTheSameWhenRelevanceWeighsNothingOrAlone()
    {
        var memories = Memories(2_000, 7);
        var cue = memories[5].Embedding.ToArray();
        foreach (var options in new[] { new MemoryOptions { RelevanceWeight = 0 }, new MemoryOptions { RecencyWeight = 0, ImportanceWeight = 0, CongruenceWeight = 0 } })
        {
            var (indexed, plain) = Banks(memories, options);
            ShouldFindTheSame(indexed, plain, cue, 10, default, Start.AddDays(2));
        }
    }

    [Fact]
    public void Recall_Indexed_KeepsUpWithMemoriesAddedAndReplacedAfterItWasBuilt()
    {
        var memories = Memories(2_500, 8);
        var (indexed, plain) = Banks(memories.Take(2_000));
        var cue = memories[2_100].Embedding.ToArray();
        ShouldFindTheSame(indexed, plain, cue, 10, default, Start.AddDays(2));

        foreach (var memory in memories.Skip(2_000))
        {
            indexed.Add(memory);
            plain.Add(memory);
        }

        ShouldFindTheSame(indexed, plain, cue, 10, default, Start.AddDays(2));
        indexed.Recall(cue, default, Start.AddDays(2), 2_500).Single(r => r.Memory.Id == 2_101).Relevance.Should().BeApproximately(1, 1e-5, "a memory added after the index was built is scored too");

        var others = Memories(1_000, 9);
        indexed.ReplaceAll(others);
        plain.ReplaceAll(others);
        ShouldFindTheSame(indexed, plain, cue, 10, default, Start.AddDays(2));

        indexed.Clear();
        indexed.Recall(cue, default, Start, 5).Should().BeEmpty();
    }

    [Fact]
    public void Recall_Indexed_HandlesOtherWidthsAndDenseEmbeddings()
    {
        var memories = Memories(1_500, 10, dimensions: 37, nonZero: 200);
        var (indexed, plain) = Banks(memories);
        ShouldFindTheSame(indexed, plain, Unit(new Random(1), 37, 200), 20, new Vad(0.3, 0, 0), Start.AddHours(5));
    }

    [Fact]
    public void Recall_ACueThatIsNotFinite_IsRefusedNamingTheCue()
    {
        var (indexed, plain) = Banks(Memories(10, 11));
        var cue = new float[384];
        cue[3] = float.NaN;

        foreach (var bank in new[] { indexed, plain })
        {
            var recall = () => bank.Recall(cue, default, Start, 3);
            recall.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("cue");
        }
    }

    [Fact]
    public void Options_ANegativeRecallIndexThreshold_IsRefused()
    {
        var build = () => new EmotionalMemoryBank(new MemoryOptions { RecallIndexThreshold = -1 });
        build.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*RecallIndexThreshold*");
    }
}
