using System.Text.Json;
using Anima.StateModel;
using Anima.Stimuli;
using Microsoft.Extensions.AI;

namespace Anima.Memory;

/// <summary>Memory in the conversation: turns remembered by themselves, memories recalled into the reply, and reflection.</summary>
internal sealed partial class MemoryKeeping
{
    /// <summary>How long a turn still in the history is not recalled: within it, the history itself holds the turn; after it, the conversation has moved on and remembering it is natural.</summary>
    public static readonly TimeSpan StillInMind = TimeSpan.FromHours(1);

    /// <summary>How much more a belief scores than a moment in a turn's recall: beliefs come back first.</summary>
    private const double BeliefPreference = 1.25;

    /// <summary>The newest belief's id for each subject; an older belief about a subject is not recalled into turns.</summary>
    private readonly Dictionary<string, long> _latestBelief = new(StringComparer.Ordinal);

    /// <summary>The summed importance of the moments kept since the last reflection.</summary>
    private double _sinceReflection;

    /// <summary>The id of the newest memory the last reflection drew on.</summary>
    private long _reflectedThrough;

    /// <summary>One while a reflection is under way: turns of several people may come due at once, and one reflection serves them.</summary>
    private int _reflecting;

    /// <summary>Gets whether the moments kept since the last reflection matter enough to reflect on (<see cref="MemoryOptions.ReflectionThreshold"/>).</summary>
    public bool ReflectionDue
    {
        get
        {
            lock (_gate)
            {
                return _options.ReflectionThreshold > 0 && _sinceReflection >= _options.ReflectionThreshold;
            }
        }
    }

    /// <summary>
    /// Recalls what a turn's message brings back: the memories that fit it and the mood best, beliefs preferred, none
    /// below <see cref="MemoryOptions.MinimumRelevance"/>, none in <paramref name="exclude"/> (the turns still in the
    /// history) younger than <see cref="StillInMind"/>, no belief a newer one replaced. The best one echoes its feeling.
    /// </summary>
    public async Task<IReadOnlyList<RecalledMemory>> RecallForTurnAsync(string cue, IReadOnlyCollection<long> exclude, CancellationToken cancellationToken)
    {
        int count = _options.RecollectionCount;
        if (count == 0 || Memory.Count == 0)
        {
            return [];
        }

        var vector = await EmbedAsync(cue, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var found = Memory.Recall(vector, _agent.State.Vad, now, (2 * count) + exclude.Count + 4)
            ?? throw new InvalidOperationException($"The memory {Memory.GetType().Name} returned null from {nameof(IEmotionalMemory.Recall)}; it must return the memories, or none.");
        var fitting = new List<RecalledMemory>(found.Count);
        lock (_gate)
        {
            foreach (var recalled in found)
            {
                var m = recalled.Memory;
                bool replaced = m.Kind == MemoryKind.Belief && m.Subject is { } subject && _latestBelief.TryGetValue(subject, out long latest) && latest != m.Id;
                bool inMind = now - m.Timestamp < StillInMind && exclude.Contains(m.Id);
                if (recalled.Relevance >= _options.MinimumRelevance && !replaced && !inMind)
                {
                    fitting.Add(m.Kind == MemoryKind.Belief ? recalled with { Score = Math.Min(1, recalled.Score * BeliefPreference) } : recalled);
                }
            }
        }

        fitting.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        if (fitting.Count > count)
        {
            fitting.RemoveRange(count, fitting.Count - count);
        }

        if (fitting.Count > 0 && _options.EchoStrength > 0)
        {
            _agent.Experience(Echo(fitting[0]));
        }

        return fitting;
    }

    /// <summary>
    /// Considers a turn for memory: kept, with who said it and what the agent answered, when the moment of hearing it
    /// (<paramref name="heard"/>) reached <see cref="MemoryOptions.KeepThreshold"/>; otherwise passed over.
    /// </summary>
    /// <returns>The memory kept, or null when the turn was small talk or turns are not remembered.</returns>
    public async Task<EmotionalMemory?> ConsiderTurnAsync(string said, string? reply, string? personId, AnimaState heard, CancellationToken cancellationToken)
    {
        double importance = TurnImportance(said, heard);
        if (!_options.RememberTurns || importance < _options.KeepThreshold || string.IsNullOrWhiteSpace(said))
        {
            return null;
        }

        long run = Volatile.Read(ref _run);
        string text = Cut(said, _options.MaxRememberedLength);
        string? answer = string.IsNullOrWhiteSpace(reply) ? null : Cut(reply, _options.MaxRememberedLength);
        var vector = await EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        return Keep(run, heard, importance, m => m with { Text = text, Embedding = vector, PersonId = personId, Reply = answer });
    }

    /// <summary>
    /// Considers an <see cref="AnimaCore.Experience"/> with a message for memory, when
    /// <see cref="MemoryOptions.RememberExperiences"/> is on: kept as a moment of no one when its importance (as a
    /// turn's) reaches <see cref="MemoryOptions.KeepThreshold"/>. Its embedding is made at once, so this needs the
    /// built-in <see cref="HashingEmbeddingGenerator"/> (checked when the agent is built).
    /// </summary>
    /// <returns><paramref name="state"/>, for the caller to return.</returns>
    public AnimaState ConsiderExperience(string? message, AnimaState state)
    {
        if (_options.RememberExperiences && !string.IsNullOrWhiteSpace(message) && _embeddings is HashingEmbeddingGenerator hashing)
        {
            double importance = TurnImportance(message, state);
            if (importance >= _options.KeepThreshold)
            {
                string text = Cut(message, _options.MaxRememberedLength);
                var vector = hashing.Embed(text);
                Keep(Volatile.Read(ref _run), state, importance, m => m with { Text = text, Embedding = vector });
            }
        }

        return state;
    }

    /// <summary>
    /// Reflects on the moments kept since the last reflection: draws a few beliefs (through the chat client when there
    /// is one and <see cref="MemoryOptions.ReflectWithChatClient"/> allows, otherwise or when its answer is unusable
    /// offline) and keeps them as memories of the kind <see cref="MemoryKind.Belief"/>.
    /// </summary>
    /// <param name="client">The chat client to ask, or null.</param>
    /// <param name="nameOf">The name of a person the agent knows, by id; null when it knows none.</param>
    /// <param name="cancellationToken">Cancels the reflection; nothing is kept then.</param>
    /// <returns>The beliefs kept; empty when there was nothing new to reflect on, or another reflection was under way.</returns>
    public async Task<IReadOnlyList<EmotionalMemory>> ReflectAsync(IChatClient? client, Func<string, string?> nameOf, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reflecting, 1) == 1)
        {
            return [];
        }

