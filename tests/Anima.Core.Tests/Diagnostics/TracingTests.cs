using System.Collections.Concurrent;
using System.Diagnostics;
using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Diagnostics;

/// <summary>The agent's spans as an OpenTelemetry GenAI dashboard reads them: named and tagged by the conventions, the tools' spans nested under them, failures marked.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task ChatAsync_ThroughFunctionInvocation_IsAnInvokeAgentSpanWithTheToolsNestedUnderIt()
    {
        var stopped = Listen(out var listener);
        using (listener)
        {
            var scripted = new ScriptedChatClient()
                .Reply(_ => new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "weather", new Dictionary<string, object?> { ["city"] = "Oslo" })])))
                .Reply("It is sunny in Oslo.");
            using var pipeline = new ChatClientBuilder(scripted).UseFunctionInvocation().UseOpenTelemetry().Build();
            var agent = new AnimaCore(new AnimaOptions { Seed = 1, Name = "mira", TimeProvider = new FakeTimeProvider(Agents.Epoch) }, pipeline);
            var tool = AIFunctionFactory.Create((string city) => $"sunny in {city}", "weather");

            await agent.ChatAsync("What is the weather in Oslo?", options: new ChatOptions { Tools = [tool] });

            var turn = stopped.Single(a => a.Source.Name == AnimaTelemetry.Name && a.DisplayName == "invoke_agent mira");
            turn.GetTagItem("gen_ai.operation.name").Should().Be("invoke_agent");
            turn.GetTagItem("gen_ai.agent.name").Should().Be("mira");
            turn.Status.Should().NotBe(ActivityStatusCode.Error);
            var toolSpan = stopped.Should().Contain(a => a.DisplayName.Contains("execute_tool", StringComparison.Ordinal)).Which;
            Ancestors(toolSpan).Should().Contain(turn, "the tool ran inside the agent's turn");
        }
    }

    [Fact]
    public async Task ChatAsync_ProviderFails_EndsTheSpanWithAnErrorStatusAndType()
    {
        var stopped = Listen(out var listener);
        using (listener)
        {
            var scripted = new ScriptedChatClient { Failure = new HttpRequestException("the provider is down") };
            var agent = new AnimaCore(new AnimaOptions { Seed = 1, Name = "failing-agent", TimeProvider = new FakeTimeProvider(Agents.Epoch) }, scripted);

            await agent.Invoking(a => a.ChatAsync("Hello?")).Should().ThrowAsync<HttpRequestException>();

            var turn = stopped.Single(a => a.DisplayName == "invoke_agent failing-agent");
            turn.Status.Should().Be(ActivityStatusCode.Error);
            turn.GetTagItem("error.type").Should().Be(typeof(HttpRequestException).FullName);
        }
    }

    private static IEnumerable<Activity> Ancestors(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent;
        }
    }

    private static ConcurrentQueue<Activity> Listen(out ActivityListener listener)
    {
        var stopped = new ConcurrentQueue<Activity>();
        listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        return stopped;
    }
}
