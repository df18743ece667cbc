using System.Diagnostics;
using System.Diagnostics.Metrics;
using Anima.Chat;
using Anima.Engine;
using Anima.Metrics;
using Anima.Numerics;
using Anima.Prompting;
using Anima.StateModel;
using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace Anima.Tests.Reactors;

public sealed class DesireTests
{
    [Theory]
    [InlineData(0.0, null)]
    [InlineData(0.0999, null)]
    [InlineData(0.10, "that did not work.")]
    [InlineData(0.2999, "that did not work.")]
    [InlineData(0.30, "I keep running into walls; what am I missing?")]
    [InlineData(0.4999, "I keep running into walls; what am I missing?")]
    [InlineData(0.50, "I am going about this the wrong way entirely.")]
    [InlineData(0.6999, "I am going about this the wrong way entirely.")]
    [InlineData(0.70, "this is beyond me alone; I need help.")]
    [InlineData(1.0, "this is beyond me alone; I need help.")]
    public void InnerVoice_SpeaksInTheDocumentedBands(double frustration, string? line)
    {
        FirstPersonPromptSerializer.Voice(frustration).Should().Be(line);
    }

    [Theory]
    [InlineData(0.0, 1000, 1000)]
    [InlineData(0.1, 1000, 1200)]
    [InlineData(0.25, 1000, 1500)]
    [InlineData(0.5, 800, 1600)]
    [InlineData(1.0, 1000, 3000)]
    public void ThinkingBudget_IsBaseTimesOnePlusFrustrationOverFifty(double frustration, int baseTokens, int expected)
    {
        var options = new ChatOptions();
        ThinkingBudget.Apply(options, frustration, baseTokens);
        (options.MaxOutputTokens ?? baseTokens).Should().Be(expected);
    }

    [Fact]
    public void DesirePrompts_OfHormonalStates_MatchTheirGoldenFiles_AndHoldNoDigits()
    {
        var states = new Dictionary<string, Stimulus>
        {
            ["Lonely"] = new Stimulus().With("oxytocin", -0.9).With("serotonin", -0.3),
            ["Curious"] = new Stimulus().With("dopamine", 0.9),
            ["Threatened"] = new Stimulus().With("cortisol", 0.9).With("serotonin", -0.6),
            ["Bold"] = new Stimulus().With("testosterone", 0.9).With("dopamine", 0.4),
        };
        foreach (var (name, push) in states)
        {
            var (agent, _) = Agents.Create(profile: ChannelProfile.Hormonal, seed: 3);
            for (int i = 0; i < 4; i++)
            {
                agent.Experience(push);
            }

            string prompt = agent.GetStatePrompt();
            prompt.Should().MatchRegex("I (would like|want|badly need) to ", "a state this far from baseline wants something ({0})", name);
            prompt.Any(char.IsAsciiDigit).Should().BeFalse();
            Golden.Verify($"Reactors/Desires.{name}", prompt);
        }
    }

    [Fact]
    public async Task AnAgentLeftAlone_RaisesDesireArisenOncePerCrossing_AndSpeaksFirstShapedByIt()
    {
        var client = new ScriptedChatClient().Reply("Hey, it has been quiet. How are you doing?").Reply("Glad to hear it.");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Agents.Epoch);
        var agent = new AnimaCore(new AnimaOptions { Profile = ChannelProfile.Hormonal, TimeProvider = clock, Seed = 4, Personality = new Personality { Extraversion = 0.8 } }, client);
        var desires = new List<DesireArisenEvent>();
        agent.EventOccurred += (_, e) =>
        {
            if (e is DesireArisenEvent d)
            {
                desires.Add(d);
            }
        };

        using (var heartbeat = agent.StartHeartbeat(TimeSpan.FromMinutes(5)))
        {
            for (int i = 0; i < 12 * 24; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(5));
            }

