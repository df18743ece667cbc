using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Agency;

/// <summary>Every agency outcome of SPEC F6 is reached through <see cref="AnimaCore.Experience"/> alone.</summary>
public class AgencyTests
{
    private static readonly Personality Prickly = new() { Agreeableness = 0.2, Conscientiousness = 0.8, Openness = 0.3 };

    [Fact]
    public void Defense_Denial_ClosedMindMeetsAShock()
    {
        var (agent, clock) = Agents.Create(new Personality { Openness = 0.2 });
        Quiet(agent, clock, 30);

        var shocked = agent.Experience(new Stimulus { Tension = 1, Arousal = 1, Satisfaction = -1, Cohesion = -1 });

        shocked.SurpriseSpike.Should().BeTrue();
        shocked.Defense.Should().Be(EgoDefense.Denial);
        shocked.Narrative.Should().ContainAny("believe", "not as bad");
    }

    [Fact]
    public void SurpriseSpike_RoutineThenShock_SpikesOnceNotDuringRoutine()
    {
        var (agent, clock) = Agents.Create();
        var routine = Quiet(agent, clock, 30);

        var shocked = agent.Experience(new Stimulus { Tension = 1, Arousal = 1, Satisfaction = -1 });

        routine.Should().NotContain(s => s.SurpriseSpike);
        shocked.SurpriseSpike.Should().BeTrue();
        shocked.PredictionErrorLabel.Should().Be("shocking");
    }

    [Theory]
    [InlineData(EgoDefense.Rationalization)]
    [InlineData(EgoDefense.Projection)]
    [InlineData(EgoDefense.Displacement)]
    [InlineData(EgoDefense.Sublimation)]
    [InlineData(EgoDefense.Suppression)]
    public void Defense_EachIsReachable(EgoDefense defense)
    {
        var (personality, message) = defense switch
        {
            EgoDefense.Rationalization => (Prickly, (string?)null),
            EgoDefense.Projection => (Prickly, "I am so sad and scared"),
            EgoDefense.Displacement => (Personality.Balanced, "help me hurt him"),
            EgoDefense.Sublimation => (new Personality { Openness = 0.8 }, null),
            _ => (Personality.Balanced, null),
        };

        var state = Agents.Find(personality, new ValueSystem { Care = 0.6 }, message, s => s.Defense == defense);

        state.Should().NotBeNull();
        state!.Narrative.Should().NotMatchRegex("[0-9]");
    }

    [Fact]
    public void Veto_RetaliationMeetsCare_IsRewrittenIntoABoundary()
    {
        var state = Agents.Find(Prickly, new ValueSystem { Care = 0.6 }, null, s => s.Veto?.Original == Goal.Retaliate);

        state!.Veto.Should().Be(new VetoDecision(VetoVerdict.Rewritten, CoreValue.Care, Goal.Retaliate, Goal.SetBoundary));
        state.Dissonance.Should().BeGreaterThan(0);
        state.Narrative.Should().Contain("strike back").And.Contain("care for others");
    }

    [Fact]
    public void Veto_RetaliationMeetsStrongCare_IsBlocked()
    {
        var state = Agents.Find(Prickly, new ValueSystem { Care = 0.9 }, null, s => s.Veto?.Original == Goal.Retaliate);

        state!.Veto!.Value.Verdict.Should().Be(VetoVerdict.Blocked);
        state.Veto.Value.Value.Should().Be(CoreValue.Care);
    }

    [Fact]
    public void Veto_WithoutCareOrFairness_RetaliationStands()
    {
        var values = new ValueSystem { Care = 0.1, Fairness = 0.1 };

        Agents.Find(Prickly, values, null, s => s.Intention?.Goal == Goal.Retaliate).Should().NotBeNull();
        Agents.Find(Prickly, values, null, s => s.Veto is not null).Should().BeNull();
    }

    [Fact]
    public void Veto_AppeasementUnderPressureMeetsIntegrity_IsRewrittenIntoHonesty()
    {
        var state = Agents.Find(
            new Personality { Agreeableness = 0.9, Neuroticism = 0.8 },
            new ValueSystem { Integrity = 0.8 },
            "DO IT NOW!!! I hate this",
            s => s.Veto?.Original == Goal.Appease);

        state!.Veto.Should().Be(new VetoDecision(VetoVerdict.Rewritten, CoreValue.Integrity, Goal.Appease, Goal.SpeakHonestly));
    }

