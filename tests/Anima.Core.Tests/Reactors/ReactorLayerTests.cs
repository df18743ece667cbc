using Anima.Character;
using Anima.Reactors;
using Anima.StateModel;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Reactors;

public sealed class ReactorLayerTests
{
    private static (ReactorLayer Layer, AgentState State) Body()
    {
        var layout = new StateLayout();
        var layer = new ReactorLayer(layout, ChannelProfile.Default, HalfLifeReactor.Instance, BigFivePersonalityModel.Instance);
        var state = layout.Create();
        layer.Reset(state, DateTimeOffset.UnixEpoch, Personality.Balanced);
        return (layer, state);
    }

    [Fact]
    public void React_ATenseAppraisal_RaisesTensionAndTimeRelaxesItBack()
    {
        var (layer, s) = Body();
        double baseline = ChannelProfile.Default.Channels[0].Baseline;

        layer.React(s, [0.9, 0, 0, 0], 1, default, default, null, 0, Personality.Balanced);
        double tense = layer.Levels(s)[0];
        layer.Relax(s, Personality.Balanced, TimeSpan.FromHours(6));

        tense.Should().BeGreaterThan(baseline + 0.2);
        layer.Levels(s)[0].Should().BeApproximately(baseline, 0.01);
    }

    [Fact]
    public void Frustrate_FailuresAddUpAndASuccessAfterAStruggleBringsRelief()
    {
        var (layer, s) = Body();
        for (int i = 0; i < 4; i++)
        {
            layer.Frustrate(s, 1, GlandTrigger.ToolFailure, Personality.Balanced).Should().Be(0);
        }

        double struggle = layer.Frustration(s);
        double relief = layer.Frustrate(s, 1, GlandTrigger.ToolSuccess, Personality.Balanced);

        struggle.Should().BeApproximately(0.4, 1e-12);
        relief.Should().Be(struggle);
        layer.Frustration(s).Should().BeApproximately(0.15, 1e-12);
    }

    [Fact]
    public void Rebuild_ANeuroticPersonality_StrengthensTheTensionRowOfTheSoul()
    {
        var (layer, s) = Body();
        double calm = layer.Soul(s)[0];

        layer.Rebuild(s, Personality.Balanced with { Neuroticism = 0.9 });

        layer.Soul(s)[0].Should().BeGreaterThan(calm);
    }
}
