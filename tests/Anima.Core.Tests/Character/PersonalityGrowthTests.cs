using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Character;

public class PersonalityGrowthTests
{
    [Fact]
    public void Experience_HundredThousandRandomExperiences_TraitsStayBoundedAndNearTheirBase()
    {
        var configured = new Personality { Openness = 0.9, Conscientiousness = 0.1, Extraversion = 0.5, Agreeableness = 0.97, Neuroticism = 0.03 };
        var (agent, clock) = Agents.Create(configured);
        var random = new Random(99);

        for (int i = 0; i < 100_000; i++)
        {
            if (i % 10 == 0)
            {
                clock.Advance(TimeSpan.FromSeconds(random.Next(0, 60)));
            }

            agent.Experience(new Stimulus
            {
                Tension = AnimaCoreTests.Next(random),
                Arousal = AnimaCoreTests.Next(random),
                Satisfaction = AnimaCoreTests.Next(random),
                Cohesion = AnimaCoreTests.Next(random),
            });
        }

        var grown = agent.Personality;
        foreach (var trait in Enum.GetValues<PersonalityTrait>())
        {
            grown[trait].Should().BeInRange(0.02, 0.98, $"{trait} must not saturate");
            Math.Abs(grown[trait] - configured[trait]).Should().BeLessThanOrEqualTo(0.3, $"{trait} must stay near its base");
        }
    }

    [Fact]
    public void GrowthReport_SustainedThreat_NamesNeuroticismAndItsCause()
    {
        var (agent, _) = Agents.Create();
        for (int i = 0; i < 3_000; i++)
        {
            agent.Experience(new Stimulus { Tension = 0.8 });
        }

        var report = agent.GetGrowthReport();

        report.Largest.Trait.Should().Be(PersonalityTrait.Neuroticism);
        report.Largest.Drift.Should().BeGreaterThan(0.1);
        report.Largest.MainSource.Should().Be(GrowthSource.Threat);
        report.Experiences.Should().Be(3_000);
        report.Traits.Select(t => Math.Abs(t.Drift)).Should().BeInDescendingOrder();
        report.ToString().Should().Contain("Neuroticism");
        agent.Personality.Neuroticism.Should().BeGreaterThan(agent.ConfiguredPersonality.Neuroticism);
    }

    [Fact]
    public void Growth_SustainedWarmthThenNeutralTime_IsPulledBackGently_AndHalfOfItLasts()
    {
        var (agent, _) = Agents.Create();
        for (int i = 0; i < 3_000; i++)
        {
            agent.Experience(new Stimulus { Cohesion = 0.8 });
        }

        double grown = agent.Personality.Agreeableness;
        for (int i = 0; i < 3_000; i++)
        {
            agent.Experience(default);
        }

        grown.Should().BeGreaterThan(0.7);
        agent.Personality.Agreeableness.Should().BeLessThan(grown, "mean reversion pulls it back");
        (agent.Personality.Agreeableness - 0.5).Should().BeGreaterThan((grown - 0.5) / 2, "a long regime's change is consolidated");
    }
}
