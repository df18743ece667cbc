using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Believability;

/// <summary>Wants that mean something: good feelings in plenty are no need, and a want is said once.</summary>
public class WantTests
{
    [Fact]
    public void Joy_CreatesNoUrgentNeed()
    {
        var (agent, _) = Agents.Create();

        AnimaState state = agent.State;
        for (int i = 0; i < 4; i++)
        {
            state = agent.Experience(new Stimulus { Arousal = 0.8, Satisfaction = 1, Cohesion = 1 });
        }

        state.Primary.Should().BeOneOf("Joy", "Excitement");
        state.Drives.Select(d => d.Need).Should().NotContain([Need.Challenge, Need.Space, Need.Rest]);
        agent.GetStatePrompt().Should().NotContain("challenge").And.NotContain("room to myself").And.NotContain("need to rest");
    }

    [Fact]
    public void FeelingUnderstood_DoesNotWantRoomToItself()
    {
        var (agent, _) = Agents.Create(profile: ChannelProfile.Hormonal);

        for (int i = 0; i < 6; i++)
        {
            agent.Experience(default, "Thank you, I feel so understood. You are a wonderful friend and I love talking with you.");
        }

        agent.State.Drives.Select(d => d.Need).Should().NotContain(Need.Space);
        agent.GetStatePrompt().Should().NotContain("room to myself");
    }

    [Fact]
    public void StressWithEnergy_StillNeedsRest()
    {
        var (agent, _) = Agents.Create();

        var state = agent.Experience(new Stimulus { Tension = 1, Arousal = 1 });

        state.Drives.Select(d => d.Need).Should().Contain(Need.Rest, "arousal that comes with threat is exhausting");
    }

    [Fact]
    public void TwoChannelsOfOneNeed_AreSaidOnce()
    {
        var (agent, _) = Agents.Create(profile: ChannelProfile.Hormonal);

        agent.Experience(new Stimulus().With("serotonin", -1).With("endorphins", -1));

        var needs = agent.State.Drives.Select(d => d.Need).ToList();
        needs.Count(n => n == Need.Comfort).Should().Be(2, "both channels lack what comforts");
        string prompt = agent.GetStatePrompt();
        int said = prompt.Split('\n').Count(line => line.Contains("comfort", StringComparison.Ordinal) && line.Contains("need", StringComparison.Ordinal));
        said.Should().BeLessThanOrEqualTo(1, prompt);
    }
}
