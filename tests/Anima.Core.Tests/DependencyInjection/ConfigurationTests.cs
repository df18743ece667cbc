using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Anima.Tests.DependencyInjection;

public class ConfigurationTests
{
    private static IConfiguration Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build().GetSection("Anima");

    [Fact]
    public void AddAnima_FromConfiguration_BuildsTheConfiguredCharacter()
    {
        var section = Section(
            ("Anima:Name", "ada"),
            ("Anima:Seed", "42"),
            ("Anima:Profile", "hormonal"),
            ("Anima:Instructions", "You are Ada."),
            ("Anima:Personality:Neuroticism", "0.8"),
            ("Anima:Personality:agreeableness", "0.9"),
            ("Anima:Values:Care", "0.95"),
            ("Anima:Memory:KeepThreshold", "0.6"),
            ("Anima:Memory:RecencyHalfLife", "3.00:00:00"),
            ("Anima:Memory:RememberTurns", "false"));

        using var services = new ServiceCollection().AddAnima(section).BuildServiceProvider();
        var agent = services.GetRequiredService<AnimaCore>();

        agent.Seed.Should().Be(42);
        agent.Profile.Should().BeSameAs(ChannelProfile.Hormonal);
        agent.ConfiguredPersonality.Neuroticism.Should().Be(0.8);
        agent.ConfiguredPersonality.Agreeableness.Should().Be(0.9);
        agent.ConfiguredPersonality.Openness.Should().Be(0.5, "what the section leaves out keeps its default");
        agent.Values.Care.Should().Be(0.95);
        Personality.Balanced.Neuroticism.Should().Be(0.5, "binding never touches the shared defaults");
    }

    [Fact]
    public void KeyedAgents_EachReadTheirOwnSection()
    {
        var root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agents:Ada:Seed"] = "1",
            ["Agents:Ada:Personality:Extraversion"] = "0.9",
            ["Agents:Bram:Seed"] = "2",
            ["Agents:Bram:Personality:Extraversion"] = "0.1",
        }).Build();

        using var services = new ServiceCollection()
            .AddKeyedAnima("ada", root.GetSection("Agents:Ada"))
            .AddKeyedAnima("bram", root.GetSection("Agents:Bram"))
            .BuildServiceProvider();

        services.GetRequiredKeyedService<AnimaCore>("ada").ConfiguredPersonality.Extraversion.Should().Be(0.9);
        services.GetRequiredKeyedService<AnimaCore>("bram").ConfiguredPersonality.Extraversion.Should().Be(0.1);
    }

    [Theory]
    [InlineData("Anima:Personalty:Neuroticism", "0.5", "*'Anima:Personalty' is not an Anima option*Personality*")]
    [InlineData("Anima:Personality:Neuroticism", "2", "*'Anima:Personality:Neuroticism' must be a number in ?0, 1?*it is '2'*")]
    [InlineData("Anima:Personality:Neurotic", "0.2", "*'Anima:Personality:Neurotic' is not one of Openness*")]
    [InlineData("Anima:Seed", "forty", "*'Anima:Seed' must be a whole number*'forty'*")]
    [InlineData("Anima:HistoryTokenBudget", "0", "*'Anima:HistoryTokenBudget' must be a whole number of at least 1*")]
    [InlineData("Anima:Profile", "robotic", "*'Anima:Profile' must be \"Default\" or \"Hormonal\"*")]
    [InlineData("Anima:Memory:KeepThresold", "0.5", "*'Anima:Memory:KeepThresold' is not a memory option*KeepThreshold*")]
    [InlineData("Anima:Memory:RememberTurns", "yes", "*'Anima:Memory:RememberTurns' must be true or false*")]
    [InlineData("Anima:Values:Care", "NaN", "*'Anima:Values:Care' must be a number*")]
    public void AMistakeInTheSection_StopsTheStart_NamingTheKey(string key, string value, string message)
    {
        var register = () => new ServiceCollection().AddAnima(Section((key, value)));

        register.Should().Throw<InvalidOperationException>().WithMessage(message);
    }
}
