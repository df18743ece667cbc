using Anima.StateModel;
using Anima.Stimuli;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Stimuli;

public sealed class AttentionLayerTests
{
    [Fact]
    public void Perceive_TheSameJoltAgain_IsLessNovelAndLessSalient()
    {
        var layout = new StateLayout();
        var layer = new AttentionLayer(layout, EnglishStimulusAppraiser.Instance);
        var s = layout.Create();
        layer.Reset(s);
        var jolt = new Stimulus { Tension = 0.8, Satisfaction = -0.6 };

        var first = layer.Perceive(s, jolt, Appraisal.Empty, 0.5, false, 0.5, -1);
        for (int i = 0; i < 20; i++)
        {
            layer.Perceive(s, jolt, Appraisal.Empty, 0.5, false, 0.5, -1);
        }

        var later = layer.Perceive(s, jolt, Appraisal.Empty, 0.5, false, 0.5, -1);
        later.Novelty.Should().BeLessThan(first.Novelty / 4);
        later.Salience.Should().BeLessThan(first.Salience);
    }

    [Fact]
    public void Perceive_ARefusedRequestAndTheGoalsFocus_AddTensionAndRelevance()
    {
        var layout = new StateLayout();
        var layer = new AttentionLayer(layout, EnglishStimulusAppraiser.Instance);
        var s = layout.Create();
        var plain = layer.Perceive(s, new Stimulus { Cohesion = 0.5 }, Appraisal.Empty, 0.5, false, 0.5, -1);
        layer.Reset(s);
        var refused = layer.Perceive(s, new Stimulus { Cohesion = 0.5 }, Appraisal.Empty, 0.5, true, 0.5, 3);

        ((ReadOnlySpan<double>)refused.Dims)[0].Should().BeGreaterThan(((ReadOnlySpan<double>)plain.Dims)[0]);
        refused.Salience.Should().BeGreaterThan(plain.Salience, "a goal about cohesion makes a cohesive moment relevant");
    }

    [Fact]
    public void Appraise_NoMessage_IsEmpty_AndAMessageIsHeardByTheAppraiser()
    {
        var layer = new AttentionLayer(new StateLayout(), EnglishStimulusAppraiser.Instance);

        layer.Appraise(null).Should().Be(Appraisal.Empty);
        layer.Appraise("This is wonderful news, thank you!").Stimulus.Satisfaction.Should().BeGreaterThan(0);
        layer.AppraiserName.Should().Be(nameof(EnglishStimulusAppraiser));
    }
}
