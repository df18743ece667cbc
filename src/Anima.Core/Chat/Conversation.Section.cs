using System.Text.Json;
using Anima.StateModel;
using Microsoft.Extensions.AI;

namespace Anima.Chat;

/// <summary>The conversation as a section of the agent document: every history, and the tool results already experienced.</summary>
internal sealed partial class Conversation
{
    /// <summary>
    /// Writes the "conversation" section: the history without a person, the tool results already experienced, and the
    /// conversation with each person who has spoken (their history, and the memories its turns kept).
    /// </summary>
    public void Write(Utf8JsonWriter writer)
    {
        WriteThread(writer, _default);
        writer.WriteStartArray("seenToolResults");
        foreach (string id in _seenToolResults)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("threads");
        foreach (var thread in _threads.Values.Where(static t => t.History.Count > 0).OrderBy(static t => t.PersonId, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("person", thread.PersonId);
            WriteThread(writer, thread);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        static void WriteThread(Utf8JsonWriter writer, ChatThread thread)
        {
            writer.WritePropertyName("messages");
            JsonSerializer.Serialize(writer, thread.History, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<ChatMessage>)));
            writer.WriteStartArray("remembered");
            foreach (long id in thread.Remembered)
            {
                writer.WriteNumberValue(id);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>
    /// Checks a "conversation" section and returns what restores it: every message present, with a role, contents
    /// that are there, calls with an id and a name, results with an id, and all of it writable again (so a later
    /// export cannot fail on something the document smuggled in, such as a lone surrogate in a tool's arguments).
    /// Sections from before people (no threads, no remembered ids) restore as they were.
    /// </summary>
    public System.Action Read(SectionReader section)
    {
        var (history, remembered) = ReadThread(section);
        var seen = new List<string>();
        foreach (var (element, path) in section.Array("seenToolResults"))
        {
            seen.Add(element.ValueKind == JsonValueKind.String
                ? SectionReader.ValidText(SectionReader.String(element, path), path)
                : throw SectionReader.Refuse($"{path} must be a call id, not {element.ValueKind}"));
        }

        var threads = new Dictionary<string, ChatThread>(StringComparer.Ordinal);
        if (!section.IsNull("threads"))
        {
            foreach (var (element, path) in section.Array("threads"))
            {
                var t = new SectionReader(element, path);
                string person = t.Text("person");
                if (string.IsNullOrWhiteSpace(person) || person.Length > Person.MaxLength)
                {
                    throw SectionReader.Refuse($"{path}.person must be a person's id of one to {Person.MaxLength} characters");
                }

                var (messages, ids) = ReadThread(t);
                var thread = new ChatThread(person) { History = messages };
                foreach (long id in ids)
                {
                    thread.Remembered.Enqueue(id);
                }

                if (!threads.TryAdd(person, thread))
                {
                    throw SectionReader.Refuse($"{path}.person '{person}' has a conversation already");
                }
            }
        }

        return () =>
        {
            _default.History = history;
            _default.Remembered.Clear();
            foreach (long id in remembered)
            {
                _default.Remembered.Enqueue(id);
            }

            // The threads are kept, their gates too (a turn under way holds one), and take the document's histories.
            foreach (var thread in _threads.Values)
            {
                thread.History = [];
                thread.Remembered.Clear();
            }

            foreach (var (person, read) in threads)
            {
                var thread = Thread(person);
                thread.History = read.History;
                foreach (long id in read.Remembered)
                {
                    thread.Remembered.Enqueue(id);
                }
            }

            _seenToolResults.Clear();
            _seenToolResults.UnionWith(seen);
        };
    }

    /// <summary>Reads the messages of one conversation and the ids of the memories its turns kept.</summary>
    private static (List<ChatMessage> History, List<long> Remembered) ReadThread(SectionReader section)
    {
        var messages = section.Raw("messages");
        if (messages.ValueKind == JsonValueKind.Array)
        {
            // What M.E.AI's converters would refuse with an exception of their own, named here by its path.
            int i = 0;
            foreach (var element in messages.EnumerateArray())
            {
                string path = $"{section.Path}.messages[{i++}]";
                var message = new SectionReader(element.ValueKind == JsonValueKind.Null ? throw SectionReader.Refuse($"{path} is missing") : element, path);
                if (string.IsNullOrWhiteSpace(message.OptionalText("role")))
                {
                    throw SectionReader.Refuse($"{path}.role is empty");
                }
            }
        }

        List<ChatMessage> history;
        try
        {
            history = messages.ValueKind == JsonValueKind.Array
                // The type M.E.AI's source-generated context knows (and the one written): under Native AOT, with no
                // reflection to fall back on, it has no metadata for List<ChatMessage>.
                ? [.. (IList<ChatMessage>?)messages.Deserialize(AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<ChatMessage>))) ?? []]
                : throw SectionReader.Refuse($"{section.Path}.messages must be an array, not {messages.ValueKind}");
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The agent document is refused: {section.Path}.messages is not a valid conversation ({exception.Message}).", exception);
        }

        for (int i = 0; i < history.Count; i++)
        {
            Check(history[i], $"{section.Path}.messages[{i}]");
        }

        try
        {
            using var writer = new Utf8JsonWriter(Stream.Null);
            JsonSerializer.Serialize(writer, history, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<ChatMessage>)));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or NotSupportedException or JsonException)
        {
            throw new InvalidDataException($"The agent document is refused: {section.Path}.messages could not be written again ({exception.Message}).", exception);
        }

        var remembered = new List<long>();
        if (!section.IsNull("remembered"))
        {
            foreach (var (element, path) in section.Array("remembered"))
            {
                remembered.Add(element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long id) && id is > 0 and <= SectionReader.MaxCount
                    ? id
                    : throw SectionReader.Refuse($"{path} must be a memory id"));
            }
        }

        return (history, remembered);
    }

    /// <summary>Checks one message of an imported conversation.</summary>
    private static void Check(ChatMessage? message, string path)
    {
        if (message is null)
        {
            throw SectionReader.Refuse($"{path} is missing");
        }

        if (string.IsNullOrWhiteSpace(message.Role.Value))
        {
            throw SectionReader.Refuse($"{path}.role is empty");
        }

        for (int c = 0; c < message.Contents.Count; c++)
        {
            string at = $"{path}.contents[{c}]";
            switch (message.Contents[c])
            {
                case null:
                    throw SectionReader.Refuse($"{at} is missing");
                case TextContent text:
                    SectionReader.ValidText(text.Text ?? string.Empty, at + ".text");
                    break;
                case FunctionCallContent call when string.IsNullOrEmpty(call.CallId) || string.IsNullOrEmpty(call.Name):
                    throw SectionReader.Refuse($"{at} is a tool call without a call id or a name");
                case FunctionResultContent result when string.IsNullOrEmpty(result.CallId):
                    throw SectionReader.Refuse($"{at} is a tool result without a call id");
            }
        }
    }
}
