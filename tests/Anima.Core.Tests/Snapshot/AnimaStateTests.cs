using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Snapshot;

/// <summary>
/// A snapshot keeps its readings, blend and self-image as numbers and builds them on first read; the agent keeps
/// no snapshot alive beyond the latest.
/// </summary>
public sealed class AnimaStateTests
{
    [Fact]
    public void PartsBuiltOnFirstRead_AreOneObjectForEveryReaderOnEveryThread()
    {
        var (agent, _) = Agents.Create(new Personality { Neuroticism = 0.8 });
        var state = AnimaCoreTests.Stress(agent);
        var seen = new ConcurrentBag<(object Reactors, object Blend, object Drives, object Self)>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
            seen.Add((state.Reactors, state.Blend, state.Drives, state.Self)));

        seen.Select(s => s.Reactors).Distinct(ReferenceEqualityComparer.Instance).Should().ContainSingle();
        seen.Select(s => s.Blend).Distinct(ReferenceEqualityComparer.Instance).Should().ContainSingle();
        seen.Select(s => s.Drives).Distinct(ReferenceEqualityComparer.Instance).Should().ContainSingle();
        seen.Select(s => s.Self).Distinct(ReferenceEqualityComparer.Instance).Should().ContainSingle();
        state.Drives.Should().NotBeEmpty("five blows in a row leave the agent needing something");
    }

    [Fact]
    public void Reactors_MatchGetLevelAndTheProfile_AndAnUnknownChannelIsNamed()
    {
        var (agent, _) = Agents.Create(profile: ChannelProfile.Hormonal);
        var state = agent.Experience(new Stimulus { Tension = 0.6, Cohesion = -0.4 });

        state.Reactors.Select(r => r.Channel).Should().Equal(ChannelProfile.Hormonal.Channels.Select(c => c.Name));
        state.Reactors.Select(r => r.Baseline).Should().Equal(ChannelProfile.Hormonal.Channels.Select(c => c.Baseline));
        foreach (var reading in state.Reactors)
        {
            state.GetLevel(reading.Channel).Should().Be(reading.Level);
            state.GetLevel(reading.Channel.ToUpperInvariant()).Should().Be(reading.Level);
        }

        state.Reactors.Should().Contain(r => r.Level != r.Baseline);
        var act = () => state.GetLevel("serenity");
        act.Should().Throw<KeyNotFoundException>().WithMessage("*serenity*");
    }

    [Fact]
    public void Blend_NamesTheTableEmotionsWithWeightsThatSumToOne()
    {
        var (agent, _) = Agents.Create();
        var state = agent.Experience(new Stimulus { Satisfaction = 0.8, Arousal = 0.5 });

        state.Blend.Should().HaveCount(3);
        state.Blend.Select(b => b.Emotion).Should().OnlyContain(e => agent.Emotions.Emotions.Any(d => d.Name == e));
        state.Blend.Sum(b => b.Weight).Should().BeApproximately(1, 1e-12);
        state.Blend[0].Emotion.Should().Be(state.Primary);
    }

    [Fact]
    public void Agent_KeepsNoEarlierSnapshotAlive()
    {
        var (agent, clock) = Agents.Create();
        var earlier = ExperienceAndForget(agent);
        for (int i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            agent.Experience(new Stimulus { Tension = 0.1 * (i % 3) });
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        earlier.IsAlive.Should().BeFalse("the event journal keeps a change of state as its values, not its snapshot");
        agent.State.ExperienceCount.Should().Be(11);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-12)]
    [InlineData(1e-300)]
    [InlineData(1e-9)]
    [InlineData(-1e-6)]
    [InlineData(0.123)]
    [InlineData(-0.5)]
    [InlineData(1.0)]
    [InlineData(-3.7)]
    [InlineData(19.0)]
    [InlineData(-400.0)]
    [InlineData(1e300)]
    public void FeltPointSquash_AgreesWithMathTanh(double x)
    {
        var vad = Vad.Tanh(x, -x, x / 2);

        vad.Valence.Should().BeApproximately(Math.Tanh(x), 4e-16);
        vad.Arousal.Should().BeApproximately(Math.Tanh(-x), 4e-16);
        vad.Dominance.Should().BeApproximately(Math.Tanh(x / 2), 4e-16);
        Math.Sign(vad.Valence).Should().Be(Math.Sign(Math.Tanh(x)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ExperienceAndForget(AnimaCore agent) =>
        new(agent.Experience(new Stimulus { Tension = 0.5, Satisfaction = -0.3 }));
}
