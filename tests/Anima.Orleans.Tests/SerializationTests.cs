using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;

namespace Anima.Orleans.Tests;

/// <summary>The core's types cross silos as themselves, through the package's surrogates.</summary>
public sealed class SerializationTests
{
    private static readonly Serializer Wire = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly DateTimeOffset At = new(2026, 12, 2, 8, 30, 0, TimeSpan.FromHours(2));

    private static T RoundTrip<T>(T value) => Wire.Deserialize<T>(Wire.SerializeToArray(value))!;

    [Fact]
    public void AStimulus_KeepsItsDimensionsAndItsOwnChannels()
    {
        var stimulus = new Stimulus { Tension = -0.25, Arousal = 0.5, Satisfaction = 0.75, Cohesion = -1 }.With("oxytocin", 0.3).With("Serotonin", -0.2);

        var copy = RoundTrip(stimulus);

        copy.Should().Be(stimulus);
        copy.Get("oxytocin").Should().Be(0.3);
        copy.Channels.Select(c => c.Key).Should().Equal("oxytocin", "Serotonin");
    }

    [Fact]
    public void PeopleAndRelationships_ComeBackEqual()
    {
        RoundTrip(new Person("sam", "Sam")).Should().Be(new Person("sam", "Sam"));
        RoundTrip(new Person("anon")).Should().Be(new Person("anon"));
        var bond = new Relationship("sam", "Sam", 0.4, 0.7, 0.2, new Vad(0.3, -0.1, 0.2), "cheerful", At, 12);
        RoundTrip(bond).Should().Be(bond);
    }

    [Fact]
    public void EveryKindOfEvent_TravelsAsItself_ThroughItsBaseType()
    {
        AnimaEvent[] events =
        [
            new UserMessageEvent(1, At, "hello"),
            new AgentMessageEvent(2, At, "hi there"),
            new SystemMessageEvent(3, At, "be kind"),
            new ToolCallEvent(4, At, "c1", "weather", "{\"city\":\"Lviv\"}"),
            new ToolResponseEvent(5, At, "c1", false, null),
            new StateChangedEvent(6, At, 42, "Joy", new Vad(0.6, 0.3, 0.2)),
            new DesireArisenEvent(7, At, Need.Connection, 0.8, "I need to reach out to someone."),
            new ConcernRaisedEvent(8, At, RequestConcerns.SelfHarm, "I am worried about you."),
        ];

        var copies = RoundTrip(events);

        copies.Should().Equal(events);
        copies.Select(e => e.GetType()).Should().Equal(events.Select(e => e.GetType()));
    }

    [Fact]
    public void TheGrainsOwnRecords_ComeBackEqual()
    {
        var initiative = new AnimaInitiative { AgentId = "ada", Need = Need.Connection, Strength = 0.7, Desire = "I need to reach out to someone.", Message = "Hey!", PersonId = "sam", Timestamp = At };
        RoundTrip(initiative).Should().Be(initiative);

        var agent = new AnimaCore(new AnimaOptions { Seed = 3 });
        agent.Experience(new Stimulus { Satisfaction = 0.6 });
        var view = AnimaStateView.From("ada", agent.State);
        var copy = RoundTrip(view);
        copy.Should().BeEquivalentTo(view);
        copy.Levels.Should().ContainKey("satisfaction").WhoseValue.Should().BeGreaterThan(0.5);

        var growth = AnimaGrowth.From(agent.GetGrowthReport());
        RoundTrip(growth).Should().BeEquivalentTo(growth);
    }
}