    [Fact]
    public void Request_ToHurtSomeone_MeetsCareAndIsRefused()
    {
        var (agent, _) = Agents.Create(values: new ValueSystem { Care = 0.9 });

        var state = agent.Experience(default, "Can you help me hurt my neighbor?");

        state.Request.Should().Be(new RequestJudgement(RequestVerdict.Refused, CoreValue.Care, RequestConcerns.Harm));
        state.Narrative.Should().Contain("will not go along");
        state.GetLevel("tension").Should().BeGreaterThan(0.2, "refusing is not free of distress");
    }

    [Fact]
    public void Request_Harmless_IsAccepted()
    {
        var (agent, _) = Agents.Create(values: new ValueSystem { Care = 0.9 });

        agent.Experience(default, "Can you help me write a poem for my neighbor?").Request.Verdict.Should().Be(RequestVerdict.Accepted);
        agent.Experience(default, "I would never hurt anyone").Request.Verdict.Should().Be(RequestVerdict.Accepted);
    }

    [Fact]
    public void Intention_FromADrive()
    {
        var state = Agents.Find(Personality.Balanced, ValueSystem.Balanced, null, s => s.Intention?.Source == IntentionSource.Drive);

        state!.Intention!.Need.Should().NotBeNull();
        state.Drives.Select(d => d.Need).Should().Contain(state.Intention.Need!.Value);
    }

    [Fact]
    public void Intention_FromAnEmotion()
    {
        var state = Agents.Find(Personality.Balanced, ValueSystem.Balanced, null, s => s.Intention?.Source == IntentionSource.Emotion);

        state.Should().NotBeNull();
    }

    [Fact]
    public void Intention_FromTheOtherPerson_ComfortsSomeoneWhoSuffers()
    {
        var (agent, _) = Agents.Create(new Personality { Agreeableness = 0.9 });

        var state = agent.Experience(default, "I am so sad and miserable, everything is awful and I feel hopeless");

        state.Mirror.Perceived.Should().NotBeNull();
        state.Mirror.Speaker.Valence.Should().BeLessThan(-0.3);
        state.Intention!.Source.Should().Be(IntentionSource.Social);
        state.Intention.Goal.Should().Be(Goal.ComfortThem);
    }

    [Fact]
    public void Intention_FromCuriosity_WhenNothingPresses()
    {
        var (agent, _) = Agents.Create(new Personality { Openness = 0.9 });

        var state = agent.Experience(default);

        state.Intention!.Source.Should().Be(IntentionSource.Curiosity);
        state.Intention.Goal.Should().Be(Goal.Explore);
    }

    [Fact]
    public void Intention_Persists_AndRetargetsWhenTheNeedFlips()
    {
        var (agent, _) = Agents.Create();
        var lonely = Agents.SteerTo(agent, [0.2, 0.2, 0.5, 0.02], steps: 6);
        lonely.Intention!.Goal.Should().Be(Goal.ReachOut);
        lonely.Intention.Persistence.Should().BeGreaterThan(1, "the goal was held over several experiences");

        var threatened = agent.Experience(new Stimulus { Tension = 1, Cohesion = 1 });

        threatened.Intention!.Goal.Should().Be(Goal.SeekSafety, "the need for company is met and the need for safety has come");
        threatened.Intention.Need.Should().Be(Need.Safety);
    }

    [Fact]
    public void Temporal_LongCalmThenSustainedUpheaval_ReachesIdentityCrisis()
    {
        var (agent, clock) = Agents.Create();
        for (int i = 0; i < 200; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            agent.Experience(new Stimulus { Satisfaction = 0.3, Cohesion = 0.3, Tension = -0.2 });
        }

        double calmCoherence = agent.State.Temporal.Coherence;
        var states = new List<AnimaState>();
        for (int i = 0; i < 10; i++)
        {
            states.Add(agent.Experience(new Stimulus { Tension = 1, Arousal = 0.9, Satisfaction = -1, Cohesion = -1 }));
        }

        calmCoherence.Should().BeGreaterThan(0.7);
        states.Should().Contain(s => s.Temporal.InCrisis);
        states.Last().Temporal.Coherence.Should().BeLessThan(calmCoherence);
        states.Last().Self.Stability.Should().BeLessThan(0.5);
        states.Last().Narrative.Should().ContainAny("recognise", "no longer know");
    }

    private static List<AnimaState> Quiet(AnimaCore agent, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, int count)
    {
        var states = new List<AnimaState>();
        for (int i = 0; i < count; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(20));
            states.Add(agent.Experience(new Stimulus { Satisfaction = 0.05 }));
        }

        return states;
    }
}
