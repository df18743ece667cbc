using System.Text;
using System.Text.Json;
using Anima.Engine;
using Anima.Persistence;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>Export and import of the agent's whole state as versioned JSON.</summary>
public sealed partial class AnimaCore
{
    /// <summary>The largest agent document <see cref="ImportState(Stream)"/> reads: 16 MiB.</summary>
    public const int MaxStateDocumentBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Writes the agent's whole state — reactors, prediction, the window φ reads, the emotion map's adaptation,
    /// personality growth, intention, temporal self, frustration, the last snapshot and the conversation — as a
    /// versioned JSON document that <see cref="ImportState(Stream)"/> restores exactly.
    /// </summary>
    /// <param name="utf8Json">Where the UTF-8 JSON goes; left open.</param>
    /// <remarks>
    /// Safe to call while other threads experience: the state is captured atomically between two experiences.
    /// A chat turn under way is not part of the document until it ends.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public void ExportState(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, CaptureDocument(includeMemories: true), AgentDocumentJsonContext.Default.AgentDocument);
    }

    /// <summary>Returns the agent's whole state as a versioned JSON document; see <see cref="ExportState(Stream)"/>.</summary>
    /// <returns>The JSON text.</returns>
    public string ExportState() => JsonSerializer.Serialize(CaptureDocument(includeMemories: true), AgentDocumentJsonContext.Default.AgentDocument);

    /// <summary>The document a store keeps: everything but the memories, which a store keeps row by row.</summary>
    internal byte[] ExportStateWithoutMemories() =>
        JsonSerializer.SerializeToUtf8Bytes(CaptureDocument(includeMemories: false), AgentDocumentJsonContext.Default.AgentDocument);

    /// <summary>
    /// Replaces the agent's state with one written by <see cref="ExportState(Stream)"/>, so it continues exactly
    /// as the exported agent would have. The agent must have been built with the same profile, emotion table,
    /// prediction model, personality and values; its layers and chat client stay its own.
    /// </summary>
    /// <param name="utf8Json">The UTF-8 JSON document, read to its end (at most <see cref="MaxStateDocumentBytes"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="InvalidDataException">
    /// The document is too large, truncated, malformed, of another format or a newer version, made for a
    /// differently built agent, or holds a value out of range; the message names it, and the agent is unchanged.
    /// </exception>
    public void ImportState(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxStateDocumentBytes)
            {
                throw new InvalidDataException($"The agent document is larger than the limit of {MaxStateDocumentBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        Import(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Replaces the agent's state with one written by <see cref="ExportState()"/>; see <see cref="ImportState(Stream)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InvalidDataException">The document is refused; the message says why, and the agent is unchanged.</exception>
    public void ImportState(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxStateDocumentBytes || Encoding.UTF8.GetByteCount(json) > MaxStateDocumentBytes)
        {
            throw new InvalidDataException($"The agent document is larger than the limit of {MaxStateDocumentBytes} bytes.");
        }

        Import(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Saves this agent's whole state in a store under <paramref name="agentId"/>; see <see cref="IAnimaStore.SaveAsync"/>.</summary>
    /// <param name="store">The store, such as a <see cref="SqliteAnimaStore"/>.</param>
    /// <param name="agentId">The agent's id in the store.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when the save is committed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public Task SaveAsync(IAnimaStore store, string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.SaveAsync(agentId, this, cancellationToken);
    }

    /// <summary>Replaces this agent's state with the one saved in a store under <paramref name="agentId"/>, if any; see <see cref="IAnimaStore.LoadAsync"/>.</summary>
    /// <param name="store">The store, such as a <see cref="SqliteAnimaStore"/>.</param>
    /// <param name="agentId">The agent's id in the store.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns><see langword="true"/> if a saved state was loaded; <see langword="false"/> if none is saved under the id (the agent is unchanged).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public Task<bool> LoadAsync(IAnimaStore store, string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.LoadAsync(agentId, this, cancellationToken);
    }

    /// <summary>Imports a document a store kept, with the memories it kept beside it; all checked before anything changes.</summary>
    /// <param name="utf8">The document, saved without its memories.</param>
    /// <param name="memories">The memories kept beside it.</param>
    /// <param name="epoch">The run the store's memories belong to, so the next save can append to them.</param>
    internal void ImportFromStore(ReadOnlySpan<byte> utf8, IReadOnlyList<EmotionalMemory> memories, Guid epoch) => Import(utf8, memories, epoch);

    private void Import(ReadOnlySpan<byte> utf8, IReadOnlyList<EmotionalMemory>? storedMemories = null, Guid? epoch = null)
    {
        AgentDocument? document;
        try
        {
            using var parsed = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"The agent document must be a JSON object, not {root.ValueKind}.");
            }

            string? format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format != AgentDocument.FormatName)
            {
                throw new InvalidDataException($"This is not an agent document: its format is '{format ?? "missing"}', not '{AgentDocument.FormatName}'.");
            }

            if (!root.TryGetProperty("version", out var v) || !v.TryGetInt32(out int version) || version < 1)
            {
                throw new InvalidDataException("The agent document has no valid version.");
            }

            if (version > AgentDocument.CurrentVersion)
            {
                throw new InvalidDataException($"The agent document is version {version}, newer than this library reads ({AgentDocument.CurrentVersion}).");
            }

            document = root.Deserialize(AgentDocumentJsonContext.Default.AgentDocument);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The agent document is not valid: {exception.Message}", exception);
        }

        if (document is null)
        {
            throw new InvalidDataException("The agent document is empty.");
        }

        var restored = new AgentState(_profile.Count, _state.Prediction.Length, _table.Count, new double[_state.History.Length]);
        var (history, seen) = Restore(document, restored);
        var memories = RestoreMemories(storedMemories ?? ToMemories(document.Memories));

        lock (_gate)
        {
            restored.History.CopyTo(_state.History, 0);
            _state.CopyFrom(restored);
            _snapshot = _state.Snapshot;
            Memory.ReplaceAll(memories);

            Interlocked.Exchange(ref _lastMemoryId, memories.Count > 0 ? memories[^1].Id : 0);
            _memoryEpoch = epoch ?? Guid.NewGuid();
        }

        lock (_gate)
        {
            // The numbering continues where the saved agent's stopped; its events live in the store, not here.
            _eventSequence = document.EventSequence;
            _journal = new JournalEntry[InitialJournalSlots];
            _journalCount = 0;
            _lastInstructions = null;
        }

        lock (_historyGate)
        {
            _history = history;
        }

        lock (_seenToolResults)
        {
            _seenToolResults.Clear();
            _seenToolResults.UnionWith(seen);
        }
    }

    private AgentDocument CaptureDocument(bool includeMemories)
    {
        MemoryDocument[]? memories = includeMemories ? [.. Memory.GetAll().Select(MemoryDocumentOf)] : null;
        JsonElement conversation;
        lock (_historyGate)
        {
            conversation = JsonSerializer.SerializeToElement(_history, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<ChatMessage>)));
        }

        string[] seen;
        lock (_seenToolResults)
        {
            seen = [.. _seenToolResults];
        }

        lock (_gate)
        {
            var s = _state;
            return new AgentDocument(
                AgentDocument.FormatName,
                AgentDocument.CurrentVersion,
                _profile.Name,
                _profile.Count,
                _table.Count,
                Seed,
                Traits(_configured),
                ValuesOf(_values),
                s.Count,
                s.LastTime,
                s.Random,
                [.. s.Levels],
                [.. s.Felt],
                [.. s.SlowLevels],
                [.. s.Prediction],
                [.. s.History],
                s.HistoryCount,
                s.HistoryHead,
                Flatten(s.MapOffsets),
                s.SurpriseMean,
                s.SurpriseVariance,
                Vector(s.Past),
                Vector(s.Recent),
                Vector(s.LastVad),
                s.Volatility,
                s.Frustration,
                s.LowCoherenceRun,
                s.Crisis,
                IntentionOf(s.Intention),
                [.. s.StimulusTrend],
                [.. s.Growth],
                [.. s.GrowthBasis],
                Traits(s.Personality),
                [.. s.Soul],
                SnapshotOf(s.Snapshot),
                conversation,
                seen,
                memories,
                Interlocked.Read(ref _eventSequence),
                [.. s.SoulLearning],
                s.LastContact,
                s.DesiresFelt,
                [.. s.DesirePressure]);
        }
    }

    private static MemoryDocument MemoryDocumentOf(EmotionalMemory m) =>
        new(m.Id, m.Text, m.Timestamp, m.Emotion, Vector(m.Feeling), [.. m.Levels], m.Importance, EmbeddingBytes(m.Embedding.Span));

    /// <summary>The little-endian bytes of an embedding's floats.</summary>
    internal static byte[] EmbeddingBytes(ReadOnlySpan<float> embedding)
    {
        var bytes = new byte[embedding.Length * sizeof(float)];
        for (int i = 0; i < embedding.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), embedding[i]);
        }

        return bytes;
    }

    /// <summary>An embedding from the little-endian bytes of its floats, or <see langword="null"/> when the length does not fit.</summary>
    internal static float[]? EmbeddingFrom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes.Length % sizeof(float) != 0)
        {
            return null;
        }

        var embedding = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < embedding.Length; i++)
        {
            embedding[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }

        return embedding;
    }

    private static List<EmotionalMemory> ToMemories(MemoryDocument[]? documents)
    {
        var memories = new List<EmotionalMemory>(documents?.Length ?? 0);
        for (int i = 0; i < (documents?.Length ?? 0); i++)
        {
            var d = documents![i];
            if (d is null)
            {
                throw Refuse($"memories[{i}] is missing");
            }

            var embedding = EmbeddingFrom(d.Embedding ?? []) ?? throw Refuse($"memories[{i}].embedding is not a whole number of floats");
            memories.Add(new EmotionalMemory(d.Id, d.Text, d.Timestamp, d.Emotion, Point(d.Feeling, $"memories[{i}].feeling"), d.Levels ?? throw Refuse($"memories[{i}].levels is missing"), d.Importance, embedding));
        }

        return memories;
    }

    private static SnapshotDocument SnapshotOf(AnimaState a) => new(
        a.ExperienceCount,
        a.Timestamp,
        [.. a.Reactors.Select(r => r.Level)],
        Vector(a.Vad),
        a.Primary,
        a.Expressed,
        [.. a.Blend.Select(b => new BlendDocument(b.Emotion, b.Weight))],
        a.Intensity,
        a.Phi,
        a.PredictionError,
        a.Surprise,
        a.FreeEnergy,
        a.SurpriseSpike,
        [.. a.Drives.Select(d => new DriveDocument(d.Channel, d.Direction, d.Strength, d.Need))],
        a.Spectral.Surface,
        a.Spectral.Subtext,
        a.Spectral.Archival,
        a.Self.Stability,
        Vector(a.Self.Character),
        Traits(a.Self.Personality),
        a.Self.Theme,
        a.Self.Variant,
        IntentionOf(a.Intention),
        a.Veto is { } veto ? new VetoDocument(veto.Verdict, veto.Value, veto.Original, veto.Replacement) : null,
        a.Request.Verdict,
        a.Request.Value,
        a.Request.Concerns,
        a.Dissonance,
        a.Defense,
        Vector(a.Temporal.Past),
        Vector(a.Temporal.Present),
        Vector(a.Temporal.Future),
        a.Temporal.Coherence,
        a.Temporal.InCrisis,
        [a.Mirror.Speaker.Valence, a.Mirror.Speaker.Arousal, a.Mirror.Speaker.Dominance, a.Mirror.Speaker.Confidence],
        a.Mirror.Perceived,
        a.Mirror.Resonance,
        a.Salience,
        a.Frustration,
        a.NarrativeVariant);

    private static IntentionDocument? IntentionOf(Intention? i) =>
        i is null ? null : new IntentionDocument(i.Goal, i.Source, i.Strength, i.Need, i.Persistence);

    private static double[] Vector(Vad v) => [v.Valence, v.Arousal, v.Dominance];

    private static double[] Flatten(ReadOnlySpan<Vad> points)
    {
        var flat = new double[points.Length * 3];
        for (int i = 0; i < points.Length; i++)
        {
            flat[3 * i] = points[i].Valence;
            flat[(3 * i) + 1] = points[i].Arousal;
            flat[(3 * i) + 2] = points[i].Dominance;
        }

        return flat;
    }

    private static double[] Traits(Personality p) =>
        [p.Openness, p.Conscientiousness, p.Extraversion, p.Agreeableness, p.Neuroticism];

    private static double[] ValuesOf(ValueSystem v) => [v.Care, v.Integrity, v.Autonomy, v.Fairness, v.Growth];
}
