using System.Collections.Concurrent;
using System.Text.Json;
using Anima.Diagnostics;
using Anima.Narration;
using Anima.StateModel;
using Microsoft.Extensions.AI;

namespace Anima.Events;

/// <summary>
/// The agent's event stream (F17): every event numbered, kept for a store to save, and delivered to subscribers in
/// order, one at a time, outside the agent's lock.
/// </summary>
/// <remarks>
/// Each slot holds an <see cref="AnimaEvent"/>, or — for a change of state, the commonest event — just the few values
/// its event is made of, so an experience allocates no event unless someone subscribes, and the journal keeps no
/// snapshot alive (thousands of them, each surviving into an older GC generation, made every collection a costly
/// one). The ring starts small and doubles up to its capacity (<see cref="AnimaOptions.EventJournalCapacity"/>) as
/// events come, so an idle agent keeps about a kilobyte for it and a busy one a few more; the texts it keeps are cut
/// at <see cref="MaxTextLength"/>. The journal has an id, new whenever its numbering stops continuing what a store may
/// hold (when it is built and on every import), so a store can tell its own continuation from another history.
/// Everything here is guarded by the agent's one lock.
/// </remarks>
internal sealed class EventJournal
{
    /// <summary>The default number of recent events kept for a store to save.</summary>
    public const int DefaultCapacity = 256;

    /// <summary>The most characters of a message, tool result or argument list an event keeps; the rest is cut with <see cref="CutMarker"/>.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>What ends a text that was cut.</summary>
    public const string CutMarker = " [… cut]";

    /// <summary>How many tool-call ids are remembered to tell a repeated call from a new one.</summary>
    private const int SeenCallsLimit = 4096;

    private const int InitialSlots = 16;

    private readonly Lock _gate;
    private readonly TimeProvider _time;
    private readonly AgentLog _log;
    private readonly object _sender;
    private readonly int _capacity;
    private readonly Lock _deliveryGate = new();
    private readonly ConcurrentQueue<AnimaEvent> _undelivered = new();
    private readonly HashSet<string> _seenToolCalls = new(StringComparer.Ordinal);
    private Entry[] _journal = new Entry[InitialSlots];
    private long _count;
    private long _sequence;
    private Guid _id = Guid.NewGuid();
    private long _startedAt;
    private string? _lastInstructions;

    public EventJournal(Lock gate, TimeProvider time, AgentLog log, object sender, int capacity = DefaultCapacity)
    {
        _gate = gate;
        _time = time;
        _log = log;
        _sender = sender;
        _capacity = capacity;
        _journal = new Entry[Math.Min(InitialSlots, capacity)];
    }

    /// <summary>The subscribers, as <see cref="AnimaCore.EventOccurred"/> adds them.</summary>
    public event EventHandler<AnimaEvent>? EventOccurred;

    /// <summary>Gets the number of the newest event.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    /// <summary>Gets the mark of the newest event: this journal's id and its number.</summary>
    public AnimaEventMark Mark
    {
        get
        {
            lock (_gate)
            {
                return new AnimaEventMark(_id, _sequence);
            }
        }
    }

    /// <summary>
    /// Returns the kept events a store holding <paramref name="since"/> lacks, oldest first: those above its number when
    /// it is a mark of this journal, every kept one otherwise; and how many of them the ring no longer holds.
    /// </summary>
    public (List<AnimaEvent> Events, long Missed) After(AnimaEventMark since)
    {
        lock (_gate)
        {
            long from = since.Journal == _id ? Math.Clamp(since.Sequence, _startedAt, _sequence) : _startedAt;
            long first = Math.Max(from + 1, Math.Max(_sequence - _journal.Length + 1, 1));
            var events = new List<AnimaEvent>((int)Math.Max(0, _sequence - first + 1));
            for (long s = first; s <= _sequence; s++)
            {
                ref readonly var entry = ref _journal[(int)(s % _journal.Length)];
                if (entry.Sequence == s)
                {
                    events.Add(entry.Item as AnimaEvent ?? new StateChangedEvent(s, entry.Timestamp, entry.ExperienceCount, (string)entry.Item!, entry.Vad));
                }
            }

            return (events, _sequence - from - events.Count);
        }
    }

    /// <summary>Keeps and queues the change of state an experience made, and the desires it raised. Call under the agent's lock.</summary>
    public void Experienced(AnimaState snapshot, int arisen, ReadOnlySpan<double> pressure)
    {
        long sequence = ++_sequence;

        // The slot first: finding it may grow the ring, and the entry belongs in the new one.
        int slot = Slot(sequence);
        _journal[slot] = new Entry
        {
            Sequence = sequence,
            Timestamp = snapshot.Timestamp,
            ExperienceCount = snapshot.ExperienceCount,
            Item = snapshot.Primary,
            Vad = snapshot.Vad,
        };
        if (EventOccurred is not null)
        {
            _undelivered.Enqueue(new StateChangedEvent(sequence, snapshot.Timestamp, snapshot.ExperienceCount, snapshot.Primary, snapshot.Vad) { State = snapshot });
        }

        if (snapshot.Request.Concerns != RequestConcerns.None)
        {
            Record(snapshot.Request.Concerns, static (sequence, now, c) => new ConcernRaisedEvent(sequence, now, c, Phrasebook.Concern(c)));
        }

        for (int need = 0; arisen != 0 && need < pressure.Length; need++)
        {
            if ((arisen & (1 << need)) != 0)
            {
                var desire = ((Need)need, pressure[need]);
                _log.DesireArose(desire.Item1, desire.Item2);
                Record(desire, static (sequence, now, d) => new DesireArisenEvent(sequence, now, d.Item1, d.Item2, Phrasebook.Desire(d.Item1, d.Item2)));
            }
        }
    }

