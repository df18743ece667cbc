using System.Collections.Concurrent;
using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Events;

public sealed class EventTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 8, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("anima-events-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ChatTurnWithATool_RaisesEveryEventInOrder()
    {
        var client = new ScriptedChatClient()
            .Reply(_ => new ChatResponse(
            [
                new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", "lookup", new Dictionary<string, object?> { ["city"] = "Oslo" })]),
                new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call-1", "It is raining in Oslo.")]),
                new ChatMessage(ChatRole.Assistant, "It is raining there, I'm afraid."),
            ]));
        var (agent, _) = Agent(client);
        var seen = new List<AnimaEvent>();
        agent.EventOccurred += (sender, e) =>
        {
            sender.Should().BeSameAs(agent);
            seen.Add(e);
        };

        await agent.ChatAsync("What is the weather in Oslo?");

        seen.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, seen.Count).Select(i => (long)i));
        seen.Select(e => e.Kind).Should().Equal(
            AnimaEventKind.UserMessage,
            AnimaEventKind.StateChanged,
            AnimaEventKind.SystemMessage,
            AnimaEventKind.ToolCall,
            AnimaEventKind.ToolResponse,
            AnimaEventKind.StateChanged,
            AnimaEventKind.AgentMessage,
            AnimaEventKind.StateChanged);
        seen.OfType<UserMessageEvent>().Single().Text.Should().Be("What is the weather in Oslo?");
        seen.OfType<SystemMessageEvent>().Single().Text.Should().Contain(StatePrompt.OpenTag);
        seen.OfType<ToolCallEvent>().Single().Should().Match<ToolCallEvent>(c => c.CallId == "call-1" && c.Name == "lookup" && c.Arguments!.Contains("Oslo"));
        seen.OfType<ToolResponseEvent>().Single().Should().Match<ToolResponseEvent>(r => r.Succeeded && r.Result == "It is raining in Oslo.");
        seen.OfType<AgentMessageEvent>().Single().Text.Should().Be("It is raining there, I'm afraid.");
        seen.OfType<StateChangedEvent>().Last().State.Should().BeSameAs(agent.State);
    }

    [Fact]
    public void ConcurrentExperiences_ReachSubscribersInOrderWithoutGaps()
    {
        var (agent, _) = Agent();
        var seen = new ConcurrentQueue<AnimaEvent>();
        agent.EventOccurred += (_, e) => seen.Enqueue(e);

        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < 2_000; i++)
            {
                agent.Experience(new Stimulus { Tension = (i % 7) / 10.0 });
            }
        });

        seen.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, seen.Count).Select(i => (long)i));
        seen.OfType<StateChangedEvent>().Should().HaveCount(8_000);
        seen.Should().AllSatisfy(e => e.Kind.Should().BeOneOf([AnimaEventKind.StateChanged, AnimaEventKind.DesireArisen], "lasting tension may make the agent want to feel safe"));
    }

    [Fact]
    public void ExperienceCountsAndEvents_AgreeOneToOne()
    {
        var (agent, _) = Agent();
        var changes = new List<StateChangedEvent>();
        agent.EventOccurred += (_, e) =>
        {
            if (e is StateChangedEvent change)
            {
                changes.Add(change);
            }
        };

        for (int i = 0; i < 50; i++)
        {
            agent.Experience(new Stimulus { Satisfaction = 0.3 }, "thank you");
        }

        changes.Select(c => c.ExperienceCount).Should().Equal(Enumerable.Range(1, 50).Select(i => (long)i));
        changes.Should().OnlyContain(c => c.Primary == c.State!.Primary && c.Vad == c.State.Vad);
    }

    [Fact]
    public async Task Store_KeepsEventsAndReturnsThemByAgentAndTime()
    {
        var store = new SqliteAnimaStore(Path.Combine(_folder.FullName, "events.db"));
        var (ada, adaClock) = Agent(new ScriptedChatClient().Reply("Hello to you too."));
        var (bo, _) = Agent();
        await ada.ChatAsync("Hello!");
        adaClock.Advance(TimeSpan.FromHours(1));
        ada.Experience(new Stimulus { Tension = 0.8 });
        bo.Experience(new Stimulus { Cohesion = 0.4 });
        var live = new List<AnimaEvent>();
        await store.SaveAsync("ada", ada);
        await store.SaveAsync("bo", bo);
        adaClock.Advance(TimeSpan.FromHours(1));
        ada.EventOccurred += (_, e) => live.Add(e);
        ada.Experience(new Stimulus { Tension = -0.5 });
        await store.SaveAsync("ada", ada);

        var all = await store.ReadEventsAsync("ada");
        var firstHour = await store.ReadEventsAsync("ada", since: Start, until: Start.AddHours(1));
        var later = await store.ReadEventsAsync("ada", since: Start.AddHours(1));

        all.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), "each save adds only what is new");
        all.Select(e => e.Kind).Should().StartWith([AnimaEventKind.UserMessage, AnimaEventKind.StateChanged, AnimaEventKind.SystemMessage, AnimaEventKind.AgentMessage, AnimaEventKind.StateChanged]);
        all.OfType<UserMessageEvent>().Single().Text.Should().Be("Hello!");
        all[^1].Should().BeOfType<StateChangedEvent>().Which.Should().Match<StateChangedEvent>(e => e.Sequence == live.Single().Sequence && e.Vad == ((StateChangedEvent)live.Single()).Vad && e.State == null);
        firstHour.Should().OnlyContain(e => e.Timestamp < Start.AddHours(1));
        later.Should().HaveCount(2);
        firstHour.Count.Should().Be(all.Count - 2);
        (await store.ReadEventsAsync("bo")).Should().ContainSingle().Which.Should().BeOfType<StateChangedEvent>();
        (await store.ReadEventsAsync("nobody")).Should().BeEmpty();

        var (resumed, _) = Agent();
        await store.LoadAsync("ada", resumed);
        resumed.Experience(new Stimulus { Arousal = 0.2 });
        await store.SaveAsync("ada", resumed);
        (await store.ReadEventsAsync("ada"))[^1].Sequence.Should().Be(all.Count + 1, "numbering continues after a load");
    }

    private static (AnimaCore Agent, FakeTimeProvider Clock) Agent(IChatClient? client = null)
    {
        var clock = new FakeTimeProvider(Start);
        return (new AnimaCore(new AnimaOptions { Seed = 8, TimeProvider = clock }, client), clock);
    }
}
