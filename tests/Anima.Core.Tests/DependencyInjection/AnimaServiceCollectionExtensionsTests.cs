using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Anima.Tests.DependencyInjection;

public sealed class AnimaServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAnima_LayersRegisteredInTheContainer_ServeTheAgentWhenTheOptionsNameNone()
    {
        var services = new ServiceCollection();
        services.AddSingleton<INarrator>(new QuietNarrator());
        services.AddSingleton<IEgoDefense>(new NoDefense());
        services.AddAnima(o => o.Seed = 4);
        services.AddKeyedAnima("loud", o => o.Narrator = new LoudNarrator());
        using var provider = services.BuildServiceProvider();

        var agent = provider.GetRequiredService<AnimaCore>();
        var state = agent.Experience(new Stimulus { Tension = 0.9, Cohesion = -0.9 }, "you ruined everything");

        state.Narrative.Should().Be("I keep quiet.");
        state.Defense.Should().BeNull("the registered defense never defends");
        provider.GetRequiredKeyedService<AnimaCore>("loud").Experience(new Stimulus { Tension = 0.2 }).Narrative
            .Should().Be("I shout.", "what the options name wins over the container");
    }

    private sealed class QuietNarrator : INarrator
    {
        public string Narrate(AnimaState state) => "I keep quiet.";
    }

    private sealed class LoudNarrator : INarrator
    {
        public string Narrate(AnimaState state) => "I shout.";
    }

    private sealed class NoDefense : IEgoDefense
    {
        public EgoDefense? Choose(in DefenseSituation situation) => null;
    }
}
