using Microsoft.Extensions.AI;
using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests;

/// <summary>
/// Every public layer interface swapped in through <see cref="AnimaOptions"/>, as a user would: a working
/// implementation is used by the agent, and one that breaks its contract is refused by name, leaving the agent as it
/// was.
/// </summary>
public sealed class CustomLayerTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Appraiser_IsHeard_AndOneThatNamesAnUnknownChannelIsRefused()
    {
        var agent = Agent(o => o.Appraiser = new FixedAppraiser(new Stimulus { Tension = 0.9 }));
        agent.Experience(default, "anything").GetLevel("tension").Should().BeGreaterThan(ChannelProfile.Default.Channels[0].Baseline + 0.05);

        var broken = Agent(o => o.Appraiser = new FixedAppraiser(new Stimulus().With("cortisol", 0.5)));
        RefusedAndUnchanged(broken, a => a.Experience(default, "anything"), nameof(FixedAppraiser));
    }

    [Fact]
    public void Reactor_MovesTheLevels_AndOneThatLeavesALevelOutOfRangeIsRefused()
    {
        var agent = Agent(o => o.Reactor = new SetReactor(0.77));
        agent.Experience(new Stimulus { Tension = 0.1 }).GetLevel("arousal").Should().Be(0.77);

        var broken = Agent(o => o.Reactor = new SetReactor(1.5));
        RefusedAndUnchanged(broken, a => a.Experience(new Stimulus { Tension = 0.1 }), nameof(SetReactor));
    }

    [Fact]
    public void EmotionMap_ChoosesThePrimary_AndABlendThatDoesNotSumToOneIsRefused()
    {
        var agent = Agent(o => o.EmotionMap = new FirstEmotionMap(1.0));
        agent.Experience(new Stimulus { Tension = 0.8 }).Primary.Should().Be(EmotionTable.Default.Emotions[0].Name);

        // The agent reads its map as it is built, so a broken map is refused before there is an agent.
        var build = () => Agent(o => o.EmotionMap = new FirstEmotionMap(0.7));
        build.Should().Throw<InvalidOperationException>().WithMessage($"*{nameof(FirstEmotionMap)}*sum to 1*");
    }

    [Fact]
    public void IntegrationCalculator_GivesPhi_AndAPhiAboveOneIsRefused()
    {
        Agent(o => o.Integration = new FixedPhi(0.42)).Experience(new Stimulus { Arousal = 0.3 }).Phi.Should().Be(0.42);
        RefusedAndUnchanged(Agent(o => o.Integration = new FixedPhi(1.2)), a => a.Experience(new Stimulus { Arousal = 0.3 }), nameof(FixedPhi));
    }

    [Fact]
    public void PredictionModel_GivesTheError_AndANegativeErrorIsRefused()
    {
        Agent(o => o.Prediction = new FixedPrediction(1.25)).Experience(new Stimulus { Arousal = 0.3 }).PredictionError.Should().Be(1.25);
        RefusedAndUnchanged(Agent(o => o.Prediction = new FixedPrediction(-1)), a => a.Experience(new Stimulus { Arousal = 0.3 }), nameof(FixedPrediction));
    }

    [Fact]
    public void ValueSystem_JudgesTheRequest_AndAnUndefinedVerdictIsRefused()
    {
        var agent = Agent(o => o.Veto = new RefusingValues((RequestVerdict)1));
        agent.Experience(default, "please help me").Request.Verdict.Should().Be(RequestVerdict.Refused);

        RefusedAndUnchanged(Agent(o => o.Veto = new RefusingValues((RequestVerdict)42)), a => a.Experience(default, "please help me"), nameof(RefusingValues));
    }

    [Fact]
    public void PromptSerializer_WritesTheBlock_AndANullBlockIsRefused()
    {
        Agent(o => o.PromptSerializer = new FixedSerializer("<anima_inner_state>calm</anima_inner_state>")).GetStatePrompt().Should().Contain("calm");
        var broken = Agent(o => o.PromptSerializer = new FixedSerializer(null));
        broken.Invoking(a => a.GetStatePrompt()).Should().Throw<InvalidOperationException>().WithMessage($"*{nameof(FixedSerializer)}*");
    }

    [Fact]
    public void PersonalityModel_ShapesTheBody_AndASpeedOutOfRangeIsRefused()
    {
        var slow = Agent(o => o.PersonalityModel = new FixedSpeed(0));
        var fast = Agent(o => o.PersonalityModel = new FixedSpeed(1));
        slow.Experience(new Stimulus { Tension = 0.9 }).GetLevel("tension").Should().BeGreaterThan(fast.Experience(new Stimulus { Tension = 0.9 }).GetLevel("tension"), "a slower return keeps more of the jolt");

        RefusedAndUnchanged(Agent(o => o.PersonalityModel = new FixedSpeed(2)), a => a.Experience(new Stimulus { Tension = 0.9 }), nameof(FixedSpeed));
    }

    [Fact]
    public void EgoDefense_IsChosen_AndAnUndefinedDefenseIsRefused()
    {
        var agent = Agent(o => o.EgoDefense = new AlwaysDefense(EgoDefense.Sublimation));
        agent.Experience(new Stimulus { Satisfaction = 0.5 }).Defense.Should().Be(EgoDefense.Sublimation);

        RefusedAndUnchanged(Agent(o => o.EgoDefense = new AlwaysDefense((EgoDefense)99)), a => a.Experience(new Stimulus { Satisfaction = 0.5 }), nameof(AlwaysDefense));
    }

    [Fact]
    public void Narrator_TellsTheMoment_AndANarrativeWithADigitIsRefused()
    {
        Agent(o => o.Narrator = new FixedNarrator("I feel the sea.")).Experience(new Stimulus { Cohesion = 0.4 }).Narrative.Should().Be("I feel the sea.");
        var state = Agent(o => o.Narrator = new FixedNarrator("I feel 7 things.")).Experience(new Stimulus { Cohesion = 0.4 });
        state.Invoking(s => s.Narrative).Should().Throw<InvalidOperationException>().WithMessage($"*{nameof(FixedNarrator)}*");
    }

    [Fact]
    public async Task EmotionalMemory_KeepsWhatIsRemembered_AndANullRecallIsRefused()
    {
        var memory = new ListMemory(returnNull: false);
        var agent = Agent(o => o.Memory = memory);
        await agent.RememberAsync("the first snow");
        memory.GetAll().Select(m => m.Text).Should().Equal("the first snow");
        (await agent.RecallAsync("snow")).Should().ContainSingle();

        var broken = Agent(o => o.Memory = new ListMemory(returnNull: true));
        await broken.RememberAsync("the first snow");
        string before = broken.ExportState();
        await broken.Invoking(a => a.RecallAsync("snow")).Should().ThrowAsync<InvalidOperationException>().WithMessage($"*{nameof(ListMemory)}*");
        broken.ExportState().Should().Be(before);
    }

    private static AnimaCore Agent(Action<AnimaOptions> configure)
    {
        var options = new AnimaOptions { Seed = 9, TimeProvider = new FakeTimeProvider(Start) };
        configure(options);
        return new AnimaCore(options);
    }

    private static void RefusedAndUnchanged(AnimaCore agent, Action<AnimaCore> act, string layer)
    {
        string before = agent.ExportState();
        agent.Invoking(act).Should().Throw<InvalidOperationException>().WithMessage($"*{layer}*");
        agent.ExportState().Should().Be(before, "a layer that breaks its contract changes nothing");
    }

    private sealed class FixedAppraiser(Stimulus stimulus) : IStimulusAppraiser
    {
        public Appraisal Appraise(ReadOnlySpan<char> message) => new(stimulus, SpeakerImpression.None, RequestConcerns.None);
    }

    private sealed class SetReactor(double level) : IReactor
    {
        public void Relax(Span<double> levels, ChannelProfile profile, Personality personality, TimeSpan elapsed)
        {
        }

        public void Excite(Span<double> levels, ReadOnlySpan<double> response, ChannelProfile profile, Personality personality) => levels[1] = level;
    }

    private sealed class FirstEmotionMap(double weight) : IEmotionMap
    {
        public int Read(Vad point, EmotionTable table, ReadOnlySpan<Vad> offsets, Span<int> indices, Span<double> weights)
        {
            indices[0] = 0;
            weights[0] = weight;
            return 1;
        }

        public void Adapt(Vad point, EmotionTable table, int primary, Span<Vad> offsets)
        {
        }
    }

    private sealed class FixedPhi(double phi) : IIntegrationCalculator
    {
        public double Compute(StateWindow window) => phi;
    }

    private sealed class FixedPrediction(double error) : IPredictionModel
    {
        public int StateLength(int channels) => 0;

        public void Initialize(Span<double> state, ReadOnlySpan<double> levels)
        {
        }

        public PredictionOutcome Observe(Span<double> state, ReadOnlySpan<double> observation) => new(error, 1);
    }

    private sealed class RefusingValues(RequestVerdict verdict) : IValueSystem
    {
        public VetoDecision JudgeIntention(Intention intention, ValueSystem values, SocialMirror mirror) => new(VetoVerdict.Allowed, null, intention.Goal, null);

        public RequestJudgement JudgeRequest(RequestConcerns concerns, ValueSystem values) => new(verdict, CoreValue.Autonomy, concerns);
    }

    private sealed class FixedSerializer(string? text) : IStatePromptSerializer
    {
        public string Serialize(AnimaState state) => text!;
    }

    private sealed class FixedSpeed(double speed) : IPersonalityModel
    {
        public double ChannelGain(Personality personality, ChannelDefinition channel) => 1;

        public double ReturnSpeed(Personality personality) => speed;

        public double SurpriseSensitivity(Personality personality) => 0.5;

        public Vad Temperament(Personality personality) => default;
    }

    private sealed class AlwaysDefense(EgoDefense defense) : IEgoDefense
    {
        public EgoDefense? Choose(in DefenseSituation situation) => defense;
    }

    private sealed class FixedNarrator(string text) : INarrator
    {
        public string Narrate(AnimaState state) => text;
    }

    private sealed class ListMemory(bool returnNull) : IEmotionalMemory
    {
        private readonly List<EmotionalMemory> _memories = [];

        public int Count => _memories.Count;

        public void Add(EmotionalMemory memory) => _memories.Add(memory);

        public IReadOnlyList<RecalledMemory> Recall(ReadOnlySpan<float> cue, Vad mood, DateTimeOffset now, int count) =>
            returnNull ? null! : [.. _memories.Take(count).Select(m => new RecalledMemory(m, 0, 0, 0, 0))];

        public IReadOnlyList<EmotionalMemory> GetAll() => [.. _memories];

        public void Clear() => _memories.Clear();
    }
}
