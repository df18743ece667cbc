using FluentAssertions;
using Xunit;

namespace Anima.Tests.Stimuli;

public class StimulusTests
{
    public static TheoryData<double> InvalidValues => [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.0001, -1.5, 42];

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Tension_InvalidValue_ThrowsNamingChannelAndValue(double value)
    {
        var act = () => new Stimulus { Tension = value };

        act.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == "tension" && e.Message.Contains("tension") && e.Message.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void With_InvalidValue_ThrowsNamingChannel(double value)
    {
        var act = () => new Stimulus().With("cortisol", value);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "cortisol");
    }

    [Fact]
    public void Properties_EveryAppraisalDimension_IsValidated()
    {
        ((Action)(() => _ = new Stimulus { Arousal = 2 })).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "arousal");
        ((Action)(() => _ = new Stimulus { Satisfaction = double.NaN })).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "satisfaction");
        ((Action)(() => _ = new Stimulus { Cohesion = -1.01 })).Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "cohesion");
    }

    [Fact]
    public void With_AppraisalName_SetsTheProperty()
    {
        var stimulus = new Stimulus().With("TENSION", 0.4).With("cohesion", -0.2);

        stimulus.Tension.Should().Be(0.4);
        stimulus.Cohesion.Should().Be(-0.2);
        stimulus.Channels.Should().BeEmpty();
    }

    [Fact]
    public void With_NamedChannel_LeavesTheOriginalUnchanged()
    {
        var original = new Stimulus { Tension = 0.1 };

        var changed = original.With("dopamine", 0.5).With("Dopamine", 0.7);

        original.Channels.Should().BeEmpty();
        changed.Get("dopamine").Should().Be(0.7);
        changed.Channels.Should().ContainSingle();
    }

    [Fact]
    public void Add_ClampsEachChannel()
    {
        var sum = new Stimulus { Tension = 0.8, Cohesion = -0.5 }.With("oxytocin", 0.6) + new Stimulus { Tension = 0.7 }.With("oxytocin", 0.6);

        sum.Tension.Should().Be(1);
        sum.Cohesion.Should().Be(-0.5);
        sum.Get("oxytocin").Should().Be(1);
    }

    [Fact]
    public void Equals_IgnoresOrderOfNamedChannels()
    {
        var a = new Stimulus().With("x", 0.1).With("y", 0.2);
        var b = new Stimulus().With("y", 0.2).With("x", 0.1);

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        (a == new Stimulus()).Should().BeFalse();
    }

    [Fact]
    public void IsEmpty_DefaultStimulus_IsTrue()
    {
        new Stimulus().IsEmpty.Should().BeTrue();
        new Stimulus { Arousal = 0.1 }.IsEmpty.Should().BeFalse();
    }
}
