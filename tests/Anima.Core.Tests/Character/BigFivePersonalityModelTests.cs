using Anima.Character;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Character;

public sealed class BigFivePersonalityModelTests
{
    private static readonly BigFivePersonalityModel Model = BigFivePersonalityModel.Instance;

    [Fact]
    public void ChannelGain_FollowsTheChannelsTrait_AndIsOneForAChannelWithoutOne()
    {
        var tension = ChannelProfile.Default.Channels[0];
        var neurotic = Personality.Balanced with { Neuroticism = 0.9 };

        Model.ChannelGain(neurotic, tension).Should().BeApproximately(1 + (0.4 * tension.GainScale), 1e-12);
        Model.ChannelGain(Personality.Balanced, tension).Should().Be(1);
        Model.ChannelGain(neurotic, tension with { GainTrait = null }).Should().Be(1);
    }

    [Fact]
    public void SpeedSensitivityAndTemperament_AreConscientiousnessOpennessAndMehrabian()
    {
        var p = new Personality { Conscientiousness = 0.8, Openness = 0.3, Extraversion = 0.9 };

        Model.ReturnSpeed(p).Should().Be(0.8);
        Model.SurpriseSensitivity(p).Should().Be(0.3);
        Model.Temperament(p).Should().Be(p.Temperament());
    }

    [Fact]
    public void Reading_AModelOutOfContract_IsRefusedByName()
    {
        var act = () => PersonalityReading.Of(new Broken(), Personality.Balanced);

        act.Should().Throw<InvalidOperationException>().WithMessage("*Broken*ReturnSpeed of 1.5*[0, 1]*");
    }

    private sealed class Broken : IPersonalityModel
    {
        public double ChannelGain(Personality personality, ChannelDefinition channel) => 1;

        public double ReturnSpeed(Personality personality) => 1.5;

        public double SurpriseSensitivity(Personality personality) => 0.5;

        public Vad Temperament(Personality personality) => default;
    }
}
