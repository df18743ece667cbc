using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Reactors;

public sealed class SoulTests
{
    [Fact]
    public void DefaultSoul_ComesFromTheBigFive()
    {
        var (anxious, _) = Agents.Create(personality: new Personality { Neuroticism = 0.9 }, profile: ChannelProfile.Hormonal);
        var (calm, _) = Agents.Create(personality: new Personality { Neuroticism = 0.1 }, profile: ChannelProfile.Hormonal);

        anxious.Soul["cortisol", "tension"].Should().BeApproximately(1 + (0.4 * 0.8), 1e-12, "cortisol's row is scaled by 1 + (N − 0.5)·0.8");
        calm.Soul["cortisol", "tension"].Should().BeApproximately(1 - (0.4 * 0.8), 1e-12);
        anxious.Soul["oxytocin", "cohesion"].Should().Be(calm.Soul["oxytocin", "cohesion"], "neuroticism does not touch bonding");
        FluentActions.Invoking(() => anxious.Soul["adrenaline", "tension"]).Should().Throw<ArgumentException>().WithMessage("*adrenaline*");
        FluentActions.Invoking(() => anxious.Soul["cortisol", "fear"]).Should().Throw<ArgumentException>().WithMessage("*'fear'*appraisal dimension*");
    }

    [Fact]
    public void TwoDifferentSouls_GivenTheSameFiftyEvents_EndMeasurablyApart()
    {
        var (warm, _) = Agents.Create(personality: new Personality { Agreeableness = 0.9, Extraversion = 0.8, Neuroticism = 0.2 }, profile: ChannelProfile.Hormonal, seed: 5);
        var (wary, _) = Agents.Create(personality: new Personality { Agreeableness = 0.2, Extraversion = 0.2, Neuroticism = 0.85 }, profile: ChannelProfile.Hormonal, seed: 5);
        var random = new Random(50);
        for (int i = 0; i < 50; i++)
        {
            var stimulus = new Stimulus { Tension = Next(random), Arousal = Next(random), Satisfaction = Next(random), Cohesion = Next(random) };
            warm.Experience(stimulus);
            wary.Experience(stimulus);
        }

        double distance = Math.Sqrt(warm.State.Reactors.Zip(wary.State.Reactors).Sum(p => Math.Pow(p.First.Level - p.Second.Level, 2)));
        distance.Should().BeGreaterThan(0.1, "the same life lands differently on different souls");
        wary.State.GetLevel("cortisol").Should().BeGreaterThan(warm.State.GetLevel("cortisol"));
        warm.State.Vad.Valence.Should().BeGreaterThan(wary.State.Vad.Valence);
    }

    [Fact]
    public void Soul_AfterOneHundredThousandRandomEvents_StaysBounded_AndTheReportNamesTheLargestChanges()
    {
        var (agent, clock) = Agents.Create(profile: ChannelProfile.Hormonal, seed: 9);
        var random = new Random(9);
        for (int i = 0; i < 100_000; i++)
        {
            // A hard life: mostly threat and loneliness, sometimes relief.
            clock.Advance(TimeSpan.FromSeconds(random.Next(0, 20)));
            agent.Experience(new Stimulus
            {
                Tension = (0.6 * random.NextDouble()) - 0.1,
                Arousal = Next(random),
                Satisfaction = Next(random) * 0.5,
                Cohesion = -0.5 * random.NextDouble(),
            });
        }

        var soul = agent.Soul;
        var report = agent.GetGrowthReport();
        report.Soul.Should().HaveCount(6 * 4);
        foreach (var c in report.Soul)
        {
            double now = soul[c.Channel, c.Dimension];
            now.Should().Be(c.Current);
            Math.Abs(now - soul.Base(c.Channel, c.Dimension)).Should().BeLessThan(soul.Bound(c.Channel, c.Dimension), "{0} answering {1} stays within its bound", c.Channel, c.Dimension);
            double.IsFinite(now).Should().BeTrue();
        }

        report.Soul.Select(c => Math.Abs(c.Change)).Should().BeInDescendingOrder();
        report.Soul[0].Learned.Should().NotBe(0, "a hundred thousand experiences teach the soul something");
        Math.Abs(report.Soul[0].Change).Should().BeGreaterThan(0.05);
        report.ToString().Should().Contain($"soul, {report.Soul[0].Channel} answering {report.Soul[0].Dimension}");
    }

    [Fact]
    public void SoulLearning_FadesBackGently_WhenExperienceStopsPushing()
    {
        var (agent, _) = Agents.Create(profile: ChannelProfile.Hormonal, seed: 2);
        for (int i = 0; i < 3_000; i++)
        {
            agent.Experience(new Stimulus { Tension = 0.8, Cohesion = -0.6 });
        }

        double learned = Math.Abs(agent.GetGrowthReport().Soul.Max(c => Math.Abs(c.Learned)));
        for (int i = 0; i < 3_000; i++)
        {
            agent.Experience(default);
        }

        double after = agent.GetGrowthReport().Soul.Max(c => Math.Abs(c.Learned));
        learned.Should().BeGreaterThan(0.02);
        after.Should().BeLessThan(learned, "κ pulls the learning back when nothing keeps it up");
        after.Should().BeGreaterThan(learned / 3, "slowly: a long regime's lesson is consolidated");
    }

    private static double Next(Random random) => (random.NextDouble() * 2) - 1;
}
