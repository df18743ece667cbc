using System.Globalization;
using System.Numerics.Tensors;
using Anima.StateModel;
using Microsoft.Extensions.AI;

namespace Anima.Memory;

/// <summary>
/// Remembering with feeling and recalling what fits the moment (F16): the agent's <see cref="IEmotionalMemory"/>, the
/// embedding generator, memory ids that rise for the agent's whole life, and the epoch that tells a store whether
/// the memories it holds continue the agent's.
/// </summary>
internal sealed partial class MemoryKeeping
{
    private readonly AnimaCore _agent;
    private readonly Lock _gate;
    private readonly TimeProvider _time;
    private readonly MemoryOptions _options;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly ChannelProfile _profile;
    private readonly Func<string?, string?> _emotionNamed;
    private long _lastId;

    /// <summary>Counts the runs of memories (a reset or an import begins a new one), so a remember that overlaps one can tell.</summary>
    private long _run;

    /// <summary>
    /// Names the present run of memories; renewed whenever they are replaced wholesale (a reset, an import), so a store
    /// can tell memories that continue what it saved from a different history.
    /// </summary>
    private Guid _epoch = Guid.NewGuid();

    public MemoryKeeping(AnimaCore agent, Lock gate, TimeProvider time, IEmotionalMemory memory, MemoryOptions options, IEmbeddingGenerator<string, Embedding<float>> embeddings, ChannelProfile profile, Func<string?, string?> emotionNamed)
    {
        _agent = agent;
        _gate = gate;
        _time = time;
        Memory = memory;
        _options = options;
        _embeddings = embeddings;
        _profile = profile;
        _emotionNamed = emotionNamed;
    }

    /// <summary>Gets where the memories are kept.</summary>
    public IEmotionalMemory Memory { get; }

