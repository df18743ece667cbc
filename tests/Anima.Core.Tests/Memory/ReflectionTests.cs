using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Memory;

/// <summary>Reflection: moments condensed into first-person beliefs, by a scripted model or offline, kept, recalled first, and changed by later reflection.</summary>
public sealed class ReflectionTests
{
    private static readonly Person Mira = new("mira", "Mira");
    private static readonly Person Sam = new("sam", "Sam");

    private static (AnimaCore Agent, ScriptedChatClient Client, FakeTimeProvider Clock) Create(bool withModel, double threshold = 2)
    {
        var clock = new FakeTimeProvider(Agents.Epoch);
        var client = new ScriptedChatClient();
        var memory = new MemoryOptions { ReflectionThreshold = threshold, ReflectWithChatClient = withModel };
        return (new AnimaCore(new AnimaOptions { Seed = 9, TimeProvider = clock, MemoryOptions = memory }, client), client, clock);
    }

    private static async Task LiveAWeek(AnimaCore agent, FakeTimeProvider clock)
    {
        foreach (string line in new[]
        {
            "Thank you for staying with me when my dad was in hospital, you are wonderful.",
            "I have a deadline tomorrow and I'm panicking.",
            "You helped me so much after the funeral, I'm so grateful for you.",
            "Another deadline is coming and I'm scared I'll fail.",
            "I got the job I wanted, and it's thanks to you! You are lovely.",
            "The deadline moved up and I'm terrified.",
        })
        {
            clock.Advance(TimeSpan.FromHours(5));
            await agent.ChatAsync(line.Contains("deadline", StringComparison.Ordinal) ? Sam : Mira, line);
        }
    }

    private static IEnumerable<EmotionalMemory> Beliefs(AnimaCore agent) => agent.Memory.GetAll().Where(m => m.Kind == MemoryKind.Belief);

    [Fact]
    public async Task ChatAsync_PastTheThreshold_ReflectsOfflineIntoBeliefsAboutThePersonAndATopic()
    {
        var (agent, _, clock) = Create(withModel: false);

        await LiveAWeek(agent, clock);

        var beliefs = Beliefs(agent).ToList();
        beliefs.Should().Contain(b => b.Subject == "person:mira" && b.PersonId == "mira" && b.Text.Contains("Talking with Mira", StringComparison.Ordinal));
        beliefs.Should().Contain(b => b.Subject == "topic:deadline" && b.Text.Contains("deadline", StringComparison.Ordinal) && b.Feeling.Valence < 0);
        beliefs.Should().OnlyContain(b => !b.Text.Any(char.IsDigit));
    }

    [Fact]
    public async Task ChatAsync_PastTheThreshold_AsksTheModelForBeliefsWithStructuredOutput()
    {
        var (agent, client, clock) = Create(withModel: true);
        client.Fallback = messages => messages[0].Role == ChatRole.System && messages[0].Text.Contains("reflecting", StringComparison.Ordinal)
            ? new ChatResponse(new ChatMessage(ChatRole.Assistant, """{"beliefs":[{"subject":"person:mira","belief":"Mira is the one who steadies me."},{"subject":"topic:deadlines","belief":"Deadlines frighten me more than they should."}]}"""))
            : new ChatResponse(new ChatMessage(ChatRole.Assistant, "I am here."));

        await LiveAWeek(agent, clock);

        client.Requests.Should().Contain(r => r.Options != null && r.Options.ResponseFormat is ChatResponseFormatJson);
        Beliefs(agent).Select(b => b.Text).Should().Contain(["Mira is the one who steadies me.", "Deadlines frighten me more than they should."]);
        Beliefs(agent).Where(b => b.Subject == "person:mira").Should().NotBeEmpty().And.OnlyContain(b => b.PersonId == "mira");
    }

    [Fact]
    public async Task ChatAsync_ModelAnswersNonsense_FallsBackToTheOfflineBeliefs()
    {
        var (agent, client, clock) = Create(withModel: true);
        client.Fallback = messages => new ChatResponse(new ChatMessage(ChatRole.Assistant, "not json at all"));

        await LiveAWeek(agent, clock);

        Beliefs(agent).Should().Contain(b => b.Subject == "person:mira");
    }

