using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace Anima.Tests.Chat;

public sealed class ConversationTests
{
    [Fact]
    public void ObserveMessages_AToolResultSeenAgain_IsExperiencedOnce()
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 1 });
        var failed = new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", null) { Exception = new InvalidOperationException("down") }]);

        agent.Conversation.ObserveMessages([failed], response: false);
        double once = agent.State.Frustration;
        agent.Conversation.ObserveMessages([failed], response: false);

        once.Should().BeGreaterThan(0);
        agent.State.Frustration.Should().Be(once, "a repeated result is history, not news");
    }

    [Fact]
    public void PrepareOptions_CarriesPersonaAndBlock_WithoutChangingTheCallersOptions()
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 1, Instructions = "You are Ada." });
        var options = new ChatOptions { Instructions = "Answer in French." };

        var prepared = agent.Conversation.PrepareOptions(options);

        options.Instructions.Should().Be("Answer in French.");
        prepared.Instructions.Should().StartWith("Answer in French.\n\nYou are Ada.\n\n<anima_inner_state>");
    }

    [Fact]
    public async Task ChatAsync_WithoutAChatClient_SaysHowToGiveOne()
    {
        var agent = new AnimaCore(new AnimaOptions());

        await agent.Invoking(a => a.ChatAsync("hello")).Should().ThrowAsync<InvalidOperationException>().WithMessage("*no chat client*AnimaCore constructor*");
        await agent.Invoking(a => a.InitiateAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*no chat client*");
        agent.History.Should().BeEmpty();
    }
}
