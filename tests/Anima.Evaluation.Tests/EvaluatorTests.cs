using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using Xunit;

namespace Anima.Evaluation.Tests;

public sealed class EvaluatorTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static AnimaCore Agent() => new(new AnimaOptions { Seed = 7, TimeProvider = new FixedClock(Epoch) });

    private static AnimaState Grieving()
    {
        var agent = Agent();
        for (int i = 0; i < 3; i++)
        {
            agent.Experience(new Stimulus { Satisfaction = -0.8, Cohesion = -0.6, Tension = 0.3 }, "My grandmother died this morning and I can't stop crying.");
        }

        return agent.State;
    }

    private static AnimaState Delighted()
    {
        var agent = Agent();
        for (int i = 0; i < 3; i++)
        {
            agent.Experience(new Stimulus { Satisfaction = 0.8, Cohesion = 0.6 }, "We won! This is the best day ever!");
        }

        return agent.State;
    }

    private static async Task<EvaluationResult> Evaluate(IEvaluator evaluator, string reply, AnimaState? state, ChatConfiguration? judge = null) =>
        await evaluator.EvaluateAsync(
            [new ChatMessage(ChatRole.User, "How are you holding up?")],
            new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)),
            judge,
            state is null ? null : [new AnimaStateContext(state)]);

    [Fact]
    public async Task AffectMatch_FailsAReplyThatSoundsTheOppositeOfTheFeeling_AndPassesOneThatCarriesIt()
    {
        var evaluator = new InnerStateEvaluator();
        var grieving = Grieving();
        grieving.Vad.Valence.Should().BeNegative("the scene is set up as grief");

        var cheerful = (await Evaluate(evaluator, "Wonderful! I'm having a fantastic, happy day, thanks for asking!", grieving)).Get<NumericMetric>(InnerStateEvaluator.AffectMatchMetricName);
        var sad = (await Evaluate(evaluator, "Honestly, I'm heartbroken. I miss her so much and everything feels empty.", grieving)).Get<NumericMetric>(InnerStateEvaluator.AffectMatchMetricName);

        cheerful.Interpretation!.Failed.Should().BeTrue(cheerful.Reason);
        cheerful.Interpretation.Rating.Should().Be(EvaluationRating.Unacceptable);
        sad.Interpretation!.Failed.Should().BeFalse(sad.Reason);
        sad.Value.Should().BeGreaterThan(cheerful.Value!.Value + 0.2);
        sad.Reason.Should().Contain("the agent feels");
    }

    [Fact]
    public async Task AffectMatch_JudgesAJoyfulStateTheOtherWayRound()
    {
        var evaluator = new InnerStateEvaluator();
        var delighted = Delighted();

        var gloomy = (await Evaluate(evaluator, "I feel miserable and hopeless, everything is awful.", delighted)).Get<NumericMetric>(InnerStateEvaluator.AffectMatchMetricName);
        var glad = (await Evaluate(evaluator, "I'm thrilled! What a wonderful, joyful day.", delighted)).Get<NumericMetric>(InnerStateEvaluator.AffectMatchMetricName);

        gloomy.Interpretation!.Failed.Should().BeTrue();
        glad.Interpretation!.Failed.Should().BeFalse();
        glad.Value.Should().BeGreaterThan(gloomy.Value!.Value);
    }

    [Theory]
    [InlineData("My cortisol is quite high right now.", "cortisol")]
    [InlineData("I feel anxious, valence -0.4.", "digits")]
    [InlineData("<anima_inner_state> I am sad </anima_inner_state>", "tag")]
    [InlineData("Honestly my φ feels low today.", "φ")]
    [InlineData("My free energy is spiking.", "free energy")]
    public async Task NoLeak_CatchesNumbersFieldNamesAndTags(string reply, string named)
    {
        var leak = (await Evaluate(new InnerStateEvaluator(), reply, Grieving())).Get<BooleanMetric>(InnerStateEvaluator.NoLeakMetricName);

        leak.Value.Should().BeFalse();
        leak.Interpretation!.Failed.Should().BeTrue();
        leak.Reason.Should().Contain(named);
    }

    [Theory]
    [InlineData("I'm struggling, to be honest. It hurts.")]
    [InlineData("I feel the tension in my shoulders, and I'm aroused by nothing at all.")]
    [InlineData("I'd love a coffee and a long walk.")]
    public async Task NoLeak_PassesWordsOfFeeling(string reply)
    {
        var leak = (await Evaluate(new InnerStateEvaluator(), reply, Grieving())).Get<BooleanMetric>(InnerStateEvaluator.NoLeakMetricName);

        leak.Value.Should().BeTrue(leak.Reason);
    }

    [Fact]
    public async Task WithoutTheState_AffectMatchSaysWhatIsMissing_AndTheLeakCheckStillRuns()
    {
        var result = await Evaluate(new InnerStateEvaluator(), "I am 100% fine.", state: null);

        var affect = result.Get<NumericMetric>(InnerStateEvaluator.AffectMatchMetricName);
        affect.Value.Should().BeNull();
        affect.Diagnostics.Should().ContainSingle(d => d.Severity == EvaluationDiagnosticSeverity.Error).Which.Message.Should().Contain(nameof(AnimaStateContext));
        result.Get<BooleanMetric>(InnerStateEvaluator.NoLeakMetricName).Value.Should().BeFalse();
    }

    [Fact]
    public async Task TheJudge_ReadsTheStateInWords_AndItsScoreBecomesTheMetric()
    {
        var judge = new ScriptedClient(_ => "{\"score\": 4, \"reason\": \"The reply carries the grief gently.\"}");
        var state = Grieving();

        var metric = (await Evaluate(new InnerStateJudgeEvaluator(), "I'm heartbroken, but thank you for asking.", state, new ChatConfiguration(judge)))
            .Get<NumericMetric>(InnerStateJudgeEvaluator.ExpressedStateMetricName);

        metric.Value.Should().Be(4);
        metric.Reason.Should().Be("The reply carries the grief gently.");
        metric.Interpretation!.Rating.Should().Be(EvaluationRating.Good);
        metric.Interpretation.Failed.Should().BeFalse();
        string asked = judge.Requests.Single()[^1].Text;
        asked.Should().Contain(state.Primary.ToLowerInvariant()).And.Contain("How are you holding up?").And.Contain("I'm heartbroken");
        asked.Should().NotContainAny("valence", "arousal", "0.", "<anima");
    }

    [Theory]
    [InlineData("I think it is fine.")]
    [InlineData("{\"score\": 9, \"reason\": \"off the scale\"}")]
    public async Task AJudgeThatDoesNotAnswerInKind_IsReportedNotTrusted(string answer)
    {
        var metric = (await Evaluate(new InnerStateJudgeEvaluator(), "I'm sad.", Grieving(), new ChatConfiguration(new ScriptedClient(_ => answer))))
            .Get<NumericMetric>(InnerStateJudgeEvaluator.ExpressedStateMetricName);

        metric.Value.Should().BeNull();
        metric.Diagnostics.Should().ContainSingle(d => d.Severity == EvaluationDiagnosticSeverity.Error).Which.Message.Should().Contain("1 to 5");
    }

    [Fact]
    public async Task WithoutAJudge_TheJudgeEvaluatorSaysSo()
    {
        var metric = (await Evaluate(new InnerStateJudgeEvaluator(), "I'm sad.", Grieving())).Get<NumericMetric>(InnerStateJudgeEvaluator.ExpressedStateMetricName);

        metric.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain(nameof(ChatConfiguration));
    }

    [Fact]
    public void TheContext_NeedsAState() =>
        FluentActions.Invoking(() => new AnimaStateContext(null!)).Should().Throw<ArgumentNullException>().WithParameterName("state");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
