using Anima.Character;
using Anima.StateModel;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Character;

public sealed class GrowthLayerTests
{
    [Fact]
    public void Learn_SustainedThreat_GrowsNeuroticismWithinItsBoundAndKeepsTheTemperamentInStep()
    {
        var layout = new StateLayout();
        var layer = new GrowthLayer(layout, Personality.Balanced, BigFivePersonalityModel.Instance);
        var s = layout.Create();
        layer.Reset(s);
        var start = layer.Personality(s);
        for (int i = 0; i < 5000; i++)
        {
            layer.Learn(s, [0.9, 0.2, -0.5, -0.3], 0.1);
        }

        var grown = layer.Personality(s);
        grown.Neuroticism.Should().BeGreaterThan(start.Neuroticism + 0.1);
        grown.Neuroticism.Should().BeLessThanOrEqualTo(0.5 + PersonalityGrowth.MaxDrift);
        layer.Temperament(s).Should().Be(grown.Temperament());
    }

    [Fact]
    public void Learn_WhenNoTraitMovesFarEnough_KeepsTheSamePersonalityInstance()
    {
        var layout = new StateLayout();
        var layer = new GrowthLayer(layout, Personality.Balanced, BigFivePersonalityModel.Instance);
        var s = layout.Create();
        layer.Reset(s);
        var before = layer.Personality(s);

        layer.Learn(s, [0.01, 0, 0, 0], 0.25).Should().BeSameAs(before);
    }
}
