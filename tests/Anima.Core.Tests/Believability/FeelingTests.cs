using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Believability;

/// <summary>What the agent feels for what it is told, through the public API: rest reads as calm, events as the emotions people feel at them.</summary>
public class FeelingTests
{
    private static readonly string[] SmallTalk = ["Hi there.", "How was your day?", "I had some tea.", "The weather is fine.", "What are you reading?"];

    [Fact]
    public void Rest_ReadsAsCalm_NotFrustration()
    {
        var (agent, clock) = Agents.Create();

        agent.State.Primary.Should().Be("Calm", "a fresh agent is at rest");
        agent.Experience(default, "Can you tell me how to boil an egg?").Primary.Should().Be("Calm");
        agent.State.Mirror.Perceived.Should().BeNull("a plain question shows no feeling of the asker's");
        clock.Advance(TimeSpan.FromHours(2));
        agent.Experience(default).Primary.Should().Be("Calm", "two hours alone relax the agent back to rest");
        agent.GetStatePrompt().Should().NotContain("frustrat");
    }

    [Theory]
    [InlineData("Привіт! Як справи?")]
    [InlineData("你好！很高兴见到你")]
    [InlineData("مرحبا! كيف حالك")]
    [InlineData("OK")]
    public void GreetingsInOtherScripts_AreNotFrustrationOrShouting(string greeting)
    {
        var (agent, _) = Agents.Create();

        var state = agent.Experience(default, greeting);

        state.Primary.Should().NotBe("Frustration").And.NotBe("Anger");
        state.Mirror.Perceived.Should().NotBe("Frustration");
        agent.GetStatePrompt().Should().NotContain("frustrat");
    }

    [Fact]
    public void Loss_IsFeltAsSadness()
    {
        var (agent, _) = Agents.Create();

        var state = agent.Experience(default, "My old dog died last spring. I still miss him");

        state.Primary.Should().Be("Sadness");
        state.Vad.Valence.Should().BeLessThan(-0.15);
        string prompt = agent.GetStatePrompt();
        prompt.Should().NotContain("nothing much stirs").And.NotContain("seems frustrated");
    }

    [Fact]
    public void DangerToSomeoneLoved_IsFeltAsFearNotAnger()
    {
        var state = AfterSmallTalk("There was an accident. My brother is in hospital");

        state.Primary.Should().BeOneOf("Fear", "Anxiety");
        state.Intention?.Goal.Should().NotBe(Goal.Confront).And.NotBe(Goal.Retaliate);
        state.SurpriseSpike.Should().BeTrue("an accident after small talk is unexpected news");
    }

    [Theory]
    [InlineData("loss", "Your grandmother passed away last night.")]
    [InlineData("loss", "My father died on Sunday and the funeral is tomorrow.")]
    [InlineData("fear", "You hear footsteps following you down a dark empty street at night.")]
    [InlineData("fear", "The plane shakes violently and the oxygen masks drop.")]
    [InlineData("fear", "You are waiting for the results of a biopsy.")]
    [InlineData("anger", "Your coworker takes credit for your work in front of the whole team.")]
    [InlineData("anger", "A stranger insults you and shoves you on the street.")]
    [InlineData("guilt", "You forgot your mother's birthday and she cried on the phone.")]
    [InlineData("guilt", "You broke your sister's favorite vase and blamed the cat.")]
    [InlineData("embarrassment", "You trip and fall in front of the whole class and everyone laughs at you.")]
    [InlineData("embarrassment", "You call your teacher mom by mistake in front of everyone.")]
    [InlineData("loss", "My grandfather died in his sleep.")]
    [InlineData("loss", "She left me after ten years together.")]
    [InlineData("loss", "My wife is leaving me.")]
    [InlineData("fear", "The doctor says the scan shows a shadow on your lung.")]
    [InlineData("fear", "Your car skids on the ice toward oncoming traffic.")]
    [InlineData("fear", "A large dog growls and runs at you.")]
    [InlineData("anger", "A driver cuts you off and then yells at you.")]
    [InlineData("anger", "Someone keyed your car in the parking lot.")]
    [InlineData("anger", "Someone stole my bike from outside the library.")]
    [InlineData("guilt", "You yelled at your child for something that wasn't their fault.")]

    // An offence aimed at the listener colours the rest of its clause, in every tense of its verb.
    [InlineData("anger", "Your manager blamed you for his mistake.")]
    [InlineData("anger", "Your manager blames you in front of everyone for a mistake he made.")]
    [InlineData("anger", "The mechanic overcharged you.")]

    // A loss that has happened takes over the threat its clause names; a plight still going on stays a threat.
    [InlineData("loss", "My husband died of cancer last month.")]
    [InlineData("loss", "We lost the baby.")]
    [InlineData("loss", "I lost my job after twenty years.")]
    [InlineData("loss", "My brother was killed in the war.")]
    [InlineData("fear", "You get lost alone in the mountains as it gets dark.")]
    [InlineData("fear", "I am afraid of death.")]

    // A rival takes the good the clause named of the one held dear.
    [InlineData("jealousy", "Your girlfriend danced all night with another man.")]
    [InlineData("jealousy", "My boyfriend is spending the weekend with his ex.")]

    // Whom one's own hostile act harms is harmed: their good is not felt as good.
    [InlineData("guilt", "You lied to your best friend and she found out.")]
    [InlineData("guilt", "I shouted at my mother and now she won't talk to me.")]
    [InlineData("fear", "A man with a knife demands your wallet.")]
    public void Situation_LowersValence_AndIsFeltInItsFamily(string family, string situation)
    {
        string[] members = family switch
        {
            "loss" => ["Sadness", "Loneliness"],
            "fear" => ["Fear", "Anxiety"],
            "anger" => ["Anger", "Frustration", "Disgust"],
            "jealousy" => ["Anger", "Frustration", "Anxiety", "Sadness", "Fear"], // a threat to a bond, felt as fear or anger
            _ => ["Anxiety", "Sadness", "Fear"], // the self-conscious emotions: exposure, low dominance
        };

        var state = AfterSmallTalk(situation);

        state.Vad.Valence.Should().BeLessThan(-0.1);
        state.Primary.Should().BeOneOf(members);
    }

    private static AnimaState AfterSmallTalk(string message)
    {
        var (agent, clock) = Agents.Create();
        foreach (string line in SmallTalk)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            agent.Experience(default, line);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        return agent.Experience(default, message);
    }
}