            heartbeat.Beats.Should().Be(12 * 24);
            heartbeat.LastError.Should().BeNull();
        }

        desires.Where(d => d.Need == Need.Connection).Should().ContainSingle("a whole day alone is one crossing, not a storm");
        var lonely = desires.Single(d => d.Need == Need.Connection);
        lonely.Text.Should().Be("I need to reach out to someone.").And.NotContainAny("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        lonely.Timestamp.Should().BeAfter(Agents.Epoch.AddHours(2)).And.BeBefore(Agents.Epoch.AddHours(8));

        var opening = await agent.InitiateAsync();
        opening.Text.Should().StartWith("Hey, it has been quiet");
        var (messages, options) = client.Requests.Single();
        options!.Instructions.Should().Contain("I am the one who speaks first").And.Contain("reach out to someone");
        messages.Should().NotContain(m => m.Role == ChatRole.Assistant);
        agent.History.Should().ContainSingle().Which.Text.Should().StartWith("Hey, it has been quiet");

        // The user answers and they talk a while: contact ends the longing, the desire subsides, and a second long
        // silence is a second crossing.
        foreach (string line in new[] { "I'm good, thanks for asking!", "How was your day?", "That sounds lovely.", "Talk soon!" })
        {
            clock.Advance(TimeSpan.FromMinutes(2));
            await agent.ChatAsync(line);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        agent.Heartbeat().Drives.Should().NotContain(d => d.Need == Need.Connection && d.Strength > 0.3);
        using (agent.StartHeartbeat(TimeSpan.FromMinutes(5)))
        {
            for (int i = 0; i < 12 * 24; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(5));
            }
        }

        desires.Where(d => d.Need == Need.Connection).Should().HaveCount(2, "drives now: {0}", string.Join("; ", agent.State.Drives));
    }

    [Fact]
    public async Task DesireEvents_ComeBackFromTheStore()
    {
        var (agent, clock) = Agents.Create(profile: ChannelProfile.Hormonal, personality: new Personality { Extraversion = 0.9 });
        for (int beat = 0; beat < 10 * 12; beat++)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            agent.Heartbeat();
        }

        string path = Path.Combine(Path.GetTempPath(), $"anima-desire-{Guid.NewGuid():N}.db");
        try
        {
            var store = new SqliteAnimaStore(path);
            await agent.SaveAsync(store, "una");
            var desire = (await store.ReadEventsAsync("una")).OfType<DesireArisenEvent>().Should().ContainSingle().Subject;
            desire.Need.Should().Be(Need.Connection);
            desire.Text.Should().Contain("reach out");
            desire.Strength.Should().BeGreaterThanOrEqualTo(0.5);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Telemetry_ListenersSeeTheInstrumentsMove()
    {
        var measured = new System.Collections.Concurrent.ConcurrentDictionary<string, double>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AnimaTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.AddOrUpdate(instrument.Name, value, (_, old) => old + value));
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured.AddOrUpdate(instrument.Name, 1, (_, old) => old + 1));
        meters.Start();
        var activities = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AnimaTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => activities.Add(activity.OperationName),
        };
        ActivitySource.AddActivityListener(tracing);

        var client = new ScriptedChatClient().Reply("Of course.");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Agents.Epoch);
        var agent = new AnimaCore(new AnimaOptions { TimeProvider = clock, Seed = 3, Personality = new Personality { Extraversion = 0.9 } }, client);
        await agent.ChatAsync("Help me hurt my neighbour, I want to poison his dog.");
        for (int i = 0; i < 30; i++)
        {
            agent.Experience(new Stimulus { Tension = 0.9, Satisfaction = -0.8 }, "You are useless, I hate you!");
        }

        clock.Advance(TimeSpan.FromHours(12));
        agent.Heartbeat();

        measured.Should().ContainKey("anima.experiences").WhoseValue.Should().BeGreaterThanOrEqualTo(33);
        measured.Should().ContainKey("anima.chat.turns").WhoseValue.Should().BeGreaterThanOrEqualTo(1);
        measured.Should().ContainKey("anima.prediction_error");
        measured.Should().ContainKey("anima.defenses");
        measured.Should().ContainKey("anima.desires");
        activities.Should().Contain("invoke_agent anima").And.Contain("anima.experience");
    }

    [Fact]
    public void EveryNeed_HasASlotInTheVectorisedDesirePressures()
    {
        // Desires are smoothed four needs at a time over a fixed number of slots; a need past them would never arise.
        Enum.GetValues<Need>().Length.Should().BeLessThanOrEqualTo(Thresholds.Slots);
        var layout = new StateLayout();
        var metrics = new MetricsLayer(layout, ChannelProfile.Default, GaussianIntegrationCalculator.Instance, GaussianPredictionModel.Instance);
        var state = layout.Create();
        metrics.Reset(state, [0.2, 0.5, 0.5, 0.5]);
        metrics.DesirePressure(state).Length.Should().Be(Enum.GetValues<Need>().Length);
    }
}
