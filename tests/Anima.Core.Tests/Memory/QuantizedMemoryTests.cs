using System.Numerics.Tensors;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Memory;

/// <summary>The int8 bank: a quarter of the bytes for embeddings, recall within a thousandth of the floats', and saves that come back to the same codes.</summary>
public sealed class QuantizedMemoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static float[] Unit(Random random, int dimensions = 384)
    {
        var vector = new float[dimensions];
        for (int d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    private static (EmotionalMemoryBank Float, EmotionalMemoryBank Int8, float[] Cue) Banks(int count)
    {
        var random = new Random(4);
        var exact = new EmotionalMemoryBank();
        var coded = new EmotionalMemoryBank(new MemoryOptions { QuantizeEmbeddings = true });
        for (int i = 0; i < count; i++)
        {
            var memory = new EmotionalMemory(i + 1, "memory " + i, Start.AddMinutes(i), "Joy", new Vad(random.NextDouble() - 0.5, 0, 0), [0.5, 0.5, 0.5, 0.5], random.NextDouble(), Unit(random));
            exact.Add(memory);
            coded.Add(memory);
        }

        return (exact, coded, Unit(random));
    }

    [Fact]
    public void Recall_Int8_FindsWhatTheFloatsFindWithRelevanceWithinAThousandth()
    {
        var (exact, coded, cue) = Banks(2_000);

        var a = exact.Recall(cue, new Vad(0.1, 0, 0), Start.AddDays(3), 10);
        var b = coded.Recall(cue, new Vad(0.1, 0, 0), Start.AddDays(3), 10);

        b[0].Memory.Id.Should().Be(a[0].Memory.Id);
        b.Select(r => r.Memory.Id).Intersect(a.Select(r => r.Memory.Id)).Should().HaveCountGreaterThanOrEqualTo(8, "only memories whose scores are a thousandth apart may swap");
        for (int i = 0; i < a.Count; i++)
        {
            b[i].Relevance.Should().BeApproximately(exact.Recall(cue, new Vad(0.1, 0, 0), Start.AddDays(3), 2_000).Single(r => r.Memory.Id == b[i].Memory.Id).Relevance, 1e-3);
        }
    }

    [Fact]
    public void GetAll_Int8_HoldsDequantisedUnitEmbeddingsThatQuantiseBackToTheSameCodes()
    {
        var (_, coded, cue) = Banks(100);
        var first = coded.GetAll();
        first.Select(m => Math.Abs(TensorPrimitives.Norm(m.Embedding.Span) - 1)).Should().OnlyContain(d => d < 1e-3);

        var again = new EmotionalMemoryBank(new MemoryOptions { QuantizeEmbeddings = true });
        again.ReplaceAll(first);

        again.GetAll().Select(m => m.Embedding.ToArray()).Should().BeEquivalentTo(first.Select(m => m.Embedding.ToArray()), o => o.WithStrictOrdering());
        again.Recall(cue, default, Start, 3).Select(r => r.Score).Should().Equal(coded.Recall(cue, default, Start, 3).Select(r => r.Score));
    }

    [Fact]
    public async Task Agent_Int8_ExportsAndImportsExactly()
    {
        var options = () => new AnimaOptions { Seed = 2, MemoryOptions = new MemoryOptions { QuantizeEmbeddings = true } };
        var agent = new AnimaCore(options());
        await agent.RememberAsync("My dog Biscuit died last night.");
        await agent.RememberAsync("I got the job I wanted.");
        var copy = new AnimaCore(options());

        copy.ImportState(agent.ExportState());

        copy.ExportState().Should().Be(agent.ExportState());
        (await copy.RecallAsync("my dog", 1))[0].Memory.Text.Should().StartWith("My dog");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(96)]
    [InlineData(384)]
    [InlineData(1027)]
    public void Dot_OfAnyLength_IsTheExactIntegerDotProductOfItsScalarTwin(int length)
    {
        var random = new Random(length);
        for (int round = 0; round < 20; round++)
        {
            var a = new sbyte[length];
            var b = new sbyte[length];
            for (int d = 0; d < length; d++)
            {
                // The extremes every few rounds: no product or partial sum may saturate.
                (a[d], b[d]) = round % 4 == 0
                    ? ((sbyte)(d % 2 == 0 ? 127 : -127), (sbyte)(d % 3 == 0 ? -127 : 127))
                    : ((sbyte)random.Next(-127, 128), (sbyte)random.Next(-127, 128));
            }

            long expected = 0;
            for (int d = 0; d < length; d++)
            {
                expected += a[d] * b[d];
            }

            Anima.Memory.Int8Embeddings.Dot(a, b).Should().Be((int)expected, "the dot product of {0} codes is exact", length);
        }
    }
}
