using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace Anima.Evaluation.Tests;

public sealed class InnerStateRecorderTests
{
    [Fact]
    public async Task TheRecordedState_IsTheOneTheReplyWasWrittenFrom_NotTheOneAfterIt()
    {
        var recorder = new InnerStateRecorder(new ScriptedClient(_ => "Thank you, that means a lot to me."));
        var agent = new AnimaCore(new AnimaOptions { Seed = 5 }, recorder);
        recorder.Attach(agent);

        await agent.ChatAsync("You did a wonderful job today, I'm proud of you.");

        recorder.LastState!.ExperienceCount.Should().Be(1, "the agent had heard the message and not yet lived through its own reply");
        agent.State.ExperienceCount.Should().Be(2);
        recorder.LastContext!.State.Should().BeSameAs(recorder.LastState);
    }

    [Fact]
    public async Task RequestsThatAreNotTurns_LeaveTheRecordAlone()
    {
        var recorder = new InnerStateRecorder(new ScriptedClient(_ => "{}"));
        recorder.Attach(new AnimaCore(new AnimaOptions { Seed = 5 }));

        await recorder.GetResponseAsync([new ChatMessage(ChatRole.User, "Condense these moments into beliefs.")], new ChatOptions { Instructions = "You reflect." });

        recorder.LastState.Should().BeNull();
        recorder.LastContext.Should().BeNull();
    }

    [Fact]
    public async Task WithoutAnAgent_ATurnSaysToAttachOne()
    {
        var recorder = new InnerStateRecorder(new ScriptedClient(_ => "hi"));
        var agent = new AnimaCore(new AnimaOptions { Seed = 5 }, recorder);

        var turn = () => agent.ChatAsync("Hello?");

        (await turn.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*Attach(agent)*");
    }

    [Fact]
    public void OneRecorder_KeepsOneAgent()
    {
        var recorder = new InnerStateRecorder(new ScriptedClient(_ => "hi"));
        var first = new AnimaCore(new AnimaOptions { Seed = 1 });
        recorder.Attach(first);
        recorder.Attach(first);

        FluentActions.Invoking(() => recorder.Attach(new AnimaCore(new AnimaOptions { Seed = 2 }))).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => recorder.Attach(null!)).Should().Throw<ArgumentNullException>();
    }
}