    [Fact]
    public async Task Beliefs_ArePersistedAndRecalledIntoTheBlockBeforeMoments()
    {
        var (agent, _, clock) = Create(withModel: false);
        await LiveAWeek(agent, clock);
        var copy = new AnimaCore(new AnimaOptions { Seed = 9, TimeProvider = clock, MemoryOptions = new MemoryOptions { ReflectionThreshold = 2, ReflectWithChatClient = false } }, new ScriptedChatClient());
        copy.ImportState(agent.ExportState());
        copy.ExportState().Should().Be(agent.ExportState());
        Beliefs(copy).Should().BeEquivalentTo(Beliefs(agent), o => o.Excluding(m => m.Embedding));

        clock.Advance(TimeSpan.FromDays(3));
        var client = (ScriptedChatClient)copy.ChatClient!;
        await copy.ChatAsync(Mira, "Talking with you about the deadline again, Mira here.");

        string block = client.Requests[^1].Options!.Instructions!;
        block.Should().Contain("I have come to feel this:");
        block.IndexOf("I have come to feel this:", StringComparison.Ordinal).Should().BeLessThan(
            block.Contains("I remember", StringComparison.Ordinal) ? block.IndexOf("I remember", StringComparison.Ordinal) : int.MaxValue);
    }

    [Fact]
    public async Task ReflectAsync_ANewerBeliefAboutTheSameSubject_ReplacesTheOlderInRecall()
    {
        var (agent, client, clock) = Create(withModel: true, threshold: 0);
        string next = "Mira wears me out.";
        client.Fallback = messages => messages[0].Role == ChatRole.System && messages[0].Text.Contains("reflecting", StringComparison.Ordinal)
            ? new ChatResponse(new ChatMessage(ChatRole.Assistant, "{\"beliefs\":[{\"subject\":\"person:mira\",\"belief\":\"" + next + "\"}]}"))
            : new ChatResponse(new ChatMessage(ChatRole.Assistant, "I am here."));
        await agent.ChatAsync(Mira, "My dog died and I can't stop crying, Mira here.");
        (await agent.ReflectAsync()).Should().ContainSingle();
        next = "Mira steadies me when I am low.";
        clock.Advance(TimeSpan.FromHours(2));
        await agent.ChatAsync(Mira, "I got the job!! I'm so happy, Mira here.");
        (await agent.ReflectAsync()).Should().ContainSingle();
        agent.ClearHistory();
        clock.Advance(TimeSpan.FromDays(1));

        await agent.ChatAsync(Mira, "Mira here, how do you feel about me?");

        string block = client.Requests[^1].Options!.Instructions!;
        block.Should().Contain("Mira steadies me").And.NotContain("Mira wears me out");
    }

    [Fact]
    public async Task ReflectAsync_NothingNewSinceTheLast_KeepsNothing()
    {
        var (agent, _, clock) = Create(withModel: false, threshold: 0);
        await LiveAWeek(agent, clock);
        await agent.ReflectAsync();

        (await agent.ReflectAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ChatAsync_ReflectionCancelled_StillReturnsTheReplyAndKeepsTheTurn()
    {
        var (agent, client, clock) = Create(withModel: true, threshold: 0.1);
        using var cancel = new CancellationTokenSource();
        bool first = true;
        client.Fallback = messages =>
        {
            if (messages[0].Role == ChatRole.System && messages[0].Text.Contains("reflecting", StringComparison.Ordinal) && first)
            {
                first = false;
                cancel.Cancel();
                throw new OperationCanceledException(cancel.Token);
            }

            return messages[0].Role == ChatRole.System
                ? new ChatResponse(new ChatMessage(ChatRole.Assistant, "{\"beliefs\":[{\"subject\":\"person:mira\",\"belief\":\"Mira trusts me with her grief.\"}]}"))
                : new ChatResponse(new ChatMessage(ChatRole.Assistant, "I am here."));
        };

        var response = await agent.ChatAsync(Mira, "My dog died and I can't stop crying.", cancellationToken: cancel.Token);
        clock.Advance(TimeSpan.FromMinutes(1));

        response.Text.Should().Be("I am here.");
        agent.People.GetHistory("mira").Should().HaveCount(2);
        Beliefs(agent).Should().BeEmpty();
        (await agent.ReflectAsync()).Should().NotBeEmpty("the reflection that did not finish is still due");
    }
}