        try
        {
            return await ReflectOnceAsync(client, nameOf, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _reflecting, 0);
        }
    }

    private async Task<IReadOnlyList<EmotionalMemory>> ReflectOnceAsync(IChatClient? client, Func<string, string?> nameOf, CancellationToken cancellationToken)
    {
        long run;
        long through;
        List<EmotionalMemory> window;
        lock (_gate)
        {
            run = _run;
            through = _lastId;
            var after = Memory is EmotionalMemoryBank bank ? bank.After(_reflectedThrough) : Memory.GetAll().Where(m => m.Id > _reflectedThrough);
            window = [.. after.Where(static m => m.Kind == MemoryKind.Moment)];
        }

        if (window.Count == 0)
        {
            return [];
        }

        IReadOnlyList<DrawnBelief>? drawn = null;
        if (client is not null && _options.ReflectWithChatClient)
        {
            drawn = await ChatReflection.DrawAsync(client, window, nameOf, cancellationToken).ConfigureAwait(false);
        }

        drawn ??= OfflineReflection.Draw(window, nameOf);
        var kept = new List<EmotionalMemory>(drawn.Count);
        var state = _agent.State;
        foreach (var belief in drawn)
        {
            var vector = await EmbedAsync(belief.Text, cancellationToken).ConfigureAwait(false);
            kept.Add(Keep(run, state, belief.Importance, m => m with
            {
                Text = belief.Text,
                Embedding = vector,
                Kind = MemoryKind.Belief,
                Subject = belief.Subject,
                PersonId = belief.PersonId,
                Emotion = belief.Emotion,
                Feeling = belief.Feeling,
                Levels = belief.Levels,
            }));
        }

        lock (_gate)
        {
            if (_run == run)
            {
                _sinceReflection = 0;
                _reflectedThrough = Math.Max(_reflectedThrough, through);
            }
        }

        return kept;
    }

    /// <summary>Writes the "reflection" section: the importance gathered since the last reflection, and where it ended.</summary>
    public void WriteReflection(Utf8JsonWriter writer)
    {
        writer.WriteNumber("sinceReflection", _sinceReflection);
        writer.WriteNumber("reflectedThrough", _reflectedThrough);
    }

    /// <summary>Checks a "reflection" section (null for a document from before reflection) and returns what restores it, to run after the memories are replaced.</summary>
    public static System.Action ReadReflection(SectionReader? section, MemoryKeeping into)
    {
        double since = section?.Number("sinceReflection", 0, SectionReader.Magnitude) ?? 0;
        long through = section?.Integer("reflectedThrough", 0, SectionReader.MaxCount) ?? 0;
        return () =>
        {
            into._sinceReflection = since;
            into._reflectedThrough = through;
        };
    }

    /// <summary>
    /// How much a turn matters, in [0, 1]: half the importance of the moment it was heard (<see cref="Importance"/>),
    /// half the poignancy of what was said (<see cref="EnglishLexicon.Poignancy"/>: how much the strongest event in it
    /// usually means to a person), so that a lingering mood alone does not make small talk memorable.
    /// </summary>
    public static double TurnImportance(string said, AnimaState heard) =>
        Math.Clamp((0.5 * Importance(heard)) + (0.5 * EnglishLexicon.Poignancy(said)), 0, 1);

    /// <summary>Notes a memory kept: its importance toward the next reflection, and a belief as its subject's newest. Call under the agent's lock.</summary>
    private void Noted(EmotionalMemory memory)
    {
        if (memory.Kind == MemoryKind.Belief && memory.Subject is { } subject)
        {
            _latestBelief[subject] = memory.Id;
        }
        else if (memory.Id > _reflectedThrough)
        {
            _sinceReflection += memory.Importance;
        }
    }

    /// <summary>Forgets what reflection has gathered. Call under the agent's lock.</summary>
    private void ForgetReflection()
    {
        _latestBelief.Clear();
        _sinceReflection = 0;
        _reflectedThrough = 0;
    }

    /// <summary>Cuts a text to at most <paramref name="length"/> characters, at a word when there is one, never inside a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        text = text.Trim();
        if (text.Length <= length)
        {
            return text;
        }

        int end = length - 1;
        int space = text.LastIndexOf(' ', end);
        end = space > length / 2 ? space : end;
        if (char.IsLowSurrogate(text[end]))
        {
            end--;
        }

        return string.Concat(text.AsSpan(0, end).TrimEnd(), "\u2026");
    }
}
