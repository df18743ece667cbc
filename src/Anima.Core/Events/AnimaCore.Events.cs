using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>The agent's event stream: numbered, delivered in order, and kept for a store to save.</summary>
public sealed partial class AnimaCore
{
    /// <summary>How many recent events the agent keeps for a store to save; older unsaved ones are dropped.</summary>
    internal const int EventJournalCapacity = 4096;

    private const int InitialJournalSlots = 16;

    private readonly Lock _eventGate = new();
    private readonly Lock _deliveryGate = new();
    private readonly ConcurrentQueue<AnimaEvent> _undelivered = new();
    // Each slot holds an AnimaEvent, or — for a change of state, the commonest event — just its snapshot, so an
    // experience allocates no event unless someone subscribes. The ring starts small and doubles up to
    // EventJournalCapacity as events come, so an idle agent keeps a few hundred bytes for it, not 64 KB.
    private object?[] _journal = new object?[InitialJournalSlots];
    private long[] _journalSequences = new long[InitialJournalSlots];
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
        lock (_eventGate)
        {
            var events = new List<AnimaEvent>();
            long first = Math.Max(sequence + 1, _eventSequence - _journal.Length + 1);
            for (long s = Math.Max(first, 1); s <= _eventSequence; s++)
            {
                int slot = (int)(s % _journal.Length);
                if (_journalSequences[slot] != s)
                {
                    continue;
                }

                switch (_journal[slot])
                {
                    case AnimaEvent e:
                        events.Add(e);
                        break;
                    case AnimaState state:
                        events.Add(StateChanged(s, state));
                        break;
                }
            }

            return events;
        }
    }

    /// <summary>Numbers, keeps and queues one event; <see cref="DeliverEvents"/> hands it to subscribers.</summary>
    private void Record<TState>(TState state, Func<long, DateTimeOffset, TState, AnimaEvent> create)
    {
        lock (_eventGate)
        {
            long sequence = ++_eventSequence;
            var e = create(sequence, _time.GetUtcNow(), state);
            int slot = JournalSlot(sequence);
            _journal[slot] = e;
            _journalSequences[slot] = sequence;
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

    private void RecordStateChanged(AnimaState snapshot)
    {
        lock (_eventGate)
        {
            long sequence = ++_eventSequence;
            int slot = JournalSlot(sequence);
            _journal[slot] = snapshot;
            _journalSequences[slot] = sequence;
            if (EventOccurred is not null)
            {
                _undelivered.Enqueue(StateChanged(sequence, snapshot));
            }
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

        lock (_eventGate)
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

    /// <summary>The journal slot of a new event, doubling the ring first while it is smaller than <see cref="EventJournalCapacity"/> and full. Call under the event lock.</summary>
    private int JournalSlot(long sequence)
    {
        if (++_journalCount > _journal.Length && _journal.Length < EventJournalCapacity)
        {
            var journal = new object?[Math.Min(2 * _journal.Length, EventJournalCapacity)];
            var sequences = new long[journal.Length];
            for (int i = 0; i < _journal.Length; i++)
            {
                if (_journalSequences[i] != 0)
                {
                    int slot = (int)(_journalSequences[i] % journal.Length);
                    journal[slot] = _journal[i];
                    sequences[slot] = _journalSequences[i];
                }
            }

            (_journal, _journalSequences) = (journal, sequences);
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
            Record(desire, static (sequence, now, d) => new DesireArisenEvent(sequence, now, d.Item1, d.Item2, Narrator.Desire(d.Item1, d.Item2)));
        }
    }

    private void RecordAgentMessage(string text) =>
        Record(text, static (sequence, now, t) => new AgentMessageEvent(sequence, now, t));

    private void RecordToolResponse(FunctionResultContent result) =>
        Record(result, static (sequence, now, r) => new ToolResponseEvent(sequence, now, r.CallId, r.Exception is null, r.Exception?.Message ?? r.Result?.ToString()));
}
