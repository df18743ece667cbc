using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Anima.Tests.Support;

/// <summary>An agent document that holds every section in use: memories, a conversation with a tool call and its result, events, desires.</summary>
internal static class RichDocument
{
    /// <summary>The instant the agents of these documents are born at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Builds an agent as the documents' agents are built: seed 11, born at <see cref="Start"/>.</summary>
    public static AnimaCore Agent(ChannelProfile profile, IChatClient client) =>
        new(new AnimaOptions { Seed = 11, Profile = profile, TimeProvider = new FakeTimeProvider(Start) }, client);

    /// <summary>Lives a short, full life and exports it: a tool turn, thirty experiences, two memories, a closing turn.</summary>
    public static async Task<string> Export(ChannelProfile profile)
    {
        var client = new ScriptedChatClient();
        client.Reply(_ => new ChatResponse(
        [
            new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "lookup", new Dictionary<string, object?> { ["query"] = "weather" })]),
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "sunny")]),
            new ChatMessage(ChatRole.Assistant, "It is sunny, and I am glad you asked."),
        ]));
        client.Reply("I hear you.");
        var agent = Agent(profile, client);
        await agent.ChatAsync("What is the weather like?");
        for (int i = 0; i < 30; i++)
        {
            agent.Experience(new Stimulus { Tension = (i % 5) / 5.0, Satisfaction = ((i % 3) - 1) / 2.0, Arousal = i % 7 == 0 ? 0.8 : 0 }, i % 6 == 0 ? "I'm so tired of this." : null);
        }

        await agent.RememberAsync("They asked about the weather.");
        await agent.RememberAsync("They were tired.");
        await agent.ChatAsync("Thanks for listening.");
        return agent.ExportState();
    }
}
