using FluentAssertions;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Xunit;

namespace Anima.Agents.Tests;

public sealed class AnimaContextProviderTests
{
    private static ChatMessage Say(string text) => new(ChatRole.Assistant, text);

    private static string Instructions(ChatOptions? options) => options?.Instructions ?? "";

    [Fact]
    public async Task EachRun_CarriesTheStateBlock_AndTheAgentLivesThroughWhatItHeardAndSaid()
    {
        var anima = new AnimaCore(new AnimaOptions { Seed = 3 });
        var client = new ScriptedClient(_ => Say("I'm so sorry. That sounds really hard."), _ => Say("I'm glad you told me."));
        var agent = new ChatClientAgent(client, new ChatClientAgentOptions { Name = "Ada", AIContextProviders = [new AnimaContextProvider(anima)] });
        var session = await agent.CreateSessionAsync();

        await agent.RunAsync("My dog died this morning and I can't stop crying.", session);

        anima.State.ExperienceCount.Should().Be(2, "it heard the message and lived through its own reply");
        anima.State.Vad.Valence.Should().BeNegative("a loss was heard");
        string block = Instructions(client.Requests[0].Options);
        block.Should().Contain("<anima_inner_state>").And.Contain("I feel");
        block.Any(char.IsAsciiDigit).Should().BeFalse("the block is words, never numbers");

        await agent.RunAsync("Thank you for listening.", session);

        anima.State.ExperienceCount.Should().Be(4, "the history of the session is not heard twice");
        Instructions(client.Requests[1].Options).Should().Contain("<anima_inner_state>");
        client.Requests[1].Messages.Should().Contain(m => m.Text.Contains("dog died", StringComparison.Ordinal), "the framework keeps the session's history");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ToolResults_AreLivedThrough_ASuccessSatisfiesAndAFailureStings(bool succeeds)
    {
        var anima = new AnimaCore(new AnimaOptions { Seed = 3 });
        double frustration = anima.State.Frustration;
        var weather = AIFunctionFactory.Create(string () => succeeds ? "Sunny, 21 degrees." : throw new InvalidOperationException("The weather service is down."), "weather");
        var client = new ScriptedClient(
            _ => new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "weather")]),
            _ => Say(succeeds ? "It's sunny out!" : "I couldn't get the weather, sorry."));
        var agent = new ChatClientAgent(client, new ChatClientAgentOptions
        {
            AIContextProviders = [new AnimaContextProvider(anima)],
            ChatOptions = new ChatOptions { Tools = [weather] },
        });

        await agent.RunAsync("What's the weather like?", await agent.CreateSessionAsync());

        anima.State.ExperienceCount.Should().Be(3, "the question, the tool's result and its own words");
        if (succeeds)
        {
            anima.State.Frustration.Should().BeLessThanOrEqualTo(frustration);
        }
        else
        {
            anima.State.Frustration.Should().BeGreaterThan(frustration, "a failed tool frustrates");
        }
    }

    [Fact]
    public async Task AFailedRun_IsNotLivedThrough()
    {
        var anima = new AnimaCore(new AnimaOptions { Seed = 3 });
        var client = new ScriptedClient(_ => throw new HttpRequestException("The provider is unreachable."));
        var agent = new ChatClientAgent(client, new ChatClientAgentOptions { AIContextProviders = [new AnimaContextProvider(anima)] });

        var run = () => agent.RunAsync("Hello?", null);

        await run.Should().ThrowAsync<HttpRequestException>();
        anima.State.ExperienceCount.Should().Be(1, "it heard the message; no reply was lived through");
    }

    [Fact]
    public void TheProvider_NeedsAnInnerLife() =>
        FluentActions.Invoking(() => new AnimaContextProvider(null!)).Should().Throw<ArgumentNullException>().WithParameterName("anima");
}
