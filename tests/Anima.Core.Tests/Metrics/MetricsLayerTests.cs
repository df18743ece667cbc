using Anima.Metrics;
using Anima.StateModel;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Metrics;

public sealed class MetricsLayerTests
{
    private static (MetricsLayer Layer, AgentState State) Fresh()
    {
        var layout = new StateLayout();
        var layer = new MetricsLayer(layout, ChannelProfile.Default, GaussianIntegrationCalculator.Instance, GaussianPredictionModel.Instance);
        var s = layout.Create();
        layer.Reset(s, [0.2, 0.2, 0.5, 0.5]);
        return (layer, s);
    }

    [Fact]
    public void Measure_RoutineThenAShock_SpikesOnTheShockOnly()
    {
        var (layer, s) = Fresh();
        double[] routine = [0.2, 0.2, 0.5, 0.5];
        for (int i = 0; i < 40; i++)
        {
            Measure(layer, s, routine, i, 0.5, 0).Spike.Should().BeFalse();
            layer.Commit(s, routine);
        }

        Measure(layer, s, [0.95, 0.95, 0.05, 0.05], 40, 0.5, 0).Spike.Should().BeTrue();
    }

    [Fact]
    public void Measure_ALonelyAgent_DrivesTowardConnectionAndTheDesireArisesOnce()
    {
        var (layer, s) = Fresh();
        int arisen = 0;
        for (int i = 0; i < 60; i++)
        {
            var m = Measure(layer, s, [0.2, 0.2, 0.5, 0.5], i, 0.5, 0.95);
            m.Drives.Should().Contain(d => d.Need == Need.Connection);
            arisen += m.DesiresArisen == 0 ? 0 : 1;
            layer.Commit(s, [0.2, 0.2, 0.5, 0.5]);
        }

        arisen.Should().Be(1, "a desire arises once per crossing");
        layer.DesirePressure(s)[(int)Need.Connection].Should().BeGreaterThan(Desires.Arises);
    }

    [Fact]
    public void Abandon_AfterAFailedStep_PutsTheWindowBackAsItWas()
    {
        var (layer, s) = Fresh();
        layer.Commit(s, [0.3, 0.3, 0.3, 0.3]);
        string before = Written(layer, s);

        layer.RecentStates(s, [0.9, 0.9, 0.9, 0.9]);
        layer.Abandon(s);

        Written(layer, s).Should().Be(before);
    }

    private static Measurement Measure(MetricsLayer layer, AgentState s, double[] felt, long count, double sensitivity, double longing)
    {
        var m = default(Measurement);
        layer.Measure(s, felt, count, sensitivity, longing, ref m);
        return m;
    }

    private static string Written(MetricsLayer layer, AgentState s)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            layer.Write(s, writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
