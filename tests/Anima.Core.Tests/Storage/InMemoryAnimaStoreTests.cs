using System.Collections.Concurrent;
using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Storage;

/// <summary>
/// A third party's store, written against the public API alone (<see cref="AnimaCore.CreateCheckpoint"/>,
/// <see cref="AnimaCore.RestoreCheckpoint"/>, <see cref="AnimaCheckpoint"/>): it saves incrementally, appending only
/// the memories and events it lacks, and brings an agent back exactly.
/// </summary>
public sealed class InMemoryAnimaStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveThenLoad_AgentWithMemoriesConversationAndEvents_RoundTripsExactly()
    {
        var store = new InMemoryAnimaStore();
        var (agent, clock) = Agent(new ScriptedChatClient().Reply("I am glad you came back.").Reply("That sounds hard; I am here."));
        await agent.ChatAsync("Hello again, I missed talking to you.");
        await agent.RememberAsync("They came back after a long week.");
        clock.Advance(TimeSpan.FromMinutes(3));
        await agent.ChatAsync("Work has been awful and my boss shouted at me.");
        await agent.RememberAsync("Their boss shouted at them.");
        await store.SaveAsync("mira", agent);

        var (copy, copyClock) = Agent(new ScriptedChatClient());
        copyClock.SetUtcNow(clock.GetUtcNow());
        (await store.LoadAsync("mira", copy)).Should().BeTrue();

        copy.ExportState().Should().Be(agent.ExportState());
        copy.History.Select(m => m.Text).Should().Equal(agent.History.Select(m => m.Text));
        // The moving turn was remembered by itself, between the two the host remembered; the greeting was not.
        copy.Memory.GetAll().Select(m => m.Text).Should().Equal("They came back after a long week.", "Work has been awful and my boss shouted at me.", "Their boss shouted at them.");
        copy.Memory.GetAll()[1].Reply.Should().NotBeNull();
        (await store.ReadEventsAsync("mira")).Select(e => e.Sequence).Should().Equal(
            Enumerable.Range(1, (int)agent.CreateCheckpoint().Events[^1].Sequence).Select(i => (long)i), "every event was saved once, in order");
        copy.Experience(new Stimulus { Tension = 0.3 }, "are you still there?").Narrative
            .Should().Be(agent.Experience(new Stimulus { Tension = 0.3 }, "are you still there?").Narrative);
    }

    [Fact]
    public async Task Save_Again_AppendsOnlyWhatIsNewAndStartsOverAfterAReset()
    {
        var store = new InMemoryAnimaStore();
        var (agent, _) = Agent(null);
        await agent.RememberAsync("the first thing");
        await store.SaveAsync("kai", agent);
        agent.Experience(new Stimulus { Satisfaction = 0.5 });
        await agent.RememberAsync("the second thing");
        await store.SaveAsync("kai", agent);

        store.MemoriesWritten.Should().Be(2, "the second save appends the one new memory");
        store.EventsWritten.Should().Be(agent.CreateCheckpoint().Events.Count, "each event is written once");

        agent.Reset();
        await agent.RememberAsync("a new life");
        await store.SaveAsync("kai", agent);
        var (copy, _) = Agent(null);
        await store.LoadAsync("kai", copy);
        copy.Memory.GetAll().Select(m => m.Text).Should().Equal("a new life");
    }

    [Fact]
    public async Task Load_DocumentOfAnotherAgent_IsRefusedAndChangesNothing()
    {
        var store = new InMemoryAnimaStore();
        var (agent, _) = Agent(null);
        agent.Experience(new Stimulus { Tension = 0.4 });
        await store.SaveAsync("ren", agent);
        var other = new AnimaCore(new AnimaOptions { Seed = 3, Profile = ChannelProfile.Hormonal, TimeProvider = new FakeTimeProvider(Start) });
        string before = other.ExportState();

        await other.Invoking(o => store.LoadAsync("ren", o)).Should().ThrowAsync<InvalidDataException>().WithMessage("*profile 'default'*");
        other.ExportState().Should().Be(before);
    }

    private static (AnimaCore Agent, FakeTimeProvider Clock) Agent(ScriptedChatClient? client)
    {
        var clock = new FakeTimeProvider(Start);
        return (new AnimaCore(new AnimaOptions { Seed = 5, Personality = new Personality { Extraversion = 0.7 }, TimeProvider = clock }, client), clock);
    }

    /// <summary>An incremental store in a dictionary, using nothing but the public API.</summary>
    private sealed class InMemoryAnimaStore : IAnimaStore
    {
        private readonly ConcurrentDictionary<string, Saved> _agents = new(StringComparer.Ordinal);

        public int MemoriesWritten { get; private set; }

        public int EventsWritten { get; private set; }

        public Task SaveAsync(string agentId, AnimaCore agent, CancellationToken cancellationToken = default)
        {
            lock (_agents)
            {
                var saved = _agents.GetValueOrDefault(agentId) ?? new Saved();
                var checkpoint = agent.CreateCheckpoint(saved.EventMark);
                if (checkpoint.MemoryEpoch != saved.Epoch)
                {
                    saved.Memories.Clear();
                    saved.Epoch = checkpoint.MemoryEpoch;
                }

                long lastId = saved.Memories.Count > 0 ? saved.Memories[^1].Id : 0;
                foreach (var memory in checkpoint.Memories.Where(m => m.Id > lastId))
                {
                    saved.Memories.Add(memory);
                    MemoriesWritten++;
                }

                saved.Events.AddRange(checkpoint.Events);
                saved.EventMark = checkpoint.EventMark;
                EventsWritten += checkpoint.Events.Count;
                saved.Document = checkpoint.Document.ToArray();
                _agents[agentId] = saved;
            }

            return Task.CompletedTask;
        }

        public Task<bool> LoadAsync(string agentId, AnimaCore agent, CancellationToken cancellationToken = default)
        {
            if (!_agents.TryGetValue(agentId, out var saved))
            {
                return Task.FromResult(false);
            }

            agent.RestoreCheckpoint(new AnimaCheckpoint(saved.Document, [.. saved.Memories], saved.Epoch));
            return Task.FromResult(true);
        }

        public Task<IReadOnlyList<AnimaEvent>> ReadEventsAsync(string agentId, DateTimeOffset? since = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AnimaEvent>>(_agents.TryGetValue(agentId, out var saved)
                ? [.. saved.Events.Where(e => (since is null || e.Timestamp >= since) && (until is null || e.Timestamp < until))]
                : []);

        public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>([.. _agents.Keys.Order(StringComparer.Ordinal)]);

        public Task<bool> DeleteAsync(string agentId, CancellationToken cancellationToken = default) => Task.FromResult(_agents.TryRemove(agentId, out _));

        private sealed class Saved
        {
            public byte[] Document { get; set; } = [];

            public Guid Epoch { get; set; }

            public AnimaEventMark EventMark { get; set; }

            public List<EmotionalMemory> Memories { get; } = [];

            public List<AnimaEvent> Events { get; } = [];
        }
    }
}
