using System.Collections.Concurrent;
using System.Text.Json;
using Anima.Diagnostics;
using Anima.Narration;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>The agent's event stream: numbered, delivered in order, and kept for a store to save.</summary>
public sealed partial class AnimaCore
{
    /// <summary>How many recent events the agent keeps for a store to save; older unsaved ones are dropped.</summary>
    internal const int EventJournalCapacity = 4096;

    private const int InitialJournalSlots = 16;

    private readonly Lock _deliveryGate = new();
    private readonly ConcurrentQueue<AnimaEvent> _undelivered = new();
    // Each slot holds an AnimaEvent, or — for a change of state, the commonest event — just the few values its
    // event is made of, so an experience allocates no event unless someone subscribes, and the journal keeps no
    // snapshot alive (thousands of them, each surviving into an older GC generation, made every collection a
    // costly one). The ring starts small and doubles up to EventJournalCapacity as events come, so an idle agent
    // keeps about a kilobyte for it.
    private JournalEntry[] _journal = new JournalEntry[InitialJournalSlots];
    private long _journalCount;
    private readonly HashSet<string> _seenToolCalls = new(StringComparer.Ordinal);
    private long _eventSequence;
    private string? _lastInstructions;

    /// <summary>
    /// Occurs for every event — messages, tool calls and responses, changes of instructions and of state — in the
    /// order of <see cref="AnimaEvent.Sequence"/>, one at a time.
    /// </summary>
    /// <remarks>
    /// Handlers run synchronously on the thread that caused the event (or on one that was delivering when it
    /// happened), after the agent's state has been committed; keep them short. An exception a handler throws
    /// reaches that caller; the event stays delivered and the agent stays as it is.
    /// </remarks>
    public event EventHandler<AnimaEvent>? EventOccurred;

    /// <summary>Returns the kept events numbered above <paramref name="sequence"/>, oldest first.</summary>
    internal List<AnimaEvent> EventsAfter(long sequence)
    {
        lock (_gate)
        {
            var events = new List<AnimaEvent>();
            long first = Math.Max(sequence + 1, _eventSequence - _journal.Length + 1);
            for (long s = Math.Max(first, 1); s <= _eventSequence; s++)
            {
                ref readonly var entry = ref _journal[(int)(s % _journal.Length)];
                if (entry.Sequence == s)
                {
                    events.Add(entry.Event ?? new StateChangedEvent(s, entry.Timestamp, entry.ExperienceCount, entry.Primary!, entry.Vad));
                }
            }

            return events;
        }
    }

    /// <summary>Numbers, keeps and queues one event; <see cref="DeliverEvents"/> hands it to subscribers.</summary>
    private void Record<TState>(TState state, Func<long, DateTimeOffset, TState, AnimaEvent> create)
    {
        lock (_gate)
        {
            long sequence = ++_eventSequence;
            var e = create(sequence, _time.GetUtcNow(), state);
            int slot = JournalSlot(sequence);
            _journal[slot] = new JournalEntry { Sequence = sequence, Event = e };
            if (EventOccurred is not null)
            {
                _undelivered.Enqueue(e);
            }
        }
    }

    /// <summary>Delivers queued events in order; whoever holds the delivery gate drains for everyone.</summary>
    private void DeliverEvents()
    {
        if (_undelivered.IsEmpty)
        {
            return;
        }

        lock (_deliveryGate)
        {
            while (_undelivered.TryDequeue(out var e))
            {
                EventOccurred?.Invoke(this, e);
            }
        }
    }

    /// <summary>Keeps and queues the change of state an experience made. Call under the agent's lock.</summary>
    private void RecordStateChanged(AnimaState snapshot)
    {
        long sequence = ++_eventSequence;
        int slot = JournalSlot(sequence);
        _journal[slot] = new JournalEntry
        {
            Sequence = sequence,
            Timestamp = snapshot.Timestamp,
            ExperienceCount = snapshot.ExperienceCount,
            Primary = snapshot.Primary,
            Vad = snapshot.Vad,
        };
        if (EventOccurred is not null)
        {
            _undelivered.Enqueue(StateChanged(sequence, snapshot));
        }
    }

