using FluentAssertions;
using TwoAgents;
using Xunit;

namespace Anima.Tests.Samples;

public sealed class TwoAgentsTests
{
    [Fact]
    public async Task TwoAgents_TalkOffline_EachMovedByWhatTheOtherSays()
    {
        var speaker = new InnerVoiceChatClient();
        var warm = Conversation.Agent("Ada", new Personality { Agreeableness = 0.85, Extraversion = 0.75, Neuroticism = 0.25 }, seed: 1, speaker);
        var wary = Conversation.Agent("Bram", new Personality { Agreeableness = 0.3, Extraversion = 0.3, Neuroticism = 0.8 }, seed: 2, speaker);
        var output = new StringWriter();

        var trajectory = await Conversation.PlayAsync(warm, wary, turns: 6, output);

        trajectory.Should().HaveCount(7, "the opening and six answers");
        trajectory.Select(t => t.Turn).Should().Equal(0, 1, 2, 3, 4, 5, 6);
        warm.Agent.History.Should().HaveCount(7, "Ada's opening, then three exchanges in which she heard Bram and answered");
        wary.Agent.History.Should().HaveCount(6);
        trajectory[^1].B.Vad.Should().NotBe(trajectory[0].B.Vad, "Bram is moved by what Ada says");
        wary.Agent.State.Mirror.Perceived.Should().NotBeNull("Bram reads a feeling in Ada's words");
        string text = output.ToString();
        text.Should().Contain("[0] Ada").And.Contain("[6] Ada").And.Contain("[5] Bram");
        InnerVoiceChatClient.Speak(warm.Agent.Conversation.PrepareOptions(null).Instructions).Should().StartWith("I feel").And.NotContainAny("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }
}
