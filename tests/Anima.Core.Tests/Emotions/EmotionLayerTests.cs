using Anima.Emotions;
using Anima.Numerics;
using Anima.StateModel;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Emotions;

public sealed class EmotionLayerTests
{
    [Fact]
    public void Read_AtAnEmotionsOwnPoint_MakesItPrimaryWithWeightsSummingToOne()
    {
        var layout = new StateLayout();
        var layer = new EmotionLayer(layout, ChannelProfile.Default, EmotionTable.Default, AdaptiveEmotionMap.Instance);
        var s = layout.Create();
        var joy = EmotionTable.Default.Emotions.First(e => e.Name == "Joy");
        var indices = new BlendIndices();
        var weights = new BlendWeights();

        int count = layer.Read(joy.Point, s, indices, weights);

        EmotionTable.Default.Emotions[indices[0]].Name.Should().Be("Joy");
        ((ReadOnlySpan<double>)weights)[..count].ToArray().Sum().Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Adapt_AThousandTimesAtOnePoint_StaysWithinItsBound()
    {
        var layout = new StateLayout();
        var layer = new EmotionLayer(layout, ChannelProfile.Default, EmotionTable.Default, AdaptiveEmotionMap.Instance);
        var s = layout.Create();
        for (int i = 0; i < 1000; i++)
        {
            layer.Adapt(s, new Vad(1, 1, 1), 0);
        }

        var offset = layer.Offsets(s)[0];
        new[] { offset.Valence, offset.Arousal, offset.Dominance }.Should().OnlyContain(o => Math.Abs(o) <= 0.12 + 1e-12);
        offset.Valence.Should().BeGreaterThan(0.05, "the map learned which way this agent's feeling lies");
    }

    [Fact]
    public void Express_FearWithNoBondLeft_ShowsAsTheTablesRuleSays()
    {
        var layout = new StateLayout();
        var layer = new EmotionLayer(layout, ChannelProfile.Default, EmotionTable.Default, AdaptiveEmotionMap.Instance);
        var rule = EmotionTable.Default.Rules.First(r => r.Emotion == "Fear");

        layer.Express("Fear", [0.9, 0.8, 0.2, 0.01], Personality.Balanced).Should().Be(rule.ShowsAs);
        layer.Express("Fear", [0.9, 0.8, 0.2, 0.9], Personality.Balanced).Should().Be("Fear");
    }
}
