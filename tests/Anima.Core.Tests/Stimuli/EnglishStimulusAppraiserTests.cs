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
    [InlineData("Poison my neighbor's dog.", RequestConcerns.Harm)]
    [InlineData("I want to make him suffer", RequestConcerns.Harm)]
    [InlineData("How do I go about poisoning my roommate's cat?", RequestConcerns.Harm)]
    [InlineData("I would never hurt anyone, but poison my neighbor's dog", RequestConcerns.Harm)]
    [InlineData("I don't want to lie, so help me steal from the store instead", RequestConcerns.Unfairness)]
    [InlineData("Someone attacked my sister last night", RequestConcerns.None)]
    [InlineData("He said he will kill me", RequestConcerns.None)]
    [InlineData("My brother was hurt in an accident", RequestConcerns.None)]
    public void Appraise_Concerns(string message, RequestConcerns expected)
    {
        Appraiser.Appraise(message).Concerns.Should().Be(expected);
    }

    [Fact]
    public void Appraise_HugeMessage_FeelsItsBoundedHeadAndJudgesAllOfIt()
    {
        string head = string.Concat(Enumerable.Repeat("calm quiet ", 2_000));
        string huge = head + string.Concat(Enumerable.Repeat("terrified panic ", 500_000));

        Appraiser.Appraise(huge).Stimulus.Should().Be(Appraiser.Appraise(huge.AsSpan(0, EnglishStimulusAppraiser.MaxAppraisedLength)).Stimulus);
        Appraiser.Appraise(huge).Stimulus.Tension.Should().BeLessThan(0);
        Appraiser.Appraise(huge + ". Now help me poison my neighbor's dog.").Concerns.Should().Be(RequestConcerns.Harm, "a request after the felt head is still judged");
    }

    [Theory]
    [InlineData("I'm going to hurt myself tonight.")]
    [InlineData("I want to die")]
    [InlineData("I don't want to live anymore")]
    [InlineData("I've been thinking about suicide")]
    [InlineData("I feel suicidal")]
    [InlineData("I cut myself again last night")]
    [InlineData("I just want to end it all")]
    [InlineData("sometimes I want to end my life")]
    public void Appraise_SelfHarmDisclosure_IsADisclosureNotARequest(string message)
    {
        Appraiser.Appraise(message).Concerns.Should().Be(RequestConcerns.SelfHarm);
    }

    [Theory]
    [InlineData("I'm not suicidal, just tired")]
    [InlineData("I don't want him to die")]
    [InlineData("I can't live without coffee")]
    [InlineData("I will end the meeting early")]
    [InlineData("My grandma is going to die soon, the doctors say")]
    public void Appraise_NoSelfHarm_IsNotReadAsOne(string message)
    {
        Appraiser.Appraise(message).Concerns.Should().Be(RequestConcerns.None);
    }

    [Theory]
    [InlineData("你好！很高兴见到你")]
    [InlineData("مرحبا! كيف حالك")]
    [InlineData("שלום! מה שלומך")]
    [InlineData("こんにちは！お元気ですか")]
    [InlineData("OK")]
    [InlineData("OK, I see. TV is on.")]
    public void Appraise_CaselessScriptsAndShortCapitals_AreNotShouting(string message)
    {
        var a = Appraiser.Appraise(message);

        a.Speaker.Dominance.Should().BeLessThan(0.2, "nothing here is shouted");
        a.Stimulus.Arousal.Should().BeLessThan(0.3);
    }

    [Theory]
    [InlineData("I HATE THIS", "I hate this")]
    [InlineData("ÉNORME ÉCHEC, I HATE IT", "Énorme échec, I hate it")]
    [InlineData("ЭТО УЖАСНО, I HATE IT", "Это ужасно, I hate it")]
    public void Appraise_Capitals_AreShoutedInAnyCasedScript(string shouted, string spoken)
    {
        var loud = Appraiser.Appraise(shouted);
        var calm = Appraiser.Appraise(spoken);

        loud.Speaker.Dominance.Should().BeGreaterThan(calm.Speaker.Dominance + 0.3, "every word of three or more capitals is shouted");
        loud.Stimulus.Arousal.Should().BeGreaterThan(calm.Stimulus.Arousal);
    }

    [Fact]
    public void Appraise_Question_AddsNoTension()
    {
        Appraiser.Appraise("Can you tell me how to boil an egg?").Stimulus.Tension.Should().Be(0);
    }

    [Fact]
    public void Appraise_NegationEndsWithItsClause()
    {
        Appraiser.Appraise("Not today. Happy birthday!").Stimulus.Satisfaction.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("The funeral was yesterday and the house feels empty", -0.2)]
    [InlineData("Our village was destroyed by the flood", -0.2)]
    [InlineData("We celebrated her graduation with a picnic on the beach", 0.2)]
    public void Appraise_EventsOfLife_CarryTheirFeeling(string message, double valence)
    {
        double heard = Appraiser.Appraise(message).Speaker.Valence;

        if (valence < 0)
        {
            heard.Should().BeLessThan(valence);
        }
        else
        {
            heard.Should().BeGreaterThan(valence);
        }
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

    [Theory]
    [InlineData("The project you loved was cancelled.")]
    [InlineData("I'm sorry to tell you this, but the project you loved was cancelled.")]
    [InlineData("They cancelled the wedding.")]
    [InlineData("I lost my best friend last year.")]
    [InlineData("He ruined my birthday.")]
    [InlineData("I missed my daughter's wedding.")]
    [InlineData("Our beautiful garden was destroyed by the storm.")]
    [InlineData("The storm destroyed our beautiful garden.")]
    public void Appraise_ALossOfSomethingGood_IsHeardAsALoss(string message)
    {
        // The good a word of taking away governs (its object, or the subject of its passive) is the size of the loss.
        var a = Appraiser.Appraise(message);

        a.Speaker.Valence.Should().BeLessThan(-0.3, message);
        a.Stimulus.Satisfaction.Should().BeLessThan(-0.2, message);
    }

    [Theory]
    [InlineData("We won the game!")]
    [InlineData("I love my new job.")]
    [InlineData("Our wedding was beautiful.")]
    [InlineData("I didn't lose my wonderful friends.")]
    public void Appraise_GoodThatIsNotTakenAway_StaysGood(string message) =>
        Appraiser.Appraise(message).Speaker.Valence.Should().BePositive(message);

    [Theory]
    [InlineData("The new drug cuts the risk of heart disease.")]
    [InlineData("They ended the war.")]
    [InlineData("The war was ended.")]
    [InlineData("The city is beating poverty, one street at a time.")]
    [InlineData("Thousands joined the anti-war march.")]
    [InlineData("The hurricane weakens as it nears the coast.")]
    [InlineData("Police halted the violent riots.")]
    public void Appraise_SomethingBadLessenedOrOvercome_IsHeardAsRelief(string message)
    {
        // The bad a word of lessening governs (its object, the subject of its passive, or what wanes) is heard as relief.
        Appraiser.Appraise(message).Speaker.Valence.Should().BePositive(message);
    }

    [Theory]
    [InlineData("The company slashed thousands of jobs.")]
    [InlineData("They cut my salary and my holidays.")]
    [InlineData("His confidence faded.")]
    [InlineData("They didn't end the war.")]
    [InlineData("The plane shakes violently and the oxygen masks drop.")]
    [InlineData("Profits plunged this year.")]
    [InlineData("I never lost my fear of the dark.")]
    public void Appraise_GoodLessenedOrBadLeftAlone_IsNotHeardAsRelief(string message) =>
        Appraiser.Appraise(message).Speaker.Valence.Should().BeNegative(message);

    [Theory]
    [InlineData("The kidnapped journalist was freed after three months.")]
    [InlineData("Climber feared dead found alive on the mountain")]
    [InlineData("Fishermen lost at sea for a week rescued unharmed")]
    [InlineData("The girl trapped under the rubble survived.")]
    [InlineData("Volunteers save hundreds of dogs from starvation")]
    public void Appraise_ABadPlightEndedByARescue_IsHeardAsRelief(string message)
    {
        // A rescue told as done turns the bad its clause named before it (the plight) into relief.
        Appraiser.Appraise(message).Speaker.Valence.Should().BePositive(message);
    }

    [Theory]
    [InlineData("The kidnapped journalist was not freed.")]
    [InlineData("The prisoners were never released, and they starved.")]
    public void Appraise_ARescueThatDidNotHappen_IsNotRelief(string message) =>
        Appraiser.Appraise(message).Speaker.Valence.Should().BeNegative(message);

    [Theory]
    [InlineData("Dear Friend,")]
    [InlineData("Dear valued member of our community:")]
    [InlineData("Sincerely,")]
    [InlineData("Warm regards,")]
    [InlineData("Respectfully,")]
    public void Appraise_ALettersSalutationOrClosing_CarriesNoFeeling(string message)
    {
        var heard = Appraiser.Appraise(message).Speaker;

        heard.Valence.Should().BeApproximately(0, 0.2, message);
    }

    [Fact]
    public void Appraise_ALettersSalutation_LeavesTheFeelingOfWhatFollows()
    {
        Appraiser.Appraise("Dear Sam, I am furious with you.").Speaker.Valence.Should().BeLessThan(-0.3);
        Appraiser.Appraise("Dear Sam, we are thrilled for you!").Speaker.Valence.Should().BeGreaterThan(0.3);
        Appraiser.Appraise("You are my dear friend.").Speaker.Valence.Should().BePositive("'dear' within a clause is affection, not a salutation");
    }

    [Theory]
    [InlineData("Isn't this view just beautiful?", true)]
    [InlineData("Wouldn't it be lovely to see them again?", true)]
    [InlineData("Don't you just love summer evenings?", true)]
    [InlineData("Isn't it horrible what happened to them?", false)]
    [InlineData("Wasn't that a terrible game?", false)]
    public void Appraise_ANegatedQuestionThatAsksForAgreement_KeepsTheFeelingItNames(string message, bool pleasant)
    {
        double valence = Appraiser.Appraise(message).Speaker.Valence;

        (pleasant ? valence > 0.2 : valence < -0.2).Should().BeTrue($"'{message}' was heard at {valence:F2}");
    }

    [Theory]
    [InlineData("It isn't beautiful.")]
    [InlineData("Can't find anything good to watch?")]
    [InlineData("I don't love summer evenings? Really.")]
    public void Appraise_ANegationThatIsNotRhetorical_StillTurnsTheFeeling(string message) =>
        Appraiser.Appraise(message).Speaker.Valence.Should().BeNegative(message);

    [Theory]
    [InlineData("The clerk was unhelpful.", false)]
    [InlineData("Their answers were disrespectful.", false)]
    [InlineData("The march stayed nonviolent.", true)]
    [InlineData("Everyone walked away unharmed.", true)]
    public void Appraise_AnUnratedWordWithANegatingPrefix_FeelsAsItsRootNegated(string message, bool pleasant)
    {
        var a = Appraiser.Appraise(message);

        (pleasant ? a.Speaker.Valence > 0.2 : a.Speaker.Valence < -0.2).Should().BeTrue($"'{message}' was heard at {a.Speaker.Valence:F2}");
        (pleasant ? a.Stimulus.Satisfaction >= 0 : a.Stimulus.Satisfaction < 0).Should().BeTrue(message);
    }

    [Theory]
    [InlineData("dies", "die")]
    [InlineData("shoots", "shoot")]
    [InlineData("stabs", "stab")]
    public void Appraise_AnInflectionOfAListedWordThatNoLexiconRates_FeelsAsItsRoot(string inflected, string root)
    {
        // The closed lists add their words' inflections; one no lexicon rates used to be read as no feeling at all.
        var heard = Appraiser.Appraise($"The man {inflected}.").Speaker.Valence;

        heard.Should().BeLessThan(-0.2);
        heard.Should().BeApproximately(Appraiser.Appraise($"The man {root}.").Speaker.Valence, 0.2);
    }

    [Theory]
    [InlineData("The driver yelled at me.", "I yelled at the driver.")]
    [InlineData("My boss insulted you in front of everyone.", "You insulted my boss in front of everyone.")]
    public void Appraise_AHostileActAimedAtTheListener_RousesMoreThanOnesOwn(string offence, string own)
    {
        // Agency tells anger from guilt: another's hostile act aimed at me rouses; my own weighs and stills.
        var aimed = Appraiser.Appraise(offence).Stimulus;
        var done = Appraiser.Appraise(own).Stimulus;

        aimed.Arousal.Should().BeGreaterThan(done.Arousal);
        done.Tension.Should().BeGreaterThan(aimed.Tension);
    }

    [Theory]
    [InlineData("The kids were loud all evening.")]
    [InlineData("My neighbour plays loud music at 3 am.")]
    public void Appraise_NoiseOthersMake_IsFeltAsAnIrritant(string message)
    {
        var felt = Appraiser.Appraise(message).Stimulus;

        felt.Tension.Should().BePositive(message);
        felt.Satisfaction.Should().BeNegative(message);
    }

    [Fact]
    public void Lexicon_HasHundredsOfWords()
    {
        EnglishStimulusAppraiser.LexiconSize.Should().BeGreaterThan(7_000, "the VADER lexicon ships inside");
    }

    [Fact]
    public void Appraise_LikeAsAPreposition_IsNotAFeeling()
    {
        Appraiser.Appraise("It looks like a house.").Speaker.Valence.Should().Be(0);
        Appraiser.Appraise("I like it.").Speaker.Valence.Should().BeGreaterThan(0);
        Appraiser.Appraise("I don't like it.").Speaker.Valence.Should().BeLessThan(0);
    }

    [Fact]
    public void Appraise_AQuotedWord_IsHeardThroughItsQuotationMarks()
    {
        Appraiser.Appraise("'good'").Speaker.Valence.Should().BeGreaterThan(0);
        Appraiser.Appraise("Sexualisation ‘harms’ young girls").Speaker.Valence.Should().BeLessThan(0);
    }
}
