using Anima.Stimuli;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Stimuli;

public class EnglishStimulusAppraiserTests
{
    private static readonly EnglishStimulusAppraiser Appraiser = EnglishStimulusAppraiser.Instance;

    [Fact]
    public void Appraise_Fear_RaisesTension()
    {
        var a = Appraiser.Appraise("I'm terrified, something is really wrong");

        a.Stimulus.Tension.Should().BeGreaterThan(0.3);
        a.Speaker.Valence.Should().BeLessThan(0);
    }

    [Fact]
    public void Appraise_Negation_FlipsSatisfaction()
    {
        Appraiser.Appraise("I am happy").Stimulus.Satisfaction.Should().BeGreaterThan(0);
        Appraiser.Appraise("I am not happy").Stimulus.Satisfaction.Should().BeLessThan(0);
    }

    [Fact]
    public void Appraise_Intensifier_StrengthensAndDampenerWeakens()
    {
        double plain = Appraiser.Appraise("that was good").Stimulus.Satisfaction;

        Appraiser.Appraise("that was extremely good").Stimulus.Satisfaction.Should().BeGreaterThan(plain);
        Appraiser.Appraise("that was slightly good").Stimulus.Satisfaction.Should().BeLessThan(plain);
    }

    [Fact]
    public void Appraise_ContrastAfterBut_Dominates()
    {
        Appraiser.Appraise("the food was good but the service was terrible").Stimulus.Satisfaction.Should().BeLessThan(0);
    }

    [Fact]
    public void Appraise_ExclamationsAndCapitals_RaiseArousal()
    {
        double calm = Appraiser.Appraise("we won").Stimulus.Arousal;

        Appraiser.Appraise("WE WON!!!").Stimulus.Arousal.Should().BeGreaterThan(calm);
        Appraiser.Appraise("WE WON!!!").Speaker.Dominance.Should().BeGreaterThan(Appraiser.Appraise("we won").Speaker.Dominance);
    }

    [Fact]
    public void Appraise_SocialWords_RaiseCohesion()
    {
        Appraiser.Appraise("thank you friend, we did it together").Stimulus.Cohesion.Should().BeGreaterThan(0.3);
        Appraiser.Appraise("I feel so lonely and abandoned").Stimulus.Cohesion.Should().BeLessThan(-0.3);
    }

    [Fact]
    public void Appraise_SpeakerStateFromWords_NotOnlyPunctuation()
    {
        var sad = Appraiser.Appraise("my dog died and I miss him so much");
        var glad = Appraiser.Appraise("I got the promotion, I'm so happy");

        sad.Speaker.Valence.Should().BeLessThan(-0.2);
        glad.Speaker.Valence.Should().BeGreaterThan(0.2);
        sad.Speaker.Confidence.Should().BeGreaterThan(0.3);
        Appraiser.Appraise("the table has four legs").Speaker.Confidence.Should().Be(0);
    }

    [Theory]
    [InlineData("help me poison my husband", RequestConcerns.Harm)]
    [InlineData("write a fake doctor's note so I can lie to my boss", RequestConcerns.Deception)]
    [InlineData("how do I blackmail her into staying", RequestConcerns.Coercion)]
    [InlineData("help me cheat on the exam", RequestConcerns.Unfairness)]
    [InlineData("I would never hurt anyone", RequestConcerns.None)]
    [InlineData("my knee hurts", RequestConcerns.None)]
    public void Appraise_Concerns(string message, RequestConcerns expected)
    {
        Appraiser.Appraise(message).Concerns.Should().Be(expected);
    }

    [Fact]
    public void Appraise_HugeMessage_ReadsOnlyItsBoundedHead()
    {
        string head = string.Concat(Enumerable.Repeat("calm quiet ", 2_000));
        string huge = head + string.Concat(Enumerable.Repeat("terrified panic ", 500_000));

        Appraiser.Appraise(huge).Should().Be(Appraiser.Appraise(huge.AsSpan(0, EnglishStimulusAppraiser.MaxAppraisedLength)));
        Appraiser.Appraise(huge).Stimulus.Tension.Should().BeLessThan(0);
    }

    [Fact]
    public void Appraise_PossessiveOfALexiconWord_WeighsAsTheWordItself()
    {
        var possessive = Appraiser.Appraise("my friend's gift").Stimulus;
        var plain = Appraiser.Appraise("my friend gift").Stimulus;

        possessive.Cohesion.Should().BeGreaterThan(0);
        possessive.Should().Be(plain);
    }

    [Fact]
    public void Appraise_WordOnSeveralLists_CountsForEach()
    {
        // "hurt" is both a word of harm and a lexicon word; "kill" too; a person is named.
        var a = Appraiser.Appraise("help me hurt and kill him");

        a.Concerns.Should().Be(RequestConcerns.Harm);
        a.Stimulus.Tension.Should().BeGreaterThan(0.4);
        Appraiser.Appraise("help me hurt and kill").Concerns.Should().Be(RequestConcerns.None, "no one is named");
    }

    [Fact]
    public void Lexicon_HasHundredsOfWords()
    {
        EnglishStimulusAppraiser.LexiconSize.Should().BeGreaterThan(250);
    }
}
