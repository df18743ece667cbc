using Anima.Stimuli;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Stimuli;

/// <summary>What the appraiser hears of the speaker, where it differs from what the listener feels.</summary>
public class EnglishStimulusAppraiserSpeakerTests
{
    private static readonly EnglishStimulusAppraiser Appraiser = EnglishStimulusAppraiser.Instance;

    [Theory]
    [InlineData("Was the party fun?", "The party was fun.")]
    [InlineData("Is the food good?", "The food is good.")]
    [InlineData("Did they hate the plan?", "They hated the plan.")]
    public void Appraise_AQuestion_IsHeardLessSurelyThanTheStatementItAsksAbout(string question, string statement)
    {
        // A question asks about what it names: the speaker has not said it is so.
        double asked = Appraiser.Appraise(question).Speaker.Valence;
        double said = Appraiser.Appraise(statement).Speaker.Valence;

        Math.Sign(asked).Should().Be(Math.Sign(said), "a question keeps the lean of what it names");
        Math.Abs(asked).Should().BeLessThan(0.8 * Math.Abs(said), $"'{question}' was heard at {asked:F2} and '{statement}' at {said:F2}");
    }

    [Theory]
    [InlineData("The war was ended.")]
    [InlineData("The new drug cuts the risk of cancer.")]
    public void Appraise_ABadThingOvercome_IsHeardAsTheBadGoneRatherThanAsJoy(string message)
    {
        // The listener feels relief in full; the speaker mostly reports that the bad is gone (EmoBank raters heard it so).
        var a = Appraiser.Appraise(message);
        double joy = Appraiser.Appraise("The party was fun.").Speaker.Valence;

        a.Stimulus.Satisfaction.Should().BePositive(message);
        a.Speaker.Valence.Should().BeGreaterThanOrEqualTo(0, message);
        a.Speaker.Valence.Should().BeLessThan(0.5 * joy, $"'{message}' was heard at {a.Speaker.Valence:F2}");
    }

    [Theory]
    [InlineData("My husband died after forty happy years together.", "My husband died.")]
    [InlineData("She left me after ten years together.", "She left me.")]
    public void Appraise_TheGoodALossGoesOnToName_IsWhatWasLost(string told, string bare)
    {
        // "after forty happy years together" is the size of the loss, not a comfort beside it.
        var full = Appraiser.Appraise(told);

        full.Speaker.Valence.Should().BeLessThan(-0.3, told);
        full.Stimulus.Satisfaction.Should().BeLessThan(Appraiser.Appraise(bare).Stimulus.Satisfaction, told);
    }
}
