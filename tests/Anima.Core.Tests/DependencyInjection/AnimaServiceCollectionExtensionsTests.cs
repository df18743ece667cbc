using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.AI;
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

    [Fact]
    public async Task AddAnima_WithTheContainersChatClientThatUsesAnima_ResolvesAndSendsTheBlockOnce()
    {
        var provider = new ScriptedChatClient().Reply("Hello to you.").Reply("Through the pipeline.");
        var services = new ServiceCollection();
        services.AddAnima(o => o.Seed = 2, sp => sp.GetRequiredService<IChatClient>());
        services.AddChatClient(provider).UseAnima();
        using var container = services.BuildServiceProvider();

        var resolving = Task.Run(() => container.GetRequiredService<AnimaCore>());
        (await Task.WhenAny(resolving, Task.Delay(TimeSpan.FromSeconds(10)))).Should().BeSameAs(resolving, "the natural setup must not hang");
        var agent = await resolving;
        await agent.ChatAsync("Hello there.");
        await container.GetRequiredService<IChatClient>().GetResponseAsync("And through the client.");

        provider.Requests.Should().HaveCount(2);
        foreach (var (_, options) in provider.Requests)
        {
            System.Text.RegularExpressions.Regex.Count(options!.Instructions!, StatePrompt.OpenTag).Should().Be(1, "the agent's own turn passes its own layer");
        }

        agent.State.ExperienceCount.Should().Be(4, "each message and each reply is experienced once");
    }

    [Fact]
    public void AddAnima_ConfiguredWithTheContainer_ReadsItsServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new Personality { Neuroticism = 0.8 });
        services.AddAnima((sp, o) => (o.Seed, o.Personality, o.Name) = (6, sp.GetRequiredService<Personality>(), "from-the-container"));
        using var container = services.BuildServiceProvider();

        var agent = container.GetRequiredService<AnimaCore>();

        agent.Seed.Should().Be(6);
        agent.Personality.Neuroticism.Should().Be(0.8);
        FluentActions.Invoking(() => new ServiceCollection().AddAnima((Action<IServiceProvider, AnimaOptions>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configure");
    }

    [Fact]
    public void UseAnima_WithoutAnAgent_SaysToCallAddAnima()
    {
        var services = new ServiceCollection();
        services.AddChatClient(new ScriptedChatClient()).UseAnima();
        using var container = services.BuildServiceProvider();

        FluentActions.Invoking(() => container.GetRequiredService<IChatClient>()).Should().Throw<InvalidOperationException>().WithMessage("*AddAnima*");
    }

    [Fact]
    public void Options_BoundLikeConfiguration_NeverChangeTheSharedDefaults()
    {
        // A configuration binder sets init-only properties through reflection, on whatever instance the options hold.
        var options = new AnimaOptions();
        typeof(Personality).GetProperty(nameof(Personality.Neuroticism))!.SetValue(options.Personality, 0.9);
        typeof(ValueSystem).GetProperty(nameof(ValueSystem.Care))!.SetValue(options.Values, 0.1);

        Personality.Balanced.Neuroticism.Should().Be(0.5);
        ValueSystem.Balanced.Care.Should().Be(0.5);
        new AnimaOptions().Personality.Neuroticism.Should().Be(0.5, "the next agent in the process keeps the balanced default");
        new AnimaOptions().Values.Care.Should().Be(0.5);
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
