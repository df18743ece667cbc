using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.People;

/// <summary>One agent, several people: one inner state, a history and a relationship for each, kept across save and load.</summary>
public sealed class PeopleTests
{
    private static readonly Person Mira = new("mira", "Mira");
    private static readonly Person Tom = new("tom", "Tom");

    private static (AnimaCore Agent, ScriptedChatClient Client, FakeTimeProvider Clock) Create()
    {
        var clock = new FakeTimeProvider(Agents.Epoch);
        var client = new ScriptedChatClient();
        return (new AnimaCore(new AnimaOptions { Seed = 5, TimeProvider = clock }, client), client, clock);
    }

    [Fact]
    public async Task ChatAsync_TwoPeopleAtOnce_KeepIsolatedHistoriesAndOneInnerState()
    {
        var (agent, _, _) = Create();

        await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => agent.ChatAsync(Mira, $"Mira here, message {i}: thank you, you are lovely."))
                .Concat(Enumerable.Range(0, 6).Select(i => agent.ChatAsync(Tom, $"Tom here, message {i}: you are useless."))));

        var mira = agent.People.GetHistory("mira");
        var tom = agent.People.GetHistory("tom");
        mira.Where(m => m.Role == ChatRole.User).Should().HaveCount(6).And.OnlyContain(m => m.Text.StartsWith("Mira here", StringComparison.Ordinal));
        tom.Where(m => m.Role == ChatRole.User).Should().HaveCount(6).And.OnlyContain(m => m.Text.StartsWith("Tom here", StringComparison.Ordinal));
        agent.History.Should().BeEmpty("turns with a person are theirs, not the anonymous conversation's");
        agent.State.ExperienceCount.Should().BeGreaterThanOrEqualTo(24, "every message and every reply was felt by the one inner state");
    }

    [Fact]
    public async Task ChatAsync_KindnessAndInsult_MoveWarmthAndTrustTheRightWay()
    {
        var (agent, _, _) = Create();

        await agent.ChatAsync(Mira, "Hi, I'm Mira.");
        await agent.ChatAsync(Tom, "Hi, I'm Tom.");
        var miraBefore = agent.People.Get("mira")!;
        var tomBefore = agent.People.Get("tom")!;
        await agent.ChatAsync(Mira, "Thank you so much, you are wonderful and kind.");
        await agent.ChatAsync(Tom, "You are useless and stupid, I hate talking to you.");

        var mira = agent.People.Get("mira")!;
        var tom = agent.People.Get("tom")!;
        mira.Warmth.Should().BeGreaterThan(miraBefore.Warmth);
        mira.Trust.Should().BeGreaterThanOrEqualTo(miraBefore.Trust);
        tom.Trust.Should().BeLessThan(tomBefore.Trust);
        tom.Warmth.Should().BeLessThan(tomBefore.Warmth);
        mira.Turns.Should().Be(2);
        mira.Familiarity.Should().BeGreaterThan(0);
        mira.Name.Should().Be("Mira");
    }

    [Fact]
    public async Task ChatAsync_ThePersonSpeaking_IsNamedInTheBlockWithHowTheAgentFeelsAboutThem()
    {
        var (agent, client, _) = Create();

        await agent.ChatAsync(Tom, "You are useless and stupid, I hate talking to you.");

        string block = client.Requests[^1].Options!.Instructions!;
        block.Should().Contain("Tom").And.Contain("I hardly know Tom yet");
        block.Should().NotMatchRegex("[0-9]");
    }

    [Fact]
    public async Task ChatAsync_AfterLongSilence_WarmthFadesAndTheBlockSaysSo()
    {
        var (agent, client, clock) = Create();
        for (int i = 0; i < 12; i++)
        {
            await agent.ChatAsync(Mira, "Thank you, you are wonderful and kind.");
        }

        double warm = agent.People.Get("mira")!.Warmth;
        clock.Advance(TimeSpan.FromDays(60));

        agent.People.Get("mira")!.Warmth.Should().BeApproximately(warm / 2, 1e-9, "warmth halves in sixty days of silence");
        await agent.ChatAsync(Mira, "Hello again.");
        client.Requests[^1].Options!.Instructions.Should().Contain("It has been a long time since we last spoke.");
    }

    [Fact]
    public async Task Relationships_SurviveSaveAndLoadAndExportAndImportExactly()
    {
        var (agent, _, clock) = Create();
        await agent.ChatAsync(Mira, "Thank you so much, you are wonderful.");
        await agent.ChatAsync(Tom, "My dog died yesterday and I feel awful.");
        await agent.ChatAsync(Tom, "You are useless.");

        var copy = new AnimaCore(new AnimaOptions { Seed = 5, TimeProvider = clock }, new ScriptedChatClient());
        copy.ImportState(agent.ExportState());
        copy.People.GetAll().Should().Equal(agent.People.GetAll());
        copy.People.GetHistory("tom").Select(m => m.Text).Should().Equal(agent.People.GetHistory("tom").Select(m => m.Text));
        copy.ExportState().Should().Be(agent.ExportState());

        string path = Path.Combine(Path.GetTempPath(), $"anima-people-{Guid.NewGuid():N}.db");
        try
        {
            {
                var store = new SqliteAnimaStore(path);
                await agent.SaveAsync(store, "a");
            }

            var loaded = new AnimaCore(new AnimaOptions { Seed = 5, TimeProvider = clock }, new ScriptedChatClient());
            {
                var store = new SqliteAnimaStore(path);
                (await loaded.LoadAsync(store, "a")).Should().BeTrue();
            }

            loaded.People.GetAll().Should().Equal(agent.People.GetAll());
            loaded.People.GetMemories("tom").Should().BeEquivalentTo(agent.People.GetMemories("tom"), o => o.Excluding(m => m.Embedding));
            loaded.ExportState().Should().Be(agent.ExportState());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Forget_ThePerson_DropsRelationshipAndHistoryButNotMemories()
    {
        var (agent, _, _) = Create();
        await agent.ChatAsync(Tom, "My dog died yesterday and I feel awful.");

        agent.People.Forget("tom").Should().BeTrue();

        agent.People.Get("tom").Should().BeNull();
        agent.People.GetHistory("tom").Should().BeEmpty();
        agent.People.GetMemories("tom").Should().NotBeEmpty();
        agent.People.Forget("tom").Should().BeFalse();
    }

    [Fact]
    public async Task Reset_ForgetsEveryone()
    {
        var (agent, _, _) = Create();
        await agent.ChatAsync(Mira, "Hello!");

        agent.Reset();

        agent.People.Count.Should().Be(0);
    }

    [Fact]
    public void Person_BadIdOrName_IsRefusedByName()
    {
        FluentActions.Invoking(() => new Person(" ")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("id");
        FluentActions.Invoking(() => new Person(new string('x', Person.MaxLength + 1))).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("id");
        FluentActions.Invoking(() => new Person("a", "\ud800")).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("name");
        FluentActions.Invoking(() => new AnimaCore(new AnimaOptions(), new ScriptedChatClient()).ChatAsync((Person)null!, "hi"))
            .Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public void ImportState_DuplicatePersonOrBadTrust_IsRefusedAndTheAgentIsUnchanged()
    {
        var (agent, _, _) = Create();
        string json = agent.ExportState().Replace("\"known\":[]", "\"known\":[{\"id\":\"a\",\"name\":null,\"warmth\":0,\"trust\":7,\"familiarity\":0,\"usualFeeling\":[0,0,0],\"seemed\":null,\"lastSpoke\":\"2026-01-01T09:00:00+00:00\",\"turns\":1}]", StringComparison.Ordinal);
        string before = agent.ExportState();

        agent.Invoking(a => a.ImportState(json)).Should().Throw<InvalidDataException>().WithMessage("*trust*");
        agent.ExportState().Should().Be(before);
    }

    [Fact]
    public async Task InitiateAsync_ToAPerson_CarriesTheBondAndJoinsTheirHistory()
    {
        var (agent, client, clock) = Create();
        await agent.ChatAsync(Mira, "Thank you so much, you are wonderful.");
        clock.Advance(TimeSpan.FromDays(3));
        client.Reply("Mira, I have been thinking of you. How are you?");

        await agent.InitiateAsync(Mira);

        string block = client.Requests[^1].Options!.Instructions!;
        block.Should().Contain("Mira").And.Contain("It has been a while since we last spoke.");
        agent.People.GetHistory("mira").Should().HaveCount(3);
        agent.People.GetHistory("mira")[^1].Text.Should().Be("Mira, I have been thinking of you. How are you?");
        agent.History.Should().BeEmpty();
    }
}