    private static StateChangedEvent StateChanged(long sequence, AnimaState s) =>
        new(sequence, s.Timestamp, s.ExperienceCount, s.Primary, s.Vad) { State = s };

    /// <summary>Records that someone spoke to the agent.</summary>
    internal void RecordUserMessage(string text)
    {
        Record(text, static (sequence, now, t) => new UserMessageEvent(sequence, now, t));
        DeliverEvents();
    }

    private void RecordInstructions(string? instructions)
    {
        if (string.IsNullOrEmpty(instructions))
        {
            return;
        }

        lock (_gate)
        {
            if (instructions == _lastInstructions)
            {
                return;
            }

            _lastInstructions = instructions;
        }

        Record(instructions, static (sequence, now, t) => new SystemMessageEvent(sequence, now, t));
        DeliverEvents();
    }

    /// <summary>Records a tool call not seen before (by call id).</summary>
    private void RecordToolCall(FunctionCallContent call)
    {
        lock (_seenToolCalls)
        {
            if (_seenToolCalls.Count > 4096)
            {
                _seenToolCalls.Clear();
            }

            if (!_seenToolCalls.Add(call.CallId))
            {
                return;
            }
        }

        string? arguments = call.Arguments is null ? null : JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));
        Record((call.CallId, call.Name, arguments), static (sequence, now, c) => new ToolCallEvent(sequence, now, c.CallId, c.Name, c.arguments));
    }

    /// <summary>The journal slot of a new event, doubling the ring first while it is smaller than <see cref="EventJournalCapacity"/> and full. Call under the agent's lock.</summary>
    private int JournalSlot(long sequence)
    {
        if (++_journalCount > _journal.Length && _journal.Length < EventJournalCapacity)
        {
            var journal = new JournalEntry[Math.Min(2 * _journal.Length, EventJournalCapacity)];
            foreach (var entry in _journal)
            {
                if (entry.Sequence != 0)
                {
                    journal[(int)(entry.Sequence % journal.Length)] = entry;
                }
            }

            _journal = journal;
        }

        return (int)(sequence % _journal.Length);
    }

    /// <summary>Records each desire that arose in the latest step, with the pressure of its need.</summary>
    private void RecordDesires(int arisen, ReadOnlySpan<double> pressure)
    {
        for (int need = 0; need < pressure.Length; need++)
        {
            if ((arisen & (1 << need)) == 0)
            {
                continue;
            }

            var desire = ((Need)need, pressure[need]);
            if (Telemetry.Desires.Enabled)
            {
                Telemetry.Desires.Add(1, new KeyValuePair<string, object?>("anima.need", desire.Item1.ToString()));
            }

            LogDesireArose(_logger, desire.Item1, desire.Item2);
            Record(desire, static (sequence, now, d) => new DesireArisenEvent(sequence, now, d.Item1, d.Item2, Phrasebook.Desire(d.Item1, d.Item2)));
        }
    }

    private void RecordAgentMessage(string text) =>
        Record(text, static (sequence, now, t) => new AgentMessageEvent(sequence, now, t));

    private void RecordToolResponse(FunctionResultContent result) =>
        Record(result, static (sequence, now, r) => new ToolResponseEvent(sequence, now, r.CallId, r.Exception is null, r.Exception?.Message ?? r.Result?.ToString()));

    /// <summary>One kept event: any event as itself, or a change of state as the values its event is made of.</summary>
    private struct JournalEntry
    {
        /// <summary>The event's number; 0 for an empty slot.</summary>
        public long Sequence;

        /// <summary>The event, or <see langword="null"/> for a change of state.</summary>
        public AnimaEvent? Event;
        public DateTimeOffset Timestamp;
        public long ExperienceCount;
        public string? Primary;
        public Vad Vad;
    }
}
