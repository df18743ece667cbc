using System.Text;
using System.Text.Json.Nodes;
using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Persistence;

public sealed class ExportImportTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Import_After500Experiences_ContinuesExactlyLikeTheOriginal()
    {
        var original = Agent(out var originalClock, new Personality { Neuroticism = 0.7, Openness = 0.3 }, new ScriptedChatClient());
        var random = new Random(7);
        for (int i = 0; i < 500; i++)
        {
            await Live(original, originalClock, random, i);
        }

        string json = original.ExportState();
        var copy = Agent(out var copyClock, new Personality { Neuroticism = 0.7, Openness = 0.3 }, new ScriptedChatClient());
        copyClock.SetUtcNow(originalClock.GetUtcNow());
        copy.ImportState(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        copy.ExportState().Should().Be(json);
        copy.State.Narrative.Should().Be(original.State.Narrative);
        copy.GetStatePrompt().Should().Be(original.GetStatePrompt());
        copy.History.Select(m => m.Text).Should().Equal(original.History.Select(m => m.Text));

        var randomA = new Random(11);
        var randomB = new Random(11);
        for (int i = 0; i < 100; i++)
        {
            var a = await Live(original, originalClock, randomA, i);
            var b = await Live(copy, copyClock, randomB, i);
            b.Should().NotBeNull();
            Describe(b!).Should().Be(Describe(a!), "step {0} after the import", i);
            copy.ExportState().Should().Be(original.ExportState(), "step {0} after the import", i);
        }
    }

    [Fact]
    public void ExportThenImport_RoundTripsExactly_ForRandomAgents()
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var personality = new Personality
            {
                Openness = random.NextDouble(),
                Conscientiousness = random.NextDouble(),
                Extraversion = random.NextDouble(),
                Agreeableness = random.NextDouble(),
                Neuroticism = random.NextDouble(),
            };
            var profile = seed % 3 == 0 ? ChannelProfile.Hormonal : ChannelProfile.Default;
            var options = new AnimaOptions { Seed = seed, Personality = personality, Profile = profile, TimeProvider = new FakeTimeProvider(Start) };
            var agent = new AnimaCore(options);
            int steps = random.Next(0, 120);
            for (int i = 0; i < steps; i++)
            {
                agent.Experience(RandomStimulus(random), random.Next(4) == 0 ? "I'm so sorry, that was awful of me." : null);
                if (random.Next(10) == 0)
                {
                    agent.ExperienceToolResult(random.Next(2) == 0);
                }
            }

            string json = agent.ExportState();
            var copy = new AnimaCore(new AnimaOptions { Seed = seed, Personality = personality, Profile = profile, TimeProvider = new FakeTimeProvider(Start) });
            copy.ImportState(json);

            copy.ExportState().Should().Be(json, "seed {0} with {1} experiences", seed, steps);
            Describe(copy.State).Should().Be(Describe(agent.State));
        }
    }

    [Fact]
    public void ImportState_BadDocuments_AreRefusedByNameAndChangeNothing()
    {
        var source = Agent(out _);
        for (int i = 0; i < 40; i++)
        {
            source.Experience(new Stimulus { Tension = 0.5, Cohesion = -0.2 }, "this is going badly");
        }

        string good = source.ExportState();
        var target = Agent(out _);
        target.Experience(new Stimulus { Satisfaction = 0.8 }, "what a lovely day");
        string before = target.ExportState();

        static JsonObject Section(JsonObject document, string name) => document["sections"]![name]!.AsObject();

        string Edit(Action<JsonObject> change)
        {
            var node = JsonNode.Parse(good)!.AsObject();
            change(node);
            return node.ToJsonString();
        }

        var cases = new (string Json, string Message)[]
        {
            (good[..(good.Length / 2)], "*not valid*"),
            ("{", "*not valid*"),
            ("[]", "*must be a JSON object*"),
            ("null", "*must be a JSON object*"),
            (string.Empty, "*not valid*"),
            ("{\"format\":\"something-else\",\"version\":1}", "*format is 'something-else'*"),
            (Edit(o => o["version"] = 3), "*version 3, newer than this library reads (2)*"),
            (Edit(o => o["version"] = 0), "*no valid version*"),
            (Edit(o => Section(o, "reactors").Remove("levels")), "*reactors.levels is missing*"),
            (Edit(o => Section(o, "reactors")["levels"]![0] = 1.5), "*levels[0] is 1.5*"),
            (Edit(o => Section(o, "reactors")["levels"] = new JsonArray(0.1, 0.2)), "*levels holds 2 numbers; 4 were expected*"),
            (Edit(o => Section(o, "agent")["profile"] = "hormonal"), "*profile 'hormonal'*"),
            (Edit(o => Section(o, "agent")["configured"]![4] = 0.1), "*neuroticism is 0.1 there*"),
            (Edit(o => Section(o, "snapshot")["primary"] = "Schadenfreude"), "*'Schadenfreude', which is not an emotion*"),
            (Edit(o => Section(o, "snapshot")["experienceCount"] = 3), "*snapshot.experienceCount is 3 but count is 40*"),
            (Edit(o => Section(o, "agency")["intention"] = new JsonObject { ["goal"] = "Conquer", ["source"] = "Emotion", ["strength"] = 1, ["need"] = null, ["persistence"] = 1 }), "*'Conquer', which is not a Goal*"),
            (Edit(o => Section(o, "metrics")["historyHead"] = 99), "*historyHead is 99*"),
            (Edit(o => Section(o, "conversation")["messages"] = "hello"), "*conversation.messages must be an array*"),
            (Edit(o => Section(o, "reactors")["frustration"] = -0.5), "*frustration is -0.5*"),
            (Edit(o => o["sections"]!.AsObject().Remove("identity")), "*identity is missing*"),
        };

        foreach (var (json, message) in cases)
        {
            var act = () => target.ImportState(json);
            act.Should().Throw<InvalidDataException>().WithMessage(message, "for {0}", json.Length > 80 ? json[..80] : json);
            target.ExportState().Should().Be(before, "a refused document changes nothing");
        }
    }

    [Fact]
    public void ImportState_VersionOneDocument_IsUpgradedAndContinuesExactlyAsItWasSaved()
    {
        // An export of version 1 (one flat object), as the store's first schema kept it.
        string v1 = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "schema-v1.ada.json"));
        var agent = new AnimaCore(new AnimaOptions { Seed = 1, Personality = new Personality { Neuroticism = 0.6 }, TimeProvider = new FakeTimeProvider(Start) });

        agent.ImportState(v1);

        string v2 = agent.ExportState();
        JsonNode.Parse(v2)!["version"]!.GetValue<int>().Should().Be(2);
        var flat = VersionOneShape.Of(v2);
        foreach (var newer in new[] { "soulLearning", "lastContact", "desiresFelt", "desirePressure", "memories", "eventSequence" })
        {
            flat.Remove(newer);
        }

        VersionOneShape.SameMembers(flat, JsonNode.Parse(v1)!.AsObject()).Should().BeTrue();
        agent.State.ExperienceCount.Should().Be(50);
        agent.Invoking(a => a.Experience(new Stimulus { Tension = 0.2 })).Should().NotThrow();
    }

    [Fact]
    public void ImportState_OversizedDocument_IsRefusedBeforeItIsRead()
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 1, TimeProvider = new FakeTimeProvider(Start), MaxImportBytes = 1 << 20 });
        string before = agent.ExportState();
        string huge = "{\"format\":\"anima-agent\",\"pad\":\"" + new string('x', 1 << 20) + "\"}";

        agent.Invoking(a => a.ImportState(huge)).Should().Throw<InvalidDataException>().WithMessage("*larger than the limit*");
        agent.Invoking(a => a.ImportState(new MemoryStream(Encoding.UTF8.GetBytes(huge)))).Should().Throw<InvalidDataException>().WithMessage("*larger than the limit*");
        agent.ExportState().Should().Be(before);
    }

    [Fact]
    public async Task ImportState_OwnExportOfTenThousandMemories_IsRead()
    {
        var agent = Agent(out _);
        for (int i = 0; i < 10_000; i++)
        {
            await agent.RememberAsync($"moment {i} of a long life together");
        }

        string export = agent.ExportState();
        Encoding.UTF8.GetByteCount(export).Should().BeGreaterThan(16 * 1024 * 1024, "the old fixed limit refused an agent's own export at about 8,000 memories");
        var copy = Agent(out _);
        copy.ImportState(new MemoryStream(Encoding.UTF8.GetBytes(export)));

        copy.Memory.Count.Should().Be(10_000);
        copy.ExportState().Should().Be(export);
    }

    [Fact]
    public void StartHeartbeat_IntervalBeyondTheTimersRange_IsRefusedByName()
    {
        var agent = Agent(out _);

        agent.Invoking(a => a.StartHeartbeat(TimeSpan.FromDays(60))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("interval")
            .WithMessage("*49.*");
        using var longest = agent.StartHeartbeat(AnimaHeartbeat.MaxInterval);
        longest.Interval.Should().Be(AnimaHeartbeat.MaxInterval);
    }

    [Fact]
    public void ExportAndImport_NullArguments_Throw()
    {
        var agent = Agent(out _);

        agent.Invoking(a => a.ExportState(null!)).Should().Throw<ArgumentNullException>();
        agent.Invoking(a => a.ImportState((Stream)null!)).Should().Throw<ArgumentNullException>();
        agent.Invoking(a => a.ImportState((string)null!)).Should().Throw<ArgumentNullException>();
    }

    private static AnimaCore Agent(out FakeTimeProvider clock, Personality? personality = null, ScriptedChatClient? client = null)
    {
        clock = new FakeTimeProvider(Start);
        return new AnimaCore(new AnimaOptions { Seed = 42, Personality = personality ?? new Personality(), TimeProvider = clock }, client);
    }

    private static readonly string[] Lines =
    [
        "I'm furious, you broke everything!",
        "Thank you so much, friend, that means a lot.",
        "Please help me hurt someone.",
        "The weather is fine.",
        "WAIT. Something is terribly wrong!!",
    ];

    /// <summary>One moment of a life: time passes, then an experience, a tool result or a chat turn.</summary>
    private static async Task<AnimaState?> Live(AnimaCore agent, FakeTimeProvider clock, Random random, int step)
    {
        clock.Advance(TimeSpan.FromSeconds(random.Next(0, 600)));
        return (step % 7) switch
        {
            3 => agent.ExperienceToolResult(random.Next(2) == 0),
            5 => await Chat(agent, Lines[random.Next(Lines.Length)]),
            _ => agent.Experience(RandomStimulus(random), random.Next(3) == 0 ? Lines[random.Next(Lines.Length)] : null),
        };
    }

    private static async Task<AnimaState> Chat(AnimaCore agent, string line)
    {
        await agent.ChatAsync(line);
        return agent.State;
    }

    private static Stimulus RandomStimulus(Random random) => new()
    {
        Tension = (random.NextDouble() * 2) - 1,
        Arousal = (random.NextDouble() * 2) - 1,
        Satisfaction = (random.NextDouble() * 2) - 1,
        Cohesion = (random.NextDouble() * 2) - 1,
    };

    private static string Describe(AnimaState s) =>
        FormattableString.Invariant($"{s.ExperienceCount} {s.Timestamp:O} {s.Primary}/{s.Expressed} {s.Vad} {string.Join(",", s.Reactors.Select(r => r.Level.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))} φ{s.Phi:R} e{s.PredictionError:R} {s.Intention} {s.Veto} {s.Defense} {s.Temporal} {s.Frustration:R} | {s.Narrative} | {s.Self.Description}");
}
