using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anima.Character;
using Anima.Chat;
using Anima.Engine;
using Anima.Events;
using Anima.Memory;
using Anima.Metrics;
using Anima.StateModel;

namespace Anima.Persistence;

/// <summary>
/// The agent document (F18): one agent's whole state as versioned JSON, a document of named sections —
/// <c>{"format":"anima-agent","version":2,"sections":{"agent":…,"life":…,"reactors":…,…}}</c>. The "agent" section
/// says who the agent was built as, and every other section is written and read by the component that owns it, in
/// the order the pipeline registers them. Version 1 documents (one flat object) are upgraded on read.
/// </summary>
internal sealed class AgentDocument
{
    /// <summary>The value of <c>format</c>.</summary>
    public const string FormatName = "anima-agent";

    /// <summary>The version this library writes and the newest it reads.</summary>
    public const int CurrentVersion = 2;

    private static readonly string[] TraitNames = ["openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism"];
    private static readonly string[] ValueNames = ["care", "integrity", "autonomy", "fairness", "growth"];

    private readonly Pipeline _pipeline;
    private readonly ChannelProfile _profile;
    private readonly EmotionTable _table;
    private readonly int _seed;
    private readonly ValueSystem _values;
    private readonly Conversation _conversation;
    private readonly EventJournal _journal;
    private readonly MemoryKeeping _memory;

    public AgentDocument(Pipeline pipeline, ChannelProfile profile, EmotionTable table, int seed, ValueSystem values, Conversation conversation, EventJournal journal, MemoryKeeping memory)
    {
        _pipeline = pipeline;
        _profile = profile;
        _table = table;
        _seed = seed;
        _values = values;
        _conversation = conversation;
        _journal = journal;
        _memory = memory;
    }

