using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace Anima.Tests.Chat;

public class HistoryReducerTests
{
    private static AnimaCore Agent(IChatReducer? reducer, ScriptedChatClient client) =>
        new(new AnimaOptions { Seed = 2, HistoryReducer = reducer }, client);

    [Fact]
    public async Task AnyChatReducer_CutsTheHistoryTheAgentKeepsAndSends()
    {
        var client = new ScriptedChatClient();
#pragma warning disable MEAI001 // M.E.AI marks its counting reducer experimental; it is the plainest reducer to show that any works.
        var agent = Agent(new MessageCountingChatReducer(2), client);
#pragma warning restore MEAI001

        foreach (string line in new[] { "Hello there.", "How are you?", "Tell me about your day." })
        {
            await agent.ChatAsync(line);
        }

        agent.History.Should().HaveCount(2, "M.E.AI's counting reducer keeps the last two messages");
        agent.History[0].Text.Should().Be("Tell me about your day.");
        client.Requests[^1].Messages.Where(m => m.Role != ChatRole.System).Should().HaveCount(3, "the last request carried the two kept messages and the new one");
    }

    [Fact]
    public async Task TheTurnBudgetReducer_TakesARealTokenCounter_AndKeepsWholeTurns()
    {
        // A counter of words stands in for a tokenizer: two turns of about ten "tokens" each fit a budget of 25.
        static int Words(ChatMessage m) => m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var client = new ScriptedChatClient().Reply("one two three four five").Reply("six seven eight nine ten").Reply("eleven twelve thirteen fourteen fifteen");
        var agent = Agent(new TurnBudgetChatReducer(25, Words), client);

        foreach (string line in new[] { "alpha beta gamma delta epsilon", "zeta eta theta iota kappa", "lambda mu nu xi omicron" })
        {
            await agent.ChatAsync(line);
        }

        agent.History.Select(m => m.Text).Should().Equal("zeta eta theta iota kappa", "six seven eight nine ten", "lambda mu nu xi omicron", "eleven twelve thirteen fourteen fifteen");
    }

    [Fact]
    public async Task AReducerThatReturnsNothing_IsRefusedByName()
    {
        var agent = Agent(new NullReducer(), new ScriptedChatClient());

        var turn = () => agent.ChatAsync("Hi!");

        (await turn.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*NullReducer returned null*");
    }

    [Fact]
    public void TheTurnBudgetReducer_RefusesABudgetOfNothing_AndACounterBelowZero()
    {
        FluentActions.Invoking(() => new TurnBudgetChatReducer(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tokenBudget");
        var reducer = new TurnBudgetChatReducer(10, _ => -1);
        FluentActions.Awaiting(() => reducer.ReduceAsync([new ChatMessage(ChatRole.User, "hi")], default)).Should().ThrowAsync<InvalidOperationException>().WithMessage("*never negative*");
    }

    [Fact]
    public async Task TheDefault_IsTheBudgetOfTheOptions()
    {
        var client = new ScriptedChatClient();
        var agent = new AnimaCore(new AnimaOptions { Seed = 2, HistoryTokenBudget = 80 }, client);
        for (int i = 0; i < 6; i++)
        {
            await agent.ChatAsync($"Message number {i} with a few more words in it.");
        }

        agent.History.Count.Should().BeInRange(2, 10, "the budget of eighty tokens keeps only the newest turns");
        agent.History[0].Role.Should().Be(ChatRole.User, "whole turns are kept");
    }

    private sealed class NullReducer : IChatReducer
    {
        public Task<IEnumerable<ChatMessage>> ReduceAsync(IEnumerable<ChatMessage> messages, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<ChatMessage>>(null!);
    }
}
