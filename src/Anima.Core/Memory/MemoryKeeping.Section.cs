using System.Text.Json;
using Anima.StateModel;

namespace Anima.Memory;

/// <summary>The memories as a section of the agent document.</summary>
internal sealed partial class MemoryKeeping
{
    /// <summary>Writes the "memories" section: every memory, its embedding as base64 little-endian floats.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<EmotionalMemory> memories)
    {
        writer.WriteStartArray("memories");
        foreach (var m in memories)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", m.Id);
            writer.WriteString("text", m.Text);
            writer.WriteString("timestamp", m.Timestamp);
            writer.WriteString("emotion", m.Emotion);
            writer.WritePoint("feeling", m.Feeling);
            writer.WriteNumbers("levels", m.Levels);
            writer.WriteNumber("importance", m.Importance);
            writer.WriteBase64String("embedding", EmbeddingBytes.Of(m.Embedding.Span));
            if (m.Kind != MemoryKind.Moment)
            {
                writer.WriteEnum("kind", m.Kind);
            }

            Optional(writer, "person", m.PersonId);
            Optional(writer, "reply", m.Reply);
            Optional(writer, "subject", m.Subject);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        static void Optional(Utf8JsonWriter writer, string name, string? text)
        {
            if (text is not null)
            {
                writer.WriteString(name, text);
            }
        }
    }

    /// <summary>Reads the memories of a "memories" section, shaped but not yet checked (see <see cref="Check"/>).</summary>
    public static List<EmotionalMemory> Read(SectionReader section)
    {
        var memories = new List<EmotionalMemory>();
        foreach (var (element, path) in section.Array("memories"))
        {
            var m = new SectionReader(element, path);
            var levels = new List<double>();
            foreach (var (level, levelPath) in m.Array("levels"))
            {
                levels.Add(SectionReader.Number(level, levelPath));
            }

            var raw = m.Raw("embedding");
            byte[]? bytes = raw.ValueKind == JsonValueKind.String && raw.TryGetBytesFromBase64(out var decoded) ? decoded : null;
            var embedding = EmbeddingBytes.From(bytes ?? []) ?? throw SectionReader.Refuse($"{path}.embedding is not a whole number of floats");
            memories.Add(new EmotionalMemory(m.Integer("id"), m.OptionalText("text") ?? string.Empty, m.Time("timestamp"), m.OptionalText("emotion") ?? string.Empty, m.Point("feeling"), levels, m.Number("importance", double.MinValue), embedding)
            {
                Kind = m.IsNull("kind") ? MemoryKind.Moment : m.Enum<MemoryKind>("kind"),
                PersonId = m.IsNull("person") ? null : m.OptionalText("person"),
                Reply = m.IsNull("reply") ? null : m.OptionalText("reply"),
                Subject = m.IsNull("subject") ? null : m.OptionalText("subject"),
            });
        }

        return memories;
    }
}