    /// <summary>Writes the whole document. Call under the agent's lock, so every section shows the same moment.</summary>
    /// <param name="writer">Where the document goes.</param>
    /// <param name="state">The agent's committed state.</param>
    /// <param name="memories">The memories to include, or <see langword="null"/> for a document that a store keeps beside its memories.</param>
    public void Write(Utf8JsonWriter writer, AgentState state, IReadOnlyList<EmotionalMemory>? memories)
    {
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteNumber("version", CurrentVersion);
        writer.WriteStartObject("sections");
        writer.WriteStartObject("agent");
        writer.WriteString("profile", _profile.Name);
        writer.WriteNumber("channels", _profile.Count);
        writer.WriteNumber("emotions", _table.Count);
        writer.WriteNumber("seed", _seed);
        GrowthLayer.WritePersonality(writer, "configured", _pipeline.Configured);
        writer.WriteNumbers("values", Values(_values));
        writer.WriteEndObject();
        foreach (var section in _pipeline.Sections)
        {
            writer.WriteStartObject(section.Name);
            section.Write(state, writer);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("conversation");
        _conversation.Write(writer);
        writer.WriteEndObject();
        writer.WriteStartObject("people");
        _conversation.People.Write(writer);
        writer.WriteEndObject();
        writer.WriteStartObject("events");
        _journal.Write(writer);
        writer.WriteEndObject();
        writer.WriteStartObject("reflection");
        _memory.WriteReflection(writer);
        writer.WriteEndObject();
        if (memories is not null)
        {
            writer.WriteStartObject("memory");
            MemoryKeeping.Write(writer, memories);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Parses and checks a document against this agent, touching nothing the agent uses: the inner state goes into a
    /// fresh state, and what restores the conversation, the events and the memories is returned to run under the lock.
    /// </summary>
    /// <param name="utf8">The document.</param>
    /// <param name="storedMemories">Memories a store kept beside the document, or <see langword="null"/> to take the document's own.</param>
    /// <param name="epoch">The run the stored memories belong to, or <see langword="null"/> to begin a new one.</param>
    /// <exception cref="InvalidDataException">The document is refused; the message names what is wrong.</exception>
    public Import Read(ReadOnlySpan<byte> utf8, IReadOnlyList<EmotionalMemory>? storedMemories, Guid? epoch)
    {
        try
        {
            using var parsed = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"The agent document must be a JSON object, not {root.ValueKind}.");
            }

            string? format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (format != FormatName)
            {
                throw new InvalidDataException($"This is not an agent document: its format is '{format ?? "missing"}', not '{FormatName}'.");
            }

            if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int version) || version < 1)
            {
                throw new InvalidDataException("The agent document has no valid version.");
            }

            if (version > CurrentVersion)
            {
                throw new InvalidDataException($"The agent document is version {version}, newer than this library reads ({CurrentVersion}).");
            }

            if (version == 1)
            {
                using var upgraded = Upgrade(root);
                return Read(new SectionReader(upgraded.RootElement, string.Empty).Object("sections"), storedMemories, epoch);
            }

            return Read(new SectionReader(root, string.Empty).Object("sections"), storedMemories, epoch);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The agent document is not valid: {exception.Message}", exception);
        }
    }

    private Import Read(SectionReader sections, IReadOnlyList<EmotionalMemory>? storedMemories, Guid? epoch)
    {
        ReadAgent(sections.Object("agent"));
        var state = _pipeline.NewState();
        foreach (var section in _pipeline.Sections)
        {
            section.Read(sections.Object(section.Name), state);
        }

        _pipeline.Restored(state);
        Plain(_pipeline.Snapshot(state));
        var conversation = _conversation.Read(sections.Object("conversation"));
        var people = _conversation.People.Read(sections.OptionalObject("people"), _pipeline.EmotionNamed);
        var events = _journal.Read(sections.Object("events"));
        var memories = _memory.Check(storedMemories ?? (sections.OptionalObject("memory") is { } memory ? MemoryKeeping.Read(memory) : []));
        var reflection = MemoryKeeping.ReadReflection(sections.OptionalObject("reflection"), _memory);
        return new Import(state, conversation + people + events + (() => _memory.Replace(memories, epoch)) + reflection);
    }

    /// <summary>Refuses a snapshot whose free texts, which the prompt may carry, spell the inner-state block's tag.</summary>
    private static void Plain(AnimaState snapshot)
    {
        foreach (var (text, field) in new[] { (snapshot.Spectral.Surface, "surface"), (snapshot.Spectral.Subtext, "subtext") })
        {
            if (text is not null && !ReferenceEquals(StatePrompt.Neutralize(text), text))
            {
                throw SectionReader.Refuse($"snapshot.{field} spells the inner-state block's tag");
            }
        }
    }

    /// <summary>Checks that the document was made by an agent built as this one.</summary>
    private void ReadAgent(SectionReader agent)
    {
        string profile = agent.Text("profile");
        long channels = agent.Integer("channels");
        if (profile != _profile.Name || channels != _profile.Count)
        {
            throw SectionReader.Refuse($"it was made by an agent of profile '{profile}' with {channels} channels; this agent has profile '{_profile.Name}' with {_profile.Count}");
        }

        long emotions = agent.Integer("emotions");
        if (emotions != _table.Count)
        {
            throw SectionReader.Refuse($"it was made with an emotion table of {emotions} emotions; this agent's has {_table.Count}");
        }

        agent.Int32("seed");
        Exact(agent, "configured", GrowthLayer.Traits(_pipeline.Configured), "configured personality", TraitNames);
        Exact(agent, "values", Values(_values), "values", ValueNames);
    }

    private static void Exact(SectionReader agent, string name, double[] expected, string what, string[] names)
    {
        var found = new double[expected.Length];
        agent.Numbers(name, found);
        for (int i = 0; i < expected.Length; i++)
        {
            if (!found[i].Equals(expected[i]))
            {
                throw SectionReader.Refuse(string.Create(CultureInfo.InvariantCulture, $"it was made by an agent whose {what} differ: {names[i]} is {found[i]} there and {expected[i]} here"));
            }
        }
    }

    /// <summary>Gets the largest document an import reads (<see cref="AnimaOptions.MaxImportBytes"/>).</summary>
    public int Limit { get; init; } = AnimaOptions.DefaultMaxImportBytes;

    /// <summary>Reads a stream to its end, refusing more than <see cref="Limit"/> bytes.</summary>
    /// <exception cref="InvalidDataException">The stream holds more than the limit.</exception>
    public byte[] ReadAll(Stream utf8Json)
    {
        int limit = Limit;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, buffer.Length + read > limit ? throw TooLarge(limit) : read);
        }

        return buffer.ToArray();
    }

    /// <summary>The UTF-8 bytes of a document, refusing more than <see cref="Limit"/>.</summary>
    /// <exception cref="InvalidDataException">The text is longer than the limit.</exception>
    public byte[] Bytes(string json) =>
        json.Length > Limit || System.Text.Encoding.UTF8.GetByteCount(json) > Limit ? throw TooLarge(Limit) : System.Text.Encoding.UTF8.GetBytes(json);

    private static InvalidDataException TooLarge(int limit) =>
        new($"The agent document is larger than the limit of {limit} bytes (AnimaOptions.MaxImportBytes); raise it, or keep so many memories in a store, which saves them incrementally.");

    private static JsonDocument Upgrade(JsonElement v1)
    {
        var node = JsonObject.Create(v1)!;
        var upgraded = DocumentUpgrade.FromVersion1(node, Desires.NeedCount);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            upgraded.WriteTo(writer);
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    private static double[] Values(ValueSystem v) => [v.Care, v.Integrity, v.Autonomy, v.Fairness, v.Growth];
}

/// <summary>A checked document, ready to replace the agent's state under its lock.</summary>
/// <param name="State">The inner state, a fresh state of the agent's layout.</param>
/// <param name="Restore">What restores the conversation, the events and the memories, to run under the agent's lock.</param>
internal sealed record Import(AgentState State, System.Action Restore);
