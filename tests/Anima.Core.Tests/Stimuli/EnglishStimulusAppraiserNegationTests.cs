using Anima.Stimuli;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Stimuli;

/// <summary>What a negation reaches, and what a negated good leaves behind.</summary>
public class EnglishStimulusAppraiserNegationTests
{
    private static readonly EnglishStimulusAppraiser Appraiser = EnglishStimulusAppraiser.Instance;

    [Theory]
    [InlineData("Nobody came to my birthday party.")] // "nobody" is who did it: the party at the clause's end did not happen
    [InlineData("Nobody showed up to my graduation party.")]
    [InlineData("Your brother borrowed your car without asking and crashed it.")] // "and" begins the next thing said
    [InlineData("He never apologized and hurt me again.")]
    [InlineData("She didn't answer and cried.")]
    public void Appraise_ANegation_ReachesWhatItsClauseSaysAndNoFurther(string message)
    {
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