    /// <summary>Remembers a text with the feeling of the moment; see <see cref="AnimaCore.RememberAsync"/>.</summary>
    public async Task<EmotionalMemory> RememberAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        long run = Volatile.Read(ref _run);
        var vector = await EmbedAsync(text, cancellationToken).ConfigureAwait(false);
        var state = _agent.State;
        return Keep(run, state, Importance(state), m => m with { Text = text, Embedding = vector });
    }

    /// <summary>How much a moment matters, in [0, 1]: half its salience, three tenths its prediction error (saturating at two), a fifth its intensity, and a fifth more for a surprise spike.</summary>
    public static double Importance(AnimaState state) => Math.Clamp(
        (0.5 * state.Salience) + (0.3 * Math.Min(1, state.PredictionError / 2)) + (0.2 * state.Intensity) + (state.SurpriseSpike ? 0.2 : 0),
        0,
        1);

    /// <summary>
    /// Keeps a memory of <paramref name="state"/> that <paramref name="shape"/> completes, with the next id, under the
    /// agent's lock, so ids rise in the order memories are kept, across threads and resets alike. A memory whose
    /// embedding a reset or an import overtook (its <paramref name="run"/> is over) is returned but not kept: it belongs
    /// to the run they ended, and is forgotten with it.
    /// </summary>
    private EmotionalMemory Keep(long run, AnimaState state, double importance, Func<EmotionalMemory, EmotionalMemory> shape)
    {
        double[] levels = [.. state.Reactors.Select(r => r.Level)];
        lock (_gate)
        {
            var memory = shape(new EmotionalMemory(++_lastId, string.Empty, _time.GetUtcNow(), state.Primary, state.Vad, levels, importance, ReadOnlyMemory<float>.Empty));
            if (_run == run)
            {
                Memory.Add(memory);
                Noted(memory);
            }

            return memory;
        }
    }

    /// <summary>Recalls the memories that fit a cue in the present mood, and lets the best one echo; see <see cref="AnimaCore.RecallAsync"/>.</summary>
    public async Task<IReadOnlyList<RecalledMemory>> RecallAsync(string cue, int count, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cue);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (Memory.Count == 0)
        {
            return [];
        }

        var vector = await EmbedAsync(cue, cancellationToken).ConfigureAwait(false);
        var recalled = Memory.Recall(vector, _agent.State.Vad, _time.GetUtcNow(), count)
            ?? throw new InvalidOperationException($"The memory {Memory.GetType().Name} returned null from {nameof(IEmotionalMemory.Recall)}; it must return the memories, or none.");
        if (recalled.Count > 0 && _options.EchoStrength > 0)
        {
            _agent.Experience(Echo(recalled[0]));
        }

        return recalled;
    }

    /// <summary>Gets the run the memories belong to (see <see cref="AnimaCheckpoint.MemoryEpoch"/>). Read under the agent's lock.</summary>
    public Guid Epoch => _epoch;

    /// <summary>Forgets every memory; a new run of memories begins. Call under the agent's lock.</summary>
    public void Reset()
    {
        Memory.Clear();
        ForgetReflection();
        _lastId = 0;
        _epoch = Guid.NewGuid();
        Volatile.Write(ref _run, _run + 1);
    }

    /// <summary>Replaces every memory with checked ones, as one run (<paramref name="epoch"/>, or a new one). Call under the agent's lock.</summary>
    public void Replace(IReadOnlyList<EmotionalMemory> memories, Guid? epoch)
    {
        if (Memory is EmotionalMemoryBank bank)
        {
            bank.ReplaceAll(memories, unitLengthChecked: true); // Check measured every embedding
        }
        else
        {
            Memory.ReplaceAll(memories);
        }

        ForgetReflection();
        foreach (var memory in memories)
        {
            Noted(memory);
        }

        _lastId = memories.Count > 0 ? memories[^1].Id : 0;
        _epoch = epoch ?? Guid.NewGuid();
        Volatile.Write(ref _run, _run + 1);
    }

    /// <summary>Checks memories (from a document or a store) against this agent before any is kept.</summary>
    /// <exception cref="InvalidDataException">A memory is missing, out of order, or holds a value out of range; the message names it.</exception>
    /// <remarks>
    /// Memories that <see cref="SqliteAnimaStore"/> decoded (<see cref="Storage.DecodedMemories"/>) had each embedding's length
    /// measured as they were decoded, and their levels are their own: neither is done again.
    /// </remarks>
    public List<EmotionalMemory> Check(IReadOnlyList<EmotionalMemory> memories)
    {
        bool decoded = memories is Storage.DecodedMemories;
        var checkedMemories = new List<EmotionalMemory>(memories.Count);
        int dimensions = memories.Count > 0 ? memories[0].Embedding.Length : 0;
        long last = 0;
        for (int i = 0; i < memories.Count; i++)
        {
            // Field names are built only for the message of a refusal: a load checks thousands of values.
            var m = memories[i] ?? throw SectionReader.Refuse($"memories[{i}] is missing");
            if (m.Id <= last || m.Id > SectionReader.MaxCount)
            {
                throw SectionReader.Refuse($"memories[{i}].id is {m.Id}; ids must rise from one and stay below 2^53");
            }

            last = m.Id;
            if (string.IsNullOrEmpty(m.Text))
            {
                throw SectionReader.Refuse($"memories[{i}].text is empty");
            }

            if (m.Text.AsSpan().ContainsAnyInRange('\ud800', '\udfff'))
            {
                SectionReader.ValidText(m.Text, $"memories[{i}].text");
            }

            string emotion = _emotionNamed(m.Emotion) ?? throw SectionReader.Refuse($"memories[{i}].emotion is '{m.Emotion}', which is not an emotion of this agent's table");
            if (!(Math.Abs(m.Feeling.Valence) <= SectionReader.Magnitude && Math.Abs(m.Feeling.Arousal) <= SectionReader.Magnitude && Math.Abs(m.Feeling.Dominance) <= SectionReader.Magnitude))
            {
                SectionReader.Within(m.Feeling.Valence, $"memories[{i}].feeling.valence", -SectionReader.Magnitude, SectionReader.Magnitude);
                SectionReader.Within(m.Feeling.Arousal, $"memories[{i}].feeling.arousal", -SectionReader.Magnitude, SectionReader.Magnitude);
                SectionReader.Within(m.Feeling.Dominance, $"memories[{i}].feeling.dominance", -SectionReader.Magnitude, SectionReader.Magnitude);
            }

            if (m.Levels is null || m.Levels.Count != _profile.Count)
            {
                throw SectionReader.Refuse($"memories[{i}].levels holds {m.Levels?.Count ?? 0} numbers; {_profile.Count} were expected");
            }

            // A store's own decoded levels are held by no one else; any other list is copied, so its owner cannot change it.
            var levels = decoded && m.Levels is double[] own ? own : new double[_profile.Count];
            for (int c = 0; c < levels.Length; c++)
            {
                levels[c] = m.Levels[c] is >= 0 and <= 1 ? m.Levels[c] : SectionReader.Within(m.Levels[c], $"memories[{i}].levels[{c}]", 0, 1);
            }

            if (m.Importance is not (>= 0 and <= 1))
            {
                SectionReader.Within(m.Importance, $"memories[{i}].importance", 0, 1);
            }

            if (m.Embedding.Length != dimensions)
            {
                throw SectionReader.Refuse($"memories[{i}].embedding has {m.Embedding.Length} dimensions; the first memory's has {dimensions}");
            }

            float norm = decoded ? 1 : TensorPrimitives.Norm(m.Embedding.Span);
            if (!float.IsFinite(norm) || Math.Abs(norm - 1) > 1e-3)
            {
                throw SectionReader.Refuse(string.Create(CultureInfo.InvariantCulture, $"memories[{i}].embedding has length {norm}; it must be of unit length"));
            }

            if (m.Kind is not (MemoryKind.Moment or MemoryKind.Belief))
            {
                throw SectionReader.Refuse($"memories[{i}].kind is {(int)m.Kind}, which is not a kind of memory");
            }

            if (m.PersonId is { } person && (string.IsNullOrWhiteSpace(person) || person.Length > Person.MaxLength))
            {
                throw SectionReader.Refuse($"memories[{i}].person must be a person's id of one to {Person.MaxLength} characters");
            }

            if (m.Kind == MemoryKind.Belief && string.IsNullOrWhiteSpace(m.Subject))
            {
                throw SectionReader.Refuse($"memories[{i}] is a belief without a subject");
            }

            ValidOptional(m.PersonId, i, "person");
            ValidOptional(m.Reply, i, "reply");
            ValidOptional(m.Subject, i, "subject");

            checkedMemories.Add(ReferenceEquals(levels, m.Levels) && string.Equals(emotion, m.Emotion, StringComparison.Ordinal) ? m : m with { Emotion = emotion, Levels = levels });
        }

        return checkedMemories;
    }

    private static void ValidOptional(string? text, int index, string field)
    {
        if (text is not null && text.AsSpan().ContainsAnyInRange('\ud800', '\udfff'))
        {
            SectionReader.ValidText(text, $"memories[{index}].{field}");
        }
    }

    private Stimulus Echo(RecalledMemory recalled)
    {
        var levels = recalled.Memory.Levels;
        var now = _agent.State.Reactors;
        double strength = _options.EchoStrength;
        var echo = default(Stimulus);
        for (int c = 0; c < now.Count && c < levels.Count; c++)
        {
            double pull = Math.Clamp((levels[c] - now[c].Level) * strength * recalled.Score, -strength, strength);
            if (pull != 0)
            {
                echo = echo.With(now[c].Channel, pull);
            }
        }

        return echo;
    }

    private async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        if (_embeddings is HashingEmbeddingGenerator hashing)
        {
            return hashing.Embed(text);
        }

        var generated = await _embeddings.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (generated.Count == 0 || generated[0].Vector.Length == 0)
        {
            throw new InvalidOperationException($"The embedding generator {_embeddings.GetType().Name} returned no vector.");
        }

        var vector = generated[0].Vector.ToArray();
        float norm = TensorPrimitives.Norm<float>(vector);
        if (!(norm > 0) || !float.IsFinite(norm))
        {
            throw new InvalidOperationException($"The embedding generator {_embeddings.GetType().Name} returned a vector of length {norm}.");
        }

        TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }
}
