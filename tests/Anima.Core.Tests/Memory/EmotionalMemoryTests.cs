using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Memory;

public sealed class EmotionalMemoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Distractors =
    [
        "We talked about the quarterly budget and the new spreadsheet.",
        "The train to the city was late again this morning.",
        "I tried a new recipe for lentil soup with cumin.",
        "The printer on the third floor keeps jamming.",
        "Our team won the football match on Saturday.",
        "She painted the kitchen a pale shade of green.",
        "The server migration is scheduled for next week.",
        "I read a long article about ocean currents.",
        "My cousin is moving to Lisbon in the autumn.",
        "The garden needs watering twice a day in July.",
        "We argued about which film to watch on Friday.",
        "The library extended its opening hours.",
        "A new bakery opened around the corner.",
        "The meeting about hiring was moved to Thursday.",
        "I finally fixed the squeaky bicycle brake.",
        "The weather forecast promises rain all weekend.",
        "He learned to play three chords on the guitar.",
        "The invoice from the electrician arrived today.",
        "We planned a hiking trip in the mountains.",
        "The conference keynote was about compilers.",
    ];

    [Theory]
    [InlineData("I still miss my dog Rex", "My dog Rex died last spring and I miss him every day.")]
    [InlineData("how did the hiring meeting go?", "The meeting about hiring was moved to Thursday.")]
    [InlineData("that bakery near us", "A new bakery opened around the corner.")]
    [InlineData("fixing bikes", "I finally fixed the squeaky bicycle brake.")]
    public async Task Recall_FindsTheMemoryAPersonWouldExpectAmongDistractors(string cue, string expected)
    {
        var (agent, clock) = Agent();
        foreach (string text in Distractors.Append("My dog Rex died last spring and I miss him every day."))
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            agent.Experience(default, text);
            await agent.RememberAsync(text);
        }

        var recalled = await agent.RecallAsync(cue, count: 3);

        recalled.Should().HaveCount(3);
        recalled[0].Memory.Text.Should().Be(expected);
        recalled.Select(r => r.Score).Should().BeInDescendingOrder();
        recalled.Should().OnlyContain(r => r.Relevance >= 0 && r.Relevance <= 1 && r.Recency > 0 && r.Recency <= 1 && r.Congruence >= 0 && r.Congruence <= 1);
    }

    [Fact]
    public async Task Recall_IsMoodCongruent_TheMemoryMadeInThePresentMoodComesFirst()
    {
        // Relevance, recency and importance held equal, so what ranks the two memories is the mood alone.
        var options = new MemoryOptions { RecencyWeight = 0, ImportanceWeight = 0, CongruenceWeight = 1 };
        var (agent, _) = Agent(options);
        var shock = new Stimulus { Tension = 1, Arousal = 1, Satisfaction = -0.9, Cohesion = -0.5 };
        var joy = new Stimulus { Satisfaction = 0.9, Arousal = 0.5, Tension = -0.8, Cohesion = 0.6 };

        for (int i = 0; i < 6; i++)
        {
            agent.Experience(shock);
        }

        var fearful = await agent.RememberAsync("the visit to the old house");
        for (int i = 0; i < 12; i++)
        {
            agent.Experience(joy);
        }

        var happy = await agent.RememberAsync("the visit to the old garden");

        var inJoy = agent.Memory.Recall(Embed("the visit"), agent.State.Vad, Start, 2);
        for (int i = 0; i < 12; i++)
        {
            agent.Experience(shock);
        }

        var inFear = agent.Memory.Recall(Embed("the visit"), agent.State.Vad, Start, 2);

        fearful.Feeling.Valence.Should().BeLessThan(happy.Feeling.Valence);
        inJoy[0].Memory.Id.Should().Be(happy.Id);
        inFear[0].Memory.Id.Should().Be(fearful.Id);
        double shift = inFear.Single(r => r.Memory.Id == fearful.Id).Congruence - inJoy.Single(r => r.Memory.Id == fearful.Id).Congruence;
        shift.Should().BeGreaterThan(0.2, "the same memory fits a fearful mood much better than a joyful one");
    }

    [Fact]
    public async Task Recall_AThousandNeutralMessagesAfterAFrighteningMemory_DoNotHoldTensionHigh()
    {
        var (agent, clock) = Agent();
        for (int i = 0; i < 5; i++)
        {
            agent.Experience(new Stimulus { Tension = 1, Arousal = 0.9, Satisfaction = -0.8 }, "There was a fire in the building and we barely got out!");
        }

        await agent.RememberAsync("There was a fire in the building and we barely got out!");
        agent.State.GetLevel("tension").Should().BeGreaterThan(0.7);

        double highest = 0;
        for (int i = 0; i < 1000; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(20));
            agent.Experience(default, "Okay, noted. The building report is on the table.");
            var recalled = await agent.RecallAsync("the building report", count: 1);
            recalled.Should().ContainSingle("the only memory keeps coming back");
            if (i >= 500)
            {
                highest = Math.Max(highest, agent.State.GetLevel("tension"));
            }
        }

        double baseline = agent.State.Reactors.Single(r => r.Channel == "tension").Baseline;
        highest.Should().BeLessThan(baseline + 0.15, "an echo is small and is not remembered, so it cannot feed itself");
        agent.Memory.Count.Should().Be(1);
    }

    [Fact]
    public async Task Memories_SurviveExportAndImportExactly()
    {
        var (agent, clock) = Agent();
        for (int i = 0; i < 25; i++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            agent.Experience(new Stimulus { Tension = (i % 5) / 5.0 }, Distractors[i % Distractors.Length]);
            await agent.RememberAsync(Distractors[i % Distractors.Length]);
        }

        string json = agent.ExportState();
        var (copy, copyClock) = Agent();
        copyClock.SetUtcNow(clock.GetUtcNow());
        copy.ImportState(json);

        copy.ExportState().Should().Be(json);
        copy.Memory.GetAll().Select(m => (m.Id, m.Text, m.Importance)).Should().Equal(agent.Memory.GetAll().Select(m => (m.Id, m.Text, m.Importance)));
        (await copy.RecallAsync("budget spreadsheet")).Select(r => r.Memory.Id).Should().Equal((await agent.RecallAsync("budget spreadsheet")).Select(r => r.Memory.Id));
        (await copy.RememberAsync("one more")).Id.Should().Be(26);
    }

    [Fact]
    public async Task Reset_ForgetsEveryMemory()
    {
        var (agent, _) = Agent();
        await agent.RememberAsync("something to forget");

        agent.Reset();

        agent.Memory.Count.Should().Be(0);
        (await agent.RememberAsync("a new beginning")).Id.Should().Be(1);
    }

    [Fact]
    public async Task AnyEmbeddingGenerator_PlugsIn_AndItsVectorsAreNormalised()
    {
        var generator = new FixedGenerator();
        var agent = new AnimaCore(new AnimaOptions { Seed = 1, Embeddings = generator, TimeProvider = new FakeTimeProvider(Start) });

        var memory = await agent.RememberAsync("anything");
        var recalled = await agent.RecallAsync("anything else");

        generator.Calls.Should().Be(2);
        System.Numerics.Tensors.TensorPrimitives.Norm(memory.Embedding.Span).Should().BeApproximately(1, 1e-6f);
        recalled.Single().Relevance.Should().BeApproximately(1, 1e-6);
    }

    [Fact]
    public async Task ReplaceAll_KeepsTheNewMemoriesInOneStep_OrNoneWhenOneDoesNotFit()
    {
        var (agent, clock) = Agent();
        var memories = new List<EmotionalMemory>();
        for (int i = 0; i < 100; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            memories.Add(await agent.RememberAsync(i % 10 == 0 ? "My dog Rex died last spring" : Distractors[i % Distractors.Length]));
        }

        var bank = new EmotionalMemoryBank();
        bank.ReplaceAll(memories);
        var cue = (await new HashingEmbeddingGenerator().GenerateAsync(["I miss my dog"]))[0].Vector;
        bank.Recall(cue.Span, default, clock.GetUtcNow(), 10).Select(r => r.Memory.Id)
            .Should().Equal(agent.Memory.Recall(cue.Span, default, clock.GetUtcNow(), 10).Select(r => r.Memory.Id));

        var broken = memories.ToList();
        broken[57] = broken[57] with { Embedding = new float[broken[57].Embedding.Length] };
        bank.Invoking(b => b.ReplaceAll(broken)).Should().Throw<ArgumentException>().WithMessage("*memory 58*unit length*");
        bank.GetAll().Select(m => m.Id).Should().Equal(memories.Select(m => m.Id), "a refused replacement leaves the bank as it was");
        bank.Invoking(b => b.ReplaceAll([memories[1], memories[0]])).Should().Throw<ArgumentException>().WithMessage("*not above*");
        bank.Count.Should().Be(100);

        bank.ReplaceAll([]);
        bank.Count.Should().Be(0);
        bank.Add(memories[0]);
        bank.GetAll().Should().ContainSingle().Which.Should().BeEquivalentTo(memories[0], o => o.Excluding(m => m.Embedding));
        bank.GetAll()[0].Embedding.ToArray().Should().Equal(memories[0].Embedding.ToArray());
    }

    [Fact]
    public async Task BadInput_IsRefused()
    {
        var (agent, _) = Agent();

        await agent.Invoking(a => a.RememberAsync(" ")).Should().ThrowAsync<ArgumentException>();
        await agent.Invoking(a => a.RecallAsync("cue", 0)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        (await agent.RecallAsync("nothing remembered yet")).Should().BeEmpty();
        FluentActions.Invoking(() => new AnimaCore(new AnimaOptions { MemoryOptions = new MemoryOptions { EchoStrength = 0.9 } }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*EchoStrength*");
        FluentActions.Invoking(() => new AnimaCore(new AnimaOptions { MemoryOptions = new MemoryOptions { RelevanceWeight = double.NaN } }))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*RelevanceWeight*");

        var bank = new EmotionalMemoryBank();
        var first = await agent.RememberAsync("first");
        bank.Add(first);
        bank.Invoking(b => b.Add(first)).Should().Throw<ArgumentException>().WithMessage("*not above*");
        bank.Invoking(b => b.Add(first with { Id = 9, Embedding = new float[] { 3, 4 } })).Should().Throw<ArgumentException>().WithMessage("*unit length*");
        bank.Invoking(b => b.Recall(new float[7], default, Start, 1)).Should().Throw<ArgumentException>().WithMessage("*7 dimensions*");
    }

    [Fact]
    public async Task HashingEmbeddings_AreDeterministicUnitLengthAndCloserForRelatedTexts()
    {
        using var generator = new HashingEmbeddingGenerator();
        var vectors = await generator.GenerateAsync(["My dog died.", "I miss my dog so much.", "Quarterly budget spreadsheet review."]);

        vectors.Should().HaveCount(3);
        foreach (var vector in vectors)
        {
            vector.Vector.Length.Should().Be(384);
            System.Numerics.Tensors.TensorPrimitives.Norm(vector.Vector.Span).Should().BeApproximately(1, 1e-5f);
        }

        float related = System.Numerics.Tensors.TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[1].Vector.Span);
        float unrelated = System.Numerics.Tensors.TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[2].Vector.Span);
        related.Should().BeGreaterThan(unrelated + 0.2f);
        generator.Embed("My dog died.").Should().Equal(vectors[0].Vector.ToArray());
        generator.Embed(string.Empty).Should().HaveCount(384);
        generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions.Should().Be(384);
        FluentActions.Invoking(() => new HashingEmbeddingGenerator(8)).Should().Throw<ArgumentOutOfRangeException>();
    }

    private static float[] Embed(string text) => new HashingEmbeddingGenerator().Embed(text);

    private static (AnimaCore Agent, FakeTimeProvider Clock) Agent(MemoryOptions? options = null)
    {
        var clock = new FakeTimeProvider(Start);
        return (new AnimaCore(new AnimaOptions { Seed = 3, MemoryOptions = options, TimeProvider = clock }), clock);
    }

    /// <summary>A stand-in for a model's embedding generator: the same unnormalised vector for every text.</summary>
    private sealed class FixedGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Calls { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(new float[] { 3, 4, 0, 0 }))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
