using Anima.Identity;
using Anima.StateModel;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Identity;

public sealed class IdentityLayerTests
{
    [Fact]
    public void Become_ALongCalmThenUpheaval_LosesCoherenceAndFallsIntoCrisis()
    {
        var layout = new StateLayout();
        var layer = new IdentityLayer(layout, ChannelProfile.Default);
        var s = layout.Create();
        var calm = new Vad(0.3, -0.2, 0.1);
        layer.Reset(s, calm);
        double[] levels = [0.2, 0.2, 0.5, 0.5];
        Becoming b = default;
        for (int i = 1; i <= 40; i++)
        {
            b = layer.Become(s, levels, calm, i);
        }

        b.Temporal.Coherence.Should().BeGreaterThan(0.9);
        b.Temporal.InCrisis.Should().BeFalse();
        for (int i = 41; i <= 46; i++)
        {
            b = layer.Become(s, levels, i % 2 == 0 ? new Vad(-0.9, 0.9, -0.8) : new Vad(0.9, -0.9, 0.9), i);
        }

        b.Temporal.InCrisis.Should().BeTrue();
        b.Stability.Should().BeLessThan(0.5);
    }

    [Fact]
    public void Theme_SlowLevelsOfAnAbsentBond_ReadAsLoneliness()
    {
        var layout = new StateLayout();
        var layer = new IdentityLayer(layout, ChannelProfile.Default);
        var s = layout.Create();
        layer.Reset(s, default);
        for (int i = 1; i <= 200; i++)
        {
            layer.Become(s, [0.2, 0.2, 0.5, 0.02], default, i);
        }

        layer.Theme(s).Should().Be(ArchivalTheme.Loneliness);
    }
}
