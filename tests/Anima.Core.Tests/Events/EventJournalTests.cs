using Anima.Diagnostics;
using Anima.Events;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Events;

public sealed class EventJournalTests
{
    private const int Capacity = EventJournal.DefaultCapacity;

    [Fact]
    public void Record_ThousandsOfEvents_KeepsTheNewestInOrderAndDeliversEachOnce()
    {
        var journal = Journal();
        var delivered = new List<long>();
        journal.EventOccurred += (_, e) => delivered.Add(e.Sequence);
        for (int i = 0; i < Capacity + 100; i++)
        {
            journal.UserMessage($"message {i}");
            journal.Deliver();
        }

        var (kept, missed) = journal.After(default);
        kept.Should().HaveCount(Capacity, "the ring keeps the newest");
        missed.Should().Be(100, "the hundred oldest are no longer kept");
        kept.Select(e => e.Sequence).Should().BeInAscendingOrder().And.EndWith(Capacity + 100);
        delivered.Should().Equal(Enumerable.Range(1, Capacity + 100).Select(i => (long)i));
        journal.After(journal.Mark with { Sequence = Capacity + 99 }).Events.Select(e => ((UserMessageEvent)e).Text).Should().Equal($"message {Capacity + 99}");
    }

    [Fact]
    public void ToolCall_SeenTwice_IsRecordedOnce_AndInstructionsOnlyWhenTheyChange()
    {
        var journal = Journal();
        var call = new FunctionCallContent("call-1", "weather", new Dictionary<string, object?> { ["city"] = "Oslo" });
        journal.ToolCall(call);
        journal.ToolCall(call);
        journal.Instructions("be kind");
        journal.Instructions("be kind");
        journal.Instructions("be brief");

        journal.After(default).Events.Select(e => e.Kind).Should().Equal(AnimaEventKind.ToolCall, AnimaEventKind.SystemMessage, AnimaEventKind.SystemMessage);
        ((ToolCallEvent)journal.After(default).Events[0]).Arguments.Should().Contain("Oslo");
    }

    [Fact]
    public void After_MarkOfAnotherJournal_GivesEveryKeptEvent_AndOfThisOne_OnlyTheNewer()
    {
        var journal = Journal();
        journal.UserMessage("one");
        journal.UserMessage("two");
        var mark = journal.Mark;
        journal.UserMessage("three");

        journal.After(mark).Events.Select(e => ((UserMessageEvent)e).Text).Should().Equal("three");
        journal.After(new AnimaEventMark(Guid.NewGuid(), 2)).Events.Should().HaveCount(3, "a mark of another journal says nothing about this one's numbers");
        journal.After(mark with { Sequence = 99 }).Events.Should().BeEmpty("a mark beyond the newest event asks for nothing");
    }

    [Fact]
    public void Read_Import_StartsANewJournalThatContinuesTheNumbering()
    {
        var journal = Journal();
        journal.UserMessage("before");
        var before = journal.Mark;
        journal.Read(new Anima.StateModel.SectionReader(System.Text.Json.JsonDocument.Parse("""{"sequence":40}""").RootElement, "events"))();
        journal.UserMessage("after");

        journal.Mark.Journal.Should().NotBe(before.Journal, "the numbering no longer continues what a store saved from before");
        journal.Mark.Sequence.Should().Be(41);
        journal.After(before).Events.Select(e => e.Sequence).Should().Equal(41);
    }

    [Fact]
    public void UserMessage_OfOneMegabyte_IsKeptCutWithAMarker()
    {
        var journal = Journal();
        journal.UserMessage(new string('a', 1 << 20));
        journal.AgentMessage("short");

        var texts = journal.After(default).Events.Select(e => e is UserMessageEvent u ? u.Text : ((AgentMessageEvent)e).Text).ToList();
        texts[0].Should().HaveLength(EventJournal.MaxTextLength).And.EndWith(EventJournal.CutMarker);
        texts[1].Should().Be("short");
        EventJournal.Cut(new string('x', EventJournal.MaxTextLength - EventJournal.CutMarker.Length - 1) + "😀" + new string('t', 100))
            .Should().EndWith("x" + EventJournal.CutMarker, "a surrogate pair is never split");
    }

    private EventJournal Journal() => new(new Lock(), new FakeTimeProvider(), new AgentLog(null), this);
}
