using System.Text.Json.Nodes;

namespace Anima.Persistence;

/// <summary>
/// Turns an agent document of version 1 — one flat object — into version 2, a document of named sections, so one
/// reader serves both. Members move to their sections under the same names; what version 1 could leave out
/// (written before the soul learned, before longing and desires, before memories and events) gets the value it
/// stood for.
/// </summary>
internal static class DocumentUpgrade
{
    /// <summary>Where each member of version 1 lives in version 2: its section, and its name there.</summary>
    private static readonly (string From, string Section, string To)[] Moves =
    [
        ("profile", "agent", "profile"), ("channels", "agent", "channels"), ("emotions", "agent", "emotions"),
        ("seed", "agent", "seed"), ("configured", "agent", "configured"), ("values", "agent", "values"),
        ("count", "life", "count"), ("lastTime", "life", "lastTime"), ("random", "life", "random"),
        ("stimulusTrend", "attention", "stimulusTrend"),
        ("levels", "reactors", "levels"), ("felt", "reactors", "felt"), ("frustration", "reactors", "frustration"),
        ("lastContact", "reactors", "lastContact"), ("soul", "reactors", "soul"), ("soulLearning", "reactors", "soulLearning"),
        ("growth", "growth", "growth"), ("growthBasis", "growth", "growthBasis"), ("personality", "growth", "personality"),
        ("mapOffsets", "emotion", "mapOffsets"),
        ("prediction", "metrics", "prediction"), ("history", "metrics", "history"), ("historyCount", "metrics", "historyCount"),
        ("historyHead", "metrics", "historyHead"), ("surpriseMean", "metrics", "surpriseMean"), ("surpriseVariance", "metrics", "surpriseVariance"),
        ("desiresFelt", "metrics", "desiresFelt"), ("desirePressure", "metrics", "desirePressure"),
        ("slowLevels", "identity", "slowLevels"), ("past", "identity", "past"), ("recent", "identity", "recent"),
        ("lastVad", "identity", "lastVad"), ("volatility", "identity", "volatility"), ("lowCoherenceRun", "identity", "lowCoherenceRun"),
        ("crisis", "identity", "crisis"),
        ("intention", "agency", "intention"),
        ("conversation", "conversation", "messages"), ("seenToolResults", "conversation", "seenToolResults"),
        ("eventSequence", "events", "sequence"),
        ("memories", "memory", "memories"),
    ];

    /// <summary>Returns the version 2 form of a version 1 document.</summary>
    /// <param name="v1">The document, whose format and version are already checked.</param>
    /// <param name="needs">How many needs a desire pressure covers.</param>
    public static JsonObject FromVersion1(JsonObject v1, int needs)
    {
        var sections = new JsonObject();
        foreach (var (from, section, to) in Moves)
        {
            if (v1.TryGetPropertyValue(from, out var value))
            {
                Section(sections, section)[to] = value?.DeepClone();
            }
        }

        if (v1.TryGetPropertyValue("snapshot", out var snapshot))
        {
            sections["snapshot"] = snapshot?.DeepClone();
        }

        var reactors = Section(sections, "reactors");
        if (IsAbsent(reactors, "soulLearning") && v1["soul"] is JsonArray soul)
        {
            reactors["soulLearning"] = Zeros(soul.Count);
        }

        if (IsAbsent(reactors, "lastContact") && v1.TryGetPropertyValue("lastTime", out var lastTime))
        {
            reactors["lastContact"] = lastTime?.DeepClone();
        }

        var metrics = Section(sections, "metrics");
        if (IsAbsent(metrics, "desiresFelt"))
        {
            metrics["desiresFelt"] = 0;
        }

        if (IsAbsent(metrics, "desirePressure"))
        {
            metrics["desirePressure"] = Zeros(needs);
        }

        var events = Section(sections, "events");
        if (IsAbsent(events, "sequence"))
        {
            events["sequence"] = 0;
        }

        if (sections["memory"] is JsonObject memory && IsAbsent(memory, "memories"))
        {
            sections.Remove("memory");
        }

        return new JsonObject { ["format"] = AgentDocument.FormatName, ["version"] = 2, ["sections"] = sections };
    }

    private static JsonObject Section(JsonObject sections, string name)
    {
        if (sections[name] is JsonObject section)
        {
            return section;
        }

        var created = new JsonObject();
        sections[name] = created;
        return created;
    }

    private static bool IsAbsent(JsonObject section, string name) => !section.TryGetPropertyValue(name, out var value) || value is null;

    private static JsonArray Zeros(int count)
    {
        var zeros = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            zeros.Add((JsonNode)0.0);
        }

        return zeros;
    }
}
