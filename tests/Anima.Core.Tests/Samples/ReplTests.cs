using System.Text.Json;
using System.Xml.Linq;
using Anima.Tests.Support;
using AnimaChat.Export;
using AnimaChat.Providers;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Samples;

public sealed class ReplTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("anima-repl-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Repl_EveryCommandPipedOffline_MovesTheStateAsNamedAndExportsValidJsonAndSvg()
    {
        var repl = new ReplHarness();
        string target = Path.Combine(_folder.FullName, "session");

        int exit = await repl.RunAsync(
            "hello, how are you today?",
            "/stress", "/relax", "/connect", "/shock", "/joy", "/grief",
            "/state", "/models", "/help", "/nonsense",
            $"/export {target}",
            "/reset",
            "/quit",
            "this line comes after quit and is never read");

        exit.Should().Be(0);
        var log = repl.Session.Log.Entries;
        log.Select(e => e.Kind).Should().Equal("start", "chat", "stress", "relax", "connect", "shock", "joy", "grief", "reset");
        SessionEntry At(string kind) => log.Single(e => e.Kind == kind);
        SessionEntry Before(string kind) => log[At(kind).Turn - 1];

        At("stress").Reactors["tension"].Should().BeGreaterThan(Before("stress").Reactors["tension"]);
        At("relax").Reactors["tension"].Should().BeLessThan(Before("relax").Reactors["tension"]);
        At("connect").Reactors["cohesion"].Should().BeGreaterThan(Before("connect").Reactors["cohesion"]);
        At("shock").Valence.Should().BeNegative();
        At("joy").Valence.Should().BeGreaterThan(At("shock").Valence);
        At("grief").Valence.Should().BeLessThan(At("joy").Valence);
        At("reset").Reactors.Should().Equal(log[0].Reactors);
        At("reset").Valence.Should().Be(log[0].Valence);
        At("chat").Reply.Should().StartWith("(I'm offline");
        log.Should().NotContain(e => e.Input != null && e.Input.Contains("never read", StringComparison.Ordinal));

        string output = repl.Output;
        output.Should().Contain("talking through offline");
        output.Should().Contain("anima> (I'm offline: no language model is connected");
        output.Should().Contain("pressure builds").And.Contain("inner state in full").And.Contain(StatePrompt.OpenTag);
        output.Should().Contain("gpt-4.1-mini", "/models lists the recommended models").And.Contain("/export [path]", "/help lists the commands");
        output.Should().Contain("Unknown command '/nonsense'");
        output.Should().Contain("starts afresh").And.EndWith("Goodbye." + Environment.NewLine);

        // The export: a JSON log with every moment, and an SVG a browser can open.
        string json = target + ".json", svg = target + ".svg";
        int chats;
        output.Should().Contain(json).And.Contain(svg);
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(json)))
        {
            var root = document.RootElement;
            root.GetProperty("format").GetString().Should().Be(SessionDocument.CurrentFormat);
            root.GetProperty("profile").GetString().Should().Be("default");
            var entries = root.GetProperty("entries").EnumerateArray().ToList();
            entries.Should().HaveCount(8, "the export came before /reset");
            entries[1].GetProperty("input").GetString().Should().Be("hello, how are you today?");
            entries[2].GetProperty("kind").GetString().Should().Be("stress");
            entries.Should().OnlyContain(e => e.GetProperty("reactors").EnumerateObject().Count() == 4);
            entries.Should().OnlyContain(e => Math.Abs(e.GetProperty("valence").GetDouble()) <= 1);
            chats = entries.Count(e => e.GetProperty("kind").GetString() == "chat");
        }

        chats.Should().BePositive();
        AssertValidChart(svg, points: 8, reactors: ["tension", "arousal", "satisfaction", "cohesion"], chats);
        _folder.GetFiles("*.tmp").Should().BeEmpty();
    }

    [Fact]
    public async Task Repl_ExportToAFolder_NamesTheFilesByTime()
    {
        var repl = new ReplHarness();

        await repl.RunAsync("/joy", $"/export {_folder.FullName}");

        _folder.GetFiles().Select(f => f.Name).Should().BeEquivalentTo(
            [$"anima-session-{repl.Clock.GetLocalNow():yyyyMMdd-HHmmss}.json", $"anima-session-{repl.Clock.GetLocalNow():yyyyMMdd-HHmmss}.svg"]);
    }

    [Fact]
    public async Task Repl_ExportIntoAFile_ReportsTheProblemAndGoesOn()
    {
        var repl = new ReplHarness();
        string file = Path.Combine(_folder.FullName, "occupied");
        await File.WriteAllTextAsync(file, "not a folder");

        await repl.RunAsync($"/export {file}/inside/session", "/joy");

        repl.Output.Should().Contain("Could not export to");
        repl.Session.Log.Entries.Select(e => e.Kind).Should().Equal("start", "joy");
        (await File.ReadAllTextAsync(file)).Should().Be("not a folder");
    }

    [Fact]
    public async Task Repl_ProviderFails_ReportsItKeepsNoHalfTurnAndGoesOn()
    {
        var client = new ScriptedChatClient { Failure = new HttpRequestException("503 Service Unavailable") };
        var repl = new ReplHarness(client);
        var before = repl.Agent.State;

        await repl.RunAsync("are you there?", "/stress");

        repl.Output.Should().Contain("The model could not answer:").And.Contain("503 Service Unavailable");
        repl.Session.Log.Entries.Select(e => e.Kind).Should().Equal("start", "unanswered", "stress");
        repl.Agent.History.Should().BeEmpty();
        repl.Agent.State.ExperienceCount.Should().Be(before.ExperienceCount + 2, "the message was heard, then /stress felt; no reply was experienced");
    }

    [Fact]
    public async Task Repl_WithAModel_StreamsItsReplyAndSendsTheStateAndHistory()
    {
        var client = new ScriptedChatClient().Reply("Hello! I am glad you came.").Reply("Still here, and calmer now.");
        var repl = new ReplHarness(client);

        await repl.RunAsync("hi there", "/relax", "are you still there?");

        repl.Output.Should().Contain("anima> Hello! I am glad you came.").And.Contain("anima> Still here, and calmer now.");
        client.Requests.Should().HaveCount(2);
        client.Requests[1].Options!.Instructions.Should().Contain(StatePrompt.OpenTag).And.Contain("You are Anima");
        client.Requests[1].Messages.Select(m => m.Text).Should().Equal("hi there", "Hello! I am glad you came.", "are you still there?");
    }

    [Fact]
    public async Task Repl_OnATerminal_ShowsTheReplyLiveUnderTheStatePanel()
    {
        var client = new ScriptedChatClient { ChunkSize = 3 }.Reply("What a lovely thing to hear.");
        var repl = new ReplHarness(client, terminal: true);

        await repl.RunAsync("I brought you flowers, friend!");

        string output = repl.Output;
        output.Should().Contain("\u001b[", "a terminal gets colour and cursor control");
        output.Should().Contain("What a lovely thing to hear.").And.Contain("inner state");
        repl.Session.Log.Entries[^1].Reply.Should().Be("What a lovely thing to hear.");
        repl.Agent.History.Should().HaveCount(2);
    }

    [Fact]
    public async Task Repl_WithAStore_KeepsTheAgentAfterEveryTurnAndCommand()
    {
        var store = new SqliteAnimaStore(Path.Combine(_folder.FullName, "repl.db"));
        var repl = new ReplHarness(store: store);

        await repl.RunAsync("hello there", "/grief", "/quit");

        var resumed = new AnimaCore(AnimaChat.Character.Options(repl.Clock));
        (await resumed.LoadAsync(store, AnimaChat.Repl.ReplSession.AgentId)).Should().BeTrue();
        resumed.ExportState().Should().Be(repl.Agent.ExportState());
        resumed.State.ExperienceCount.Should().Be(3, "the message, the offline reply and /grief");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Repl_NeverPrintsTheKey()
    {
        // A made-up value, built at run time: no file holds anything shaped like a real key.
        string key = "not-a-real-key-" + Guid.NewGuid().ToString("N");
        var choice = ProviderChoice.Resolve(new AnimaChat.CommandLine { Provider = "openai" }, name => name == "OPENAI_API_KEY" ? key : null);
        var repl = new ReplHarness(new ScriptedChatClient(), choice);

        await repl.RunAsync("hello", "/models", "/state", $"/export {Path.Combine(_folder.FullName, "s")}");

        repl.Output.Should().NotContain(key).And.Contain("openai · gpt-4.1-mini");
        (await File.ReadAllTextAsync(Path.Combine(_folder.FullName, "s.json"))).Should().NotContain(key);
        choice.ToString().Should().NotContain(key);
    }

    [Fact]
    public async Task Repl_CancelTurn_CancelsTheReplyUnderWayOnly()
    {
        var client = new ScriptedChatClient { HangMidStream = true };
        var repl = new ReplHarness(client);
        repl.Session.CancelTurn().Should().BeFalse("no turn is under way");

        var run = repl.RunAsync("tell me a long story", "/joy");
        while (client.Requests.Count == 0)
        {
            await Task.Delay(10);
        }

        SpinWait.SpinUntil(() => repl.Session.CancelTurn(), TimeSpan.FromSeconds(10)).Should().BeTrue();
        (await run).Should().Be(0);

        repl.Output.Should().Contain("Turn cancelled");
        repl.Session.Log.Entries.Select(e => e.Kind).Should().Equal("start", "unanswered", "joy");
        repl.Agent.History.Should().BeEmpty();
    }

    internal static void AssertValidChart(string path, int points, string[] reactors, int? chats = null)
    {
        var svg = XDocument.Load(path);
        XNamespace ns = TrajectoryChart.SvgNamespace;
        svg.Root!.Name.Should().Be(ns + "svg");
        var series = svg.Descendants(ns + "polyline").ToDictionary(p => (string)p.Attribute("data-series")!, p => (string)p.Attribute("points")!);
        series.Keys.Should().BeEquivalentTo(["valence", "arousal", "dominance", .. reactors.Select(r => "reactor " + r)]);
        var colours = svg.Descendants(ns + "polyline").Select(p => (string)p.Attribute("stroke")!).ToList();
        colours.Should().OnlyHaveUniqueItems("every series has a colour of its own");
        if (chats is { } expected)
        {
            svg.Descendants(ns + "circle").Count(c => (string?)c.Attribute("data-mark") == "chat").Should().Be(expected, "each chat turn is marked");
        }

        svg.Descendants(ns + "text").Should().Contain(t => (string?)t.Attribute("data-axis") == "y" && t.Value.Contains("level", StringComparison.Ordinal), "the y axis has a title");
        foreach (var (name, coordinates) in series)
        {
            var pairs = coordinates.Split(' ');
            pairs.Should().HaveCount(points, $"series {name} has one point per moment");
            pairs.Should().OnlyContain(p => p.Split(',').All(n => double.IsFinite(double.Parse(n, System.Globalization.CultureInfo.InvariantCulture))));
        }
    }
}