    /// <summary>Records that someone spoke to the agent.</summary>
    public void UserMessage(string text) => Record(Cut(text), static (sequence, now, t) => new UserMessageEvent(sequence, now, t));

    /// <summary>Records what the agent said.</summary>
    public void AgentMessage(string text) => Record(Cut(text), static (sequence, now, t) => new AgentMessageEvent(sequence, now, t));

    /// <summary>Records a tool's result.</summary>
    public void ToolResponse(FunctionResultContent result) =>
        Record(result, static (sequence, now, r) => new ToolResponseEvent(sequence, now, r.CallId, r.Exception is null, CutOrNull(r.Exception?.Message ?? r.Result?.ToString())));

    /// <summary>Cuts a text longer than <see cref="MaxTextLength"/> (never inside a surrogate pair) and marks the cut.</summary>
    public static string Cut(string text)
    {
        if (text.Length <= MaxTextLength)
        {
            return text;
        }

        int keep = MaxTextLength - CutMarker.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), CutMarker);
    }

    private static string? CutOrNull(string? text) => text is null ? null : Cut(text);

    /// <summary>Records instructions that differ from the last ones recorded.</summary>
    public void Instructions(string? instructions)
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
            Record(Cut(instructions), static (sequence, now, t) => new SystemMessageEvent(sequence, now, t));
        }
    }

    /// <summary>Records a tool call not seen before (by call id).</summary>
    public void ToolCall(FunctionCallContent call)
    {
        lock (_gate)
        {
            if (_seenToolCalls.Count > SeenCallsLimit)
            {
                _seenToolCalls.Clear();
            }

            if (!_seenToolCalls.Add(call.CallId))
            {
                return;
            }
        }

        string? arguments = call.Arguments is null ? null : Cut(JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>))));
        Record((call.CallId, call.Name, arguments), static (sequence, now, c) => new ToolCallEvent(sequence, now, c.CallId, c.Name, c.arguments));
    }

    /// <summary>Delivers queued events in order; whoever holds the delivery gate drains for everyone.</summary>
    public void Deliver()
    {
        if (_undelivered.IsEmpty)
        {
            return;
        }

        lock (_deliveryGate)
        {
            while (_undelivered.TryDequeue(out var e))
            {
                EventOccurred?.Invoke(_sender, e);
            }
        }
    }

    /// <summary>Writes the "events" section: the numbering the journal continues from.</summary>
    public void Write(Utf8JsonWriter writer) => writer.WriteNumber("sequence", _sequence);

    /// <summary>Checks an "events" section and returns what restores it; the events themselves live in a store, not here.</summary>
    public System.Action Read(SectionReader section)
    {
        long sequence = section.Integer("sequence", 0, SectionReader.MaxCount);
        return () =>
        {
            _sequence = sequence;
            _startedAt = sequence;
            _id = Guid.NewGuid();
            _journal = new Entry[Math.Min(InitialSlots, _capacity)];
            _count = 0;
            _lastInstructions = null;
        };
    }

    /// <summary>Numbers, keeps and queues one event; <see cref="Deliver"/> hands it to subscribers.</summary>
    private void Record<TState>(TState state, Func<long, DateTimeOffset, TState, AnimaEvent> create)
    {
        lock (_gate)
        {
            long sequence = ++_sequence;
            var e = create(sequence, _time.GetUtcNow(), state);
            int slot = Slot(sequence);
            _journal[slot] = new Entry { Sequence = sequence, Item = e };
            if (EventOccurred is not null)
            {
                _undelivered.Enqueue(e);
            }
        }
    }

    /// <summary>The slot of a new event, doubling the ring first while it is smaller than its capacity and full.</summary>
    private int Slot(long sequence)
    {
        if (++_count > _journal.Length && _journal.Length < _capacity)
        {
            var journal = new Entry[Math.Min(2 * _journal.Length, _capacity)];
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

    /// <summary>One kept event: any event as itself, or a change of state as the values its event is made of.</summary>
    private struct Entry
    {
        /// <summary>The event's number; 0 for an empty slot.</summary>
        public long Sequence;

        /// <summary>The event itself, or for a change of state the name of its primary emotion.</summary>
        public object? Item;
        public DateTimeOffset Timestamp;
        public long ExperienceCount;
        public Vad Vad;
    }
}
