using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Believability;

/// <summary>Intentions that end with their cause, said with the same words for the same strength everywhere.</summary>
public class IntentionTests
{
    [Fact]
    public void IntentionOfGrief_EndsWhenAWarmGoodbyeReplacesTheFeeling()
    {
        var (agent, _) = Agents.Create();
        AnimaState grieving = agent.State;
        for (int i = 0; i < 3; i++)
        {
            grieving = agent.Experience(default, "There was an accident. My brother died last night and I am terrified and alone.");
        }

        grieving.Intention.Should().NotBeNull();
        var born = grieving.Intention!.Goal;

        foreach (string line in new[]
        {
            "Thanks for listening.",
            "That helped, thank you.",
            "I feel a bit better.",
            "You are a good friend.",
            "Okay, good night, friend.",
        })
        {
            var state = agent.Experience(default, line);
            if (state.Vad.Valence > 0.1)
            {
                state.Intention?.Goal.Should().NotBe(born, $"the feeling that bore it is gone by \"{line}\" ({state.Primary}, {state.Vad})");
                agent.GetStatePrompt().Should().NotContain("get away");
            }
        }
    }

    [Theory]
    [InlineData(0.1, "Part of me wants to")]
    [InlineData(0.3, "I want to")]
    [InlineData(0.6, "I really want to")]
    [InlineData(0.9, "More than anything I want to")]
    public void Intentions_AreLedInByOneSetOfBands(double strength, string lead)
    {
        Anima.Narration.Phrasebook.Resolve(strength).Should().StartWith(lead);
    }
}
