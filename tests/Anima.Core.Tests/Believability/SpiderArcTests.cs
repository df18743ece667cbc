using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Believability;

/// <summary>
/// The seed's example of growth: a child who fears spiders becomes an entomologist. A fearful, closed agent given a
/// long, consistent life of safe, fascinating encounters with what it fears learns that it is safe, and keeps most
/// of the lesson.
/// </summary>
public class SpiderArcTests
{
    private static readonly Stimulus SafeFascinatingEncounter = new() { Tension = 0.5, Arousal = 0.4, Satisfaction = 0.6, Cohesion = 0.2 };

    [Fact]
    public void SafeExposure_HalvesTheThreatResponse_LowersNeuroticism_AndLasts()
    {
        var (agent, _) = Agents.Create(new Personality { Neuroticism = 0.9, Openness = 0.2 });
        double fearBefore = agent.Soul["tension", "tension"];

        for (int i = 0; i < 30_000; i++)
        {
            agent.Experience(SafeFascinatingEncounter);
        }

        double fearAfter = agent.Soul["tension", "tension"];
        double neuroticism = agent.Personality.Neuroticism;
        fearAfter.Should().BeLessThanOrEqualTo(fearBefore / 2, "habituation and extinction lower a response that keeps meeting safety");
        neuroticism.Should().BeLessThanOrEqualTo(0.6);
        agent.Personality.Openness.Should().BeGreaterThan(0.2, "fascination opens a closed mind");

        for (int i = 0; i < 3_000; i++)
        {
            agent.Experience(default);
        }

        (fearBefore - agent.Soul["tension", "tension"]).Should().BeGreaterThanOrEqualTo((fearBefore - fearAfter) / 2, "half of the lesson is still there");
        (0.9 - agent.Personality.Neuroticism).Should().BeGreaterThanOrEqualTo((0.9 - neuroticism) / 2);
        agent.GetGrowthReport().Traits.Should().Contain(t => t.Trait == PersonalityTrait.Neuroticism && t.Drift < 0, "the change is reported");
    }

    [Fact]
    public void ThreatThatMeetsNoSafety_StillStrengthensTheResponse()
    {
        var (agent, _) = Agents.Create(new Personality { Neuroticism = 0.5 });
        double before = agent.Soul["tension", "tension"];

        for (int i = 0; i < 5_000; i++)
        {
            agent.Experience(new Stimulus { Tension = 0.6, Satisfaction = -0.4 });
        }

        agent.Soul["tension", "tension"].Should().BeGreaterThan(before);
    }

    [Fact]
    public void QuietLife_DoesNotErodeOpenness()
    {
        var (agent, _) = Agents.Create(new Personality { Openness = 0.8 });

        for (int i = 0; i < 20_000; i++)
        {
            agent.Experience(default);
        }

        agent.Personality.Openness.Should().BeApproximately(0.8, 0.01);
    }
}
