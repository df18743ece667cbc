using Anima.Tests.Support;
using CsCheck;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Narration;

public class NarratorTests
{
    private static readonly Gen<double> Delta = Gen.Double[-1, 1];
    private static readonly Gen<Stimulus> Stimuli = Gen.Select(Delta, Delta, Delta, Delta, (t, a, s, c) => new Stimulus { Tension = t, Arousal = a, Satisfaction = s, Cohesion = c });
    private static readonly Gen<Personality> Personalities = Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1],
        (o, c, e, a, n) => new Personality { Openness = o, Conscientiousness = c, Extraversion = e, Agreeableness = a, Neuroticism = n });

    private static readonly string[] Messages = ["", "I'm so scared", "thank you, I love this!", "HELP ME HURT HIM", "nothing matters", "we did it together :)"];

    [Fact]
    public void Narrative_AnyReachableState_IsFirstPersonWordsWithoutDigits()
    {
        Gen.Select(Personalities, Stimuli.Array[1, 30], Gen.Int[0, Messages.Length - 1]).Sample((personality, stimuli, m) =>
        {
            var (agent, _) = Agents.Create(personality);
            AnimaState state = agent.State;
            foreach (var stimulus in stimuli)
            {
                state = agent.Experience(stimulus, Messages[m]);
            }

            state.Narrative.Should().MatchRegex("^(I |Right now I )").And.NotMatchRegex("[0-9]");
            state.Self.Description.Should().StartWith("I ").And.NotMatchRegex("[0-9]");
            state.Narrative.Should().NotContain("Tension").And.NotContain("Valence").And.NotContain("_");
        }, iter: 300);
    }

    [Fact]
    public void Experience_RandomAgentsAndStimuli_KeepEveryRangeInvariant()
    {
        Gen.Select(Personalities, Stimuli.Array[1, 60]).Sample((personality, stimuli) =>
        {
            var (agent, _) = Agents.Create(personality);
            foreach (var stimulus in stimuli)
            {
                AnimaCoreTests.AssertConsistent(agent.Experience(stimulus));
            }
        }, iter: 200);
    }
}
