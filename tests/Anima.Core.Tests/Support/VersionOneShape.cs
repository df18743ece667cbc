using System.Text.Json.Nodes;

namespace Anima.Tests.Support;

/// <summary>
/// Lays a version 2 agent document out as version 1 did — one flat object — so a document exported today can be
/// compared member for member with a fixture written by version 1 code. Written apart from the library's upgrade,
/// so each checks the other.
/// </summary>
internal static class VersionOneShape
{
    /// <summary>Returns the version 1 layout of a version 2 document, without what came after version 1 and a version 1 document cannot hold: people, reflection, conversations with people.</summary>
    public static JsonObject Of(string v2Json)
    {
        var v2 = JsonNode.Parse(v2Json)!.AsObject();
        var sections = v2["sections"]!.AsObject();
        var flat = new JsonObject { ["format"] = "anima-agent", ["version"] = 1 };
        foreach (var (name, section) in sections)
        {
            if (name is "people" or "reflection")
            {
                continue;
            }

            if (name == "snapshot")
            {
                flat["snapshot"] = section!.DeepClone();
                continue;
            }

            foreach (var (member, value) in section!.AsObject())
            {
                if (name == "conversation" && member is "threads" or "remembered")
                {
                    continue;
                }

                string v1Name = (name, member) switch
                {
                    ("conversation", "messages") => "conversation",
                    ("events", "sequence") => "eventSequence",
                    ("memory", "memories") => "memories",
                    _ => member,
                };
                flat[v1Name] = value?.DeepClone();
            }
        }

        return flat;
    }

    /// <summary>Whether two documents hold the same members with the same values, whatever their order.</summary>
    public static bool SameMembers(JsonObject a, JsonObject b) =>
        a.Count == b.Count && a.All(pair => b.TryGetPropertyValue(pair.Key, out var other) && JsonNode.DeepEquals(pair.Value, other));
}
