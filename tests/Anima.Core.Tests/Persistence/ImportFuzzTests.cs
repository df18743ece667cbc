using System.Text.Json.Nodes;
using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Persistence;

/// <summary>
/// Thousands of agent documents, each a real export mutated at random: every one is refused with an
/// <see cref="InvalidDataException"/> and leaves the agent exactly as it was, or is accepted and leaves an agent that
/// can experience, chat, export, import its own export, and be saved.
/// </summary>
public sealed class ImportFuzzTests : IDisposable
{
    private const int Documents = 5000;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("anima-fuzz-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task MutatedDocuments_AreRefusedCleanlyOrLeaveAUsableAgent(int profile)
    {
        string source = await RichDocument.Export(profile == 0 ? ChannelProfile.Default : ChannelProfile.Hormonal);
        var random = new Random(4242 + profile);
        var store = new SqliteAnimaStore(Path.Combine(_folder.FullName, $"fuzz{profile}.db"));
        var target = Agent(profile, new ScriptedChatClient());
        int refused = 0, accepted = 0;
        var failures = new List<string>();
        for (int n = 0; n < Documents / 2; n++)
        {
            var document = JsonNode.Parse(source)!;
            string mutation = Mutate(document, random);
            string json = document.ToJsonString();
            string before = target.ExportState();
            try
            {
                target.ImportState(json);
            }
            catch (InvalidDataException)
            {
                refused++;
                if (target.ExportState() != before)
                {
                    failures.Add($"{n} ({mutation}): refused but the agent changed");
                }

                continue;
            }
            catch (Exception exception)
            {
                failures.Add($"{n} ({mutation}): {exception.GetType().Name}: {exception.Message}");
                target = Agent(profile, new ScriptedChatClient());
                continue;
            }

            accepted++;
            try
            {
                await Use(target, store);
            }
            catch (Exception exception)
            {
                failures.Add($"{n} ({mutation}): accepted, then {exception.GetType().Name}: {exception.Message}");
                target = Agent(profile, new ScriptedChatClient());
            }
        }

        failures.Should().BeEmpty($"{refused} refused and {accepted} accepted of {Documents / 2}");
        refused.Should().BeGreaterThan(Documents / 10);
        accepted.Should().BeGreaterThan(Documents / 50, "the fuzzer also makes documents that are fine");
    }

    /// <summary>Everything an agent is for: experience (with a message), a chat turn, export and import of its own export, a save.</summary>
    private static async Task Use(AnimaCore agent, SqliteAnimaStore store)
    {
        agent.Experience(new Stimulus { Tension = 0.4, Satisfaction = -0.2 }, "Are you there? I had a strange day.");
        agent.Experience(new Stimulus());
        await agent.ChatAsync("Tell me something kind.");
        string export = agent.ExportState();
        agent.ImportState(export);
        FirstDifference(JsonNode.Parse(agent.ExportState()), JsonNode.Parse(export)).Should().BeNull("an agent imports its own export exactly");
        await store.SaveAsync("fuzzed", agent);
        _ = agent.State.Narrative;
    }

    /// <summary>The path of the first value two documents disagree on, or null when they are the same.</summary>
    private static string? FirstDifference(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var (name, child) in x)
                {
                    if (!y.ContainsKey(name) || FirstDifference(child, y[name]) is { } inner)
                    {
                        return y.ContainsKey(name) ? FirstDifference(child, y[name]) : $"{child?.GetPath()} (missing)";
                    }
                }

                return x.Count == y.Count ? null : $"{x.GetPath()} (members)";
            case (JsonArray x, JsonArray y):
                for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
                {
                    if (FirstDifference(x[i], y[i]) is { } inner)
                    {
                        return inner;
                    }
                }

                return x.Count == y.Count ? null : $"{x.GetPath()} (length)";
            default:
                return JsonNode.DeepEquals(a, b) ? null : $"{a?.GetPath()}: {a?.ToJsonString()} against {b?.ToJsonString()}";
        }
    }

    /// <summary>One random change of the kinds a damaged or hostile document has; returns what it did, for the report.</summary>
    private static string Mutate(JsonNode document, Random random)
    {
        var values = new List<(JsonNode? Parent, object Key, JsonNode? Value)>();
        Collect(document, null, "", values);
        var (parent, key, value) = values[random.Next(values.Count)];
        string where = value?.GetPath() ?? $"{parent?.GetPath()}.{key}";
        JsonNode? replacement = random.Next(16) switch
        {
            0 => JsonValue.Create(1e308),
            1 => JsonValue.Create(-1e308),
            2 => JsonValue.Create(long.MaxValue - random.Next(3)),
            3 => JsonValue.Create(-1),
            4 => null,
            5 => JsonValue.Create(""),
            6 => JsonValue.Create("x\ud800y"),
            7 => JsonValue.Create(random.NextDouble() * 4 - 2),
            8 => JsonValue.Create(0),
            9 => JsonValue.Create(true),
            10 => new JsonArray(),
            11 => new JsonObject(),
            12 => JsonValue.Create(value is JsonValue v && v.TryGetValue(out double d) ? d * (1 + (random.NextDouble() - 0.5) * 0.2) + 1e-3 : 7),
            13 => JsonValue.Create(1e-300),
            14 => JsonValue.Create("1"),
            _ => JsonValue.Create(int.MaxValue),
        };

        switch (parent)
        {
            case JsonObject o when random.Next(8) == 0:
                o.Remove((string)key);
                return $"removed {where}";
            case JsonObject o:
                o[(string)key] = replacement;
                return $"{where} = {replacement?.ToJsonString() ?? "null"}";
            case JsonArray a when random.Next(8) == 0:
                a.RemoveAt((int)key);
                return $"removed {where}";
            case JsonArray a:
                a[(int)key] = replacement;
                return $"{where} = {replacement?.ToJsonString() ?? "null"}";
            default:
                return "nothing";
        }
    }

    private static void Collect(JsonNode? node, JsonNode? parent, object key, List<(JsonNode?, object, JsonNode?)> into)
    {
        if (parent is not null)
        {
            into.Add((parent, key, node));
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    Collect(child, o, name, into);
                }

                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    Collect(a[i], a, i, into);
                }

                break;
        }
    }

    private static AnimaCore Agent(int profile, ScriptedChatClient client) => RichDocument.Agent(profile == 0 ? ChannelProfile.Default : ChannelProfile.Hormonal, client);
}
