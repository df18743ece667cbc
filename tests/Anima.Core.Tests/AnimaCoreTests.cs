using System.Collections.Concurrent;
using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests;

public class AnimaCoreTests
{
    [Fact]
    public void QuickStart_FromTheSpec_CompilesAndRuns()
    {
        var anima = new AnimaCore(new AnimaOptions
        {
            Personality = new Personality { Neuroticism = 0.7, Agreeableness = 0.8, Openness = 0.9 },
            Values = new ValueSystem { Care = 0.9, Integrity = 0.85 },
        });

        AnimaState state = anima.Experience(new Stimulus { Tension = 0.4, Cohesion = -0.3 }, "something went wrong");

        state.Primary.Should().NotBeNullOrWhiteSpace();
        state.Narrative.Should().Contain("I ").And.NotMatchRegex("[0-9]");
        state.Vad.Valence.Should().BeLessThan(0, "tension and a loss of cohesion are unpleasant");
    }

    [Fact]
    public void Experience_UnknownChannel_ThrowsNamingChannelAndValue_AndLeavesAgentUnchanged()
    {
        var (agent, _) = Agents.Create();
        agent.Experience(new Stimulus { Tension = 0.3 });
        var before = agent.State;

        var act = () => agent.Experience(new Stimulus { Tension = 0.9 }.With("dopamine", 0.25));

        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("dopamine") && e.Message.Contains("0.25"));
        agent.State.Should().BeSameAs(before);
        agent.Experience(default).ExperienceCount.Should().Be(2);
    }

    [Fact]
    public void Experience_HormonalProfile_AcceptsItsChannelsByName()
    {
        var (agent, _) = Agents.Create(profile: ChannelProfile.Hormonal);

        var state = agent.Experience(new Stimulus().With("cortisol", 0.8));

        state.GetLevel("cortisol").Should().BeGreaterThan(0.5);
        state.Reactors.Select(r => r.Channel).Should().Equal("dopamine", "serotonin", "oxytocin", "testosterone", "cortisol", "endorphins");
    }

    [Fact]
    public void Experience_DoesNotMutateItsInput()
    {
        var (agent, _) = Agents.Create();
        var stimulus = new Stimulus { Tension = 0.5, Satisfaction = -0.2 };
        var copy = stimulus;

        agent.Experience(stimulus, "this is terrible");

        stimulus.Should().Be(copy);
        stimulus.Tension.Should().Be(0.5);
    }

    [Fact]
    public void Experience_SameSeedAndClockScript_GivesIdenticalStateSequences()
    {
        var first = Run();
        var second = Run();

        second.Should().Equal(first);

        static List<string> Run()
        {
            var (agent, clock) = Agents.Create(new Personality { Openness = 0.8, Neuroticism = 0.6 }, seed: 42);
            var random = new Random(3);
            var trace = new List<string>();
            for (int i = 0; i < 300; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(random.Next(0, 120)));
                var s = agent.Experience(
                    new Stimulus { Tension = Next(random), Arousal = Next(random), Satisfaction = Next(random), Cohesion = Next(random) },
                    i % 7 == 0 ? "thank you, that was wonderful" : null);
                trace.Add($"{s.ExperienceCount}|{s.Timestamp:O}|{string.Join(',', s.Reactors.Select(r => r.Level.ToString("R")))}|{s.Vad}|{s.Primary}|{s.Expressed}|{s.Phi:R}|{s.PredictionError:R}|{s.Surprise:R}|{s.SurpriseSpike}|{s.Intention}|{s.Veto}|{s.Dissonance:R}|{s.Defense}|{s.Temporal}|{s.Salience:R}|{s.Narrative}|{s.Self.Description}");
            }

            return trace;
        }
    }

    [Fact]
    public void Experience_DifferentSeeds_VaryTheWordingOfTheNarrative()
    {
        var narratives = Enumerable.Range(1, 20)
            .Select(seed => Agents.Create(seed: seed).Agent.Experience(new Stimulus { Tension = 0.6 }).Narrative)
            .Distinct()
            .ToList();

        narratives.Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void Experience_AfterAnHourOfQuiet_ReactorsAreMostOfTheWayBackToBaseline()
    {
        var (agent, clock) = Agents.Create();
        var stressed = Stress(agent);

        clock.Advance(TimeSpan.FromHours(1));
        var rested = agent.Experience(default);

        for (int i = 0; i < rested.Reactors.Count; i++)
        {
            double before = Math.Abs(stressed.Reactors[i].Level - stressed.Reactors[i].Baseline);
            double after = Math.Abs(rested.Reactors[i].Level - rested.Reactors[i].Baseline);
            after.Should().BeLessThan(0.2 * before + 1e-9, $"{rested.Reactors[i].Channel} should have relaxed");
        }
    }

    [Fact]
    public void Experience_ConscientiousAgent_ReturnsToBaselineFaster()
    {
        double Remaining(double conscientiousness)
        {
            var (agent, clock) = Agents.Create(new Personality { Conscientiousness = conscientiousness });
            Stress(agent);
            clock.Advance(TimeSpan.FromMinutes(10));
            var s = agent.Experience(default);
            return s.Reactors.Sum(r => Math.Abs(r.Level - r.Baseline));
        }

        Remaining(0.9).Should().BeLessThan(Remaining(0.1));
    }

    [Fact]
    public void Experience_WithoutElapsedTime_DoesNotRelaxByTime()
    {
        var (agent, _) = Agents.Create();
        var stressed = Stress(agent);

        var next = agent.Experience(default);

        // Only the per-experience step applies: a fraction of the way back, not most of it.
        next.GetLevel("tension").Should().BeGreaterThan(stressed.GetLevel("tension") - 0.1);
    }

    [Fact]
    public void Experience_Snapshots_StayInRangeAndConsistent()
    {
        var (agent, clock) = Agents.Create(new Personality { Neuroticism = 0.8 });
        var random = new Random(11);
        for (int i = 0; i < 2_000; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(random.Next(0, 30)));
            var s = agent.Experience(new Stimulus { Tension = Next(random), Arousal = Next(random), Satisfaction = Next(random), Cohesion = Next(random) });
            AssertConsistent(s);
        }
    }

    [Fact]
    public void Experience_EightThreadsOnOneAgent_LosesNoUpdateAndEverySnapshotIsConsistent()
    {
        var (agent, _) = Agents.Create();
        var counts = new ConcurrentBag<long>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            var random = new Random(thread);
            for (int i = 0; i < 10_000; i++)
            {
                var s = agent.Experience(new Stimulus { Tension = Next(random), Cohesion = Next(random) });
                AssertConsistent(s);
                counts.Add(s.ExperienceCount);
            }
        });

        agent.State.ExperienceCount.Should().Be(80_000);
        counts.Should().OnlyHaveUniqueItems().And.HaveCount(80_000);
        counts.Min().Should().Be(1);
        counts.Max().Should().Be(80_000);
    }

    [Fact]
    public void Reset_ReturnsAgentToTheStateOfAFreshlyBuiltOne()
    {
        var (agent, clock) = Agents.Create(new Personality { Openness = 0.7 });
        var random = new Random(5);
        for (int i = 0; i < 500; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            agent.Experience(new Stimulus { Tension = Next(random), Cohesion = Next(random) }, "you are awful");
        }

        agent.Reset();
        var (fresh, _) = Agents.Create(new Personality { Openness = 0.7 }, start: clock.GetUtcNow());

        agent.State.Should().BeEquivalentTo(fresh.State);
        agent.Personality.Should().Be(fresh.Personality);
        agent.GetGrowthReport().Distance.Should().Be(0);
        var stimulus = new Stimulus { Tension = 0.7, Arousal = 0.4 };
        agent.Experience(stimulus, "oh no").Should().BeEquivalentTo(fresh.Experience(stimulus, "oh no"));
    }

    [Fact]
    public void Experience_HugeMessage_CostsNoMoreThanItsAppraisedHead()
    {
        var (agent, _) = Agents.Create();
        var huge = string.Concat(Enumerable.Repeat("I am so happy and grateful, thank you friend! ", 200_000));

        var state = agent.Experience(default, huge);

        huge.Length.Should().BeGreaterThan(8_000_000);
        state.Vad.Valence.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Constructor_NullOptions_Throws()
    {
        var act = () => new AnimaCore(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("options");
    }

    [Fact]
    public void Constructor_NullPersonality_ThrowsNamingIt()
    {
        var act = () => new AnimaCore(new AnimaOptions { Personality = null! });

        act.Should().Throw<ArgumentNullException>().Where(e => e.ParamName!.Contains("Personality"));
    }

    internal static AnimaState Stress(AnimaCore agent)
    {
        AnimaState s = agent.State;
        for (int i = 0; i < 5; i++)
        {
            s = agent.Experience(new Stimulus { Tension = 0.9, Arousal = 0.8, Satisfaction = -0.7, Cohesion = -0.6 });
        }

        return s;
    }

    internal static double Next(Random random) => Math.Round((random.NextDouble() * 2) - 1, 3);

    internal static void AssertConsistent(AnimaState s)
    {
        s.Reactors.Should().OnlyContain(r => r.Level >= 0 && r.Level <= 1);
        s.Blend.Sum(b => b.Weight).Should().BeApproximately(1, 1e-9);
        s.Blend.Should().OnlyContain(b => b.Weight > 0 && b.Weight <= 1);
        s.Blend[0].Emotion.Should().Be(s.Primary);
        s.Blend.Select(b => b.Weight).Should().BeInDescendingOrder();
        s.Spectral.Surface.Should().Be(s.Primary);
        s.Phi.Should().BeInRange(0, 1);
        s.Salience.Should().BeInRange(0, 1);
        s.Dissonance.Should().BeInRange(0, 1);
        s.Intensity.Should().BeInRange(0, 1);
        s.Temporal.Present.Should().Be(s.Vad);
        s.Temporal.Coherence.Should().BeInRange(0, 1);
        s.Self.Stability.Should().BeInRange(0, 1);
        s.PredictionError.Should().BeGreaterThanOrEqualTo(0);
        s.Drives.Select(d => d.Strength).Should().BeInDescendingOrder();
        s.Drives.All(d => d.Strength > 0 && d.Strength <= 1).Should().BeTrue();
        s.Phase.Depth.Should().Be(s.ExperienceCount < 10 ? 0 : (int)Math.Floor(Math.Log10(s.ExperienceCount)));
    }
}
