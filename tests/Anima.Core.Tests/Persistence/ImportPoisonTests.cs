using System.Text.Json.Nodes;
using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Persistence;

/// <summary>
/// Documents that passed the checks and then broke the agent, or were refused with the wrong exception: each is now
/// refused with an <see cref="InvalidDataException"/> that names the value, and the agent stays as it was.
/// </summary>
public sealed class ImportPoisonTests
{
    public static TheoryData<string, string> Poisons => new()
    {
        { "sections.metrics.prediction[0]", "1e308" },
        { "sections.metrics.prediction[1]", "-1e308" },
        { "sections.metrics.prediction[1]", "0" },
        { "sections.emotion.mapOffsets[7]", "1e308" },
        { "sections.metrics.surpriseMean", "1e300" },
        { "sections.metrics.surpriseVariance", "1e300" },
        { "sections.events.sequence", "9223372036854775806" },
        { "sections.life.count", "9223372036854775807" },
        { "sections.conversation.messages[0]", "null" },
        { "sections.conversation.messages[0].role", "\"\"" },
        { "sections.conversation.messages[1].contents[0].name", "null" },
        { "sections.conversation.messages[1].contents[0].callId", "null" },
        { "sections.conversation.messages[1].contents[0].arguments", "{\"query\":\"x\\ud800y\"}" },
        { "sections.conversation.messages[0].contents[0].text", "\"lone \\udc00 surrogate\"" },
        { "sections.snapshot.blend[0].weight", "0.05" },
        { "sections.snapshot.blend[1].weight", "0.99" },
        { "sections.snapshot.temporalFuture[0]", "1.5" },
        { "sections.metrics.history[3]", "0.123" },
        { "sections.metrics.desiresFelt", "-1" },
        { "sections.memory.memories[0].text", "\"a \\ud800 b\"" },
        { "version", "null" },
        { "version", "\"2\"" },
    };

    [Theory]
    [MemberData(nameof(Poisons))]
    public async Task Import_PoisonedValue_IsRefusedByNameAndTheAgentIsUnchanged(string path, string json)
    {
        string document = Set(await RichExport(), path, json);
        var agent = Agent(new ScriptedChatClient());
        agent.Experience(new Stimulus { Tension = 0.3 });
        string before = agent.ExportState();

        var refusal = agent.Invoking(a => a.ImportState(document)).Should().Throw<InvalidDataException>().Which;

        refusal.Message.Should().ContainAny([.. Names(path), "version", "state cannot be lived on"]);
        agent.ExportState().Should().Be(before);
        agent.Experience(new Stimulus { Tension = 0.1 }).Should().NotBeNull();
    }

    [Fact]
    public async Task Import_AcceptedDocument_LeavesAnAgentThatChatsExportsAndSaves()
    {
        var agent = Agent(new ScriptedChatClient().Reply("Hello again."));
        agent.ImportState(await RichExport());

        await agent.ChatAsync("Are you still there?");
        string export = agent.ExportState();
        agent.ImportState(export);
        agent.ExportState().Should().Be(export);
    }

    /// <summary>The names along a path, innermost first: a refusal names the value or what holds it.</summary>
    private static IEnumerable<string> Names(string path) =>
        path.Split('.').Reverse().Select(part => part.Contains('[') ? part[..part.IndexOf('[')] : part).Where(part => part is not ("sections" or ""));

    /// <summary>Sets the value at a path such as <c>sections.metrics.prediction[0]</c> to raw JSON.</summary>
    private static string Set(string document, string path, string json)
    {
        var root = JsonNode.Parse(document)!;
        var parts = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        JsonNode node = root;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            node = parts[i].StartsWith('[') ? node[int.Parse(parts[i][1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[parts[i]]!;
        }

        string last = parts[^1];

        // A node cannot hold a lone surrogate, so one goes in as a marker and is put in the text at the end.
        string? lone = json.Contains("\\ud800", StringComparison.Ordinal) ? "\\ud800" : json.Contains("\\udc00", StringComparison.Ordinal) ? "\\udc00" : null;
        var value = JsonNode.Parse(lone is null ? json : json.Replace(lone, "LONE-SURROGATE", StringComparison.Ordinal));
        if (last.StartsWith('['))
        {
            node.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node.AsObject()[last] = value;
        }

        return lone is null ? root.ToJsonString() : root.ToJsonString().Replace("LONE-SURROGATE", lone, StringComparison.Ordinal);
    }

    private static Task<string> RichExport() => RichDocument.Export(ChannelProfile.Default);

    private static AnimaCore Agent(ScriptedChatClient client) => RichDocument.Agent(ChannelProfile.Default, client);
}
