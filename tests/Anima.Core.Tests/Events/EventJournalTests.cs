using Anima.Diagnostics;
using Anima.Events;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Events;

public sealed class EventJournalTests
{
    [Fact]
    public void Record_ThousandsOfEvents_KeepsTheNewestInOrderAndDeliversEachOnce()
    {
        var journal = new EventJournal(new Lock(), new FakeTimeProvider(), new AgentLog(null), this);
        var delivered = new List<long>();
        journal.EventOccurred += (_, e) => delivered.Add(e.Sequence);
        for (int i = 0; i < EventJournal.Capacity + 100; i++)
        {
            journal.UserMessage($"message {i}");
            journal.Deliver();
        }

        var kept = journal.After(0);
        kept.Should().HaveCount(EventJournal.Capacity, "the ring keeps the newest");
        kept.Select(e => e.Sequence).Should().BeInAscendingOrder().And.EndWith(EventJournal.Capacity + 100);
        delivered.Should().Equal(Enumerable.Range(1, EventJournal.Capacity + 100).Select(i => (long)i));
        journal.After(EventJournal.Capacity + 99).Select(e => ((UserMessageEvent)e).Text).Should().Equal($"message {EventJournal.Capacity + 99}");
    }

    [Fact]
    public void ToolCall_SeenTwice_IsRecordedOnce_AndInstructionsOnlyWhenTheyChange()
    {
        var journal = new EventJournal(new Lock(), new FakeTimeProvider(), new AgentLog(null), this);
        var call = new FunctionCallContent("call-1", "weather", new Dictionary<string, object?> { ["city"] = "Oslo" });
        journal.ToolCall(call);
        journal.ToolCall(call);
        journal.Instructions("be kind");
        journal.Instructions("be kind");
        journal.Instructions("be brief");

        journal.After(0).Select(e => e.Kind).Should().Equal(AnimaEventKind.ToolCall, AnimaEventKind.SystemMessage, AnimaEventKind.SystemMessage);
        ((ToolCallEvent)journal.After(0)[0]).Arguments.Should().Contain("Oslo");
    }
}
