using System.Collections.Concurrent;
using Anima.Orleans.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Orleans.Tests;

/// <summary>The heartbeat on reminders, initiative and events on streams, on a cluster of three silos.</summary>
public sealed class HeartbeatTests(HeartbeatClusterFixture fixture) : IClassFixture<HeartbeatClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task ADeactivatedAgent_LeftAlone_IsWokenByItsReminder_AndItsInitiativeReachesTheSubscriber()
    {
        var grain = Client.GetAnima("lonely");
        await grain.ChatAsync("Hi, I'm Sam. Nice to meet you!", new Person("sam", "Sam"));
        var initiatives = new ConcurrentQueue<AnimaInitiative>();
        var arrived = new TaskCompletionSource<AnimaInitiative>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await Client.SubscribeToInitiativeAsync("lonely", initiative =>
        {
            initiatives.Enqueue(initiative);
            arrived.TrySetResult(initiative);
            return Task.CompletedTask;
        });

        await fixture.Cluster.DeactivateAsync(grain);
        fixture.Clock.Advance(TimeSpan.FromDays(1));

        var initiative = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        initiative.AgentId.Should().Be("lonely");
        initiative.Need.Should().Be(Need.Connection, "a day alone is a longing for company");
        initiative.Desire.Should().Contain("reach out");
        initiative.PersonId.Should().Be("sam", "it reaches out to the one it spoke with last");
        initiative.Message.Should().Contain("(lonely #", "it spoke through its own chat client, built anew when the reminder woke it");
        initiative.Timestamp.Should().BeOnOrAfter(AnimaClusterFixture.Epoch.AddDays(1));

        (await grain.ExportAsync()).Should().Contain(initiative.Message, "what it said first is part of its saved conversation");
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        initiatives.Should().ContainSingle("one day alone is one crossing, not a desire on every beat");
        await subscription.UnsubscribeAsync();
    }

    [Theory]
    [InlineData("voiceless")]
    [InlineData("hoarse")]
    public async Task AnAgentThatCannotSpeak_StillMakesItsDesireKnown_WithoutWords(string agentId)
    {
        var grain = Client.GetAnima(agentId);
        await grain.ExperienceAsync(new Stimulus { Cohesion = 0.5 }, "Nice to see you.");
        var arrived = new TaskCompletionSource<AnimaInitiative>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await Client.SubscribeToInitiativeAsync(agentId, initiative =>
        {
            arrived.TrySetResult(initiative);
            return Task.CompletedTask;
        });

        await fixture.Cluster.DeactivateAsync(grain);
        fixture.Clock.Advance(TimeSpan.FromDays(1));

        var initiative = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        initiative.Need.Should().Be(Need.Connection);
        initiative.Message.Should().BeNull("there was no voice to say it with");
        initiative.PersonId.Should().BeNull();
        (await grain.GetStateAsync()).Timestamp.Should().BeOnOrAfter(AnimaClusterFixture.Epoch.AddDays(1), "the beat itself was kept");
        await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task Events_ArePublishedOnTheAgentsStream_InTheAgentsOrder()
    {
        var events = new ConcurrentQueue<AnimaEvent>();
        var subscription = await Client.SubscribeToEventsAsync("watched", e =>
        {
            events.Enqueue(e);
            return Task.CompletedTask;
        });
        var grain = Client.GetAnima("watched");
        await grain.ChatAsync("Good morning! How are you today?");
        await grain.ChatAsync("I got the job, by the way!");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (events.Count(e => e is AgentMessageEvent) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var said = events.Where(e => e is UserMessageEvent or AgentMessageEvent).ToList();
        said.Select(e => e.GetType().Name).Should().Equal(nameof(UserMessageEvent), nameof(AgentMessageEvent), nameof(UserMessageEvent), nameof(AgentMessageEvent));
        ((UserMessageEvent)said[2]).Text.Should().Be("I got the job, by the way!");
        events.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        await subscription.UnsubscribeAsync();
    }
}
