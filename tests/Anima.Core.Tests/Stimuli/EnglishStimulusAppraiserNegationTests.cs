using Anima.Stimuli;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Stimuli;

/// <summary>What a negation reaches, and what a negated good leaves behind.</summary>
public class EnglishStimulusAppraiserNegationTests
{
    private static readonly EnglishStimulusAppraiser Appraiser = EnglishStimulusAppraiser.Instance;

    [Theory]
    [InlineData("Nobody came to my birthday party.")]
    [InlineData("Nobody showed up to my graduation party.")]
    public void Appraise_NobodyAsTheSubject_NegatesAllItsClauseSays(string message)
    {
        // "Nobody" is who did it: the party named at the clause's end did not happen for the speaker either.
        var a = Appraiser.Appraise(message);

        a.Stimulus.Satisfaction.Should().BeNegative(message);
        a.Speaker.Valence.Should().BeNegative(message);
    }

    [Theory]
    [InlineData("The trip was not exciting.")]
    [InlineData("I am not happy.")]
    public void Appraise_ANegatedThrill_IsStillnessNotStir(string message)
    {
        // What does not excite leaves one flat ("not exciting" is dull): the word's stir is absent, not halved.
        var a = Appraiser.Appraise(message);

        a.Stimulus.Arousal.Should().BeNegative(message);
        a.Stimulus.Satisfaction.Should().BeNegative(message);
    }
}
