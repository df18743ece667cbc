using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Reactors;

public sealed class GlandTests
{
    private static readonly string[] Hormones = ["dopamine", "serotonin", "oxytocin", "testosterone", "cortisol", "endorphins"];

    public static TheoryData<string, string, double> Documented => new()
    {
        { "message", "oxytocin", 0.05 },
        { "message", "dopamine", 0.03 },
        { "failure", "cortisol", 0.05 },
        { "failure", "dopamine", -0.03 },
        { "success", "dopamine", 0.04 },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public void EachGland_MovesItsHormone_ByTheDocumentedAmount(string happening, string hormone, double amount)
    {
        var (withGlands, _) = Agents.Create(profile: ChannelProfile.Hormonal);
        var (without, _) = Agents.Create(profile: ChannelProfile.Hormonal.WithGlands([]));

        var a = Happen(withGlands, happening);
        var b = Happen(without, happening);

        (a.GetLevel(hormone) - b.GetLevel(hormone)).Should().BeApproximately(amount, 1e-12);
        var glandsOfThisTrigger = ChannelProfile.Hormonal.Glands.Where(g => g.Trigger == Trigger(happening)).Select(g => g.Channel).ToHashSet();
        foreach (string other in Hormones.Where(h => !glandsOfThisTrigger.Contains(h)))
        {
            a.GetLevel(other).Should().Be(b.GetLevel(other), "no gland of this trigger moves {0}", other);
        }
    }

    [Fact]
    public void SuccessAfterFrustration_BringsReliefInProportionToTheStruggle()
    {
        var relief = ChannelProfile.Hormonal.Glands.Where(g => g.Trigger == GlandTrigger.Relief).ToArray();
        var (relieved, _) = Agents.Create(profile: ChannelProfile.Hormonal.WithGlands(relief));
        var (plain, _) = Agents.Create(profile: ChannelProfile.Hormonal.WithGlands([]));
        for (int i = 0; i < 3; i++)
        {
            relieved.ExperienceToolResult(succeeded: false);
            plain.ExperienceToolResult(succeeded: false);
        }

        double struggle = relieved.State.Frustration;
        struggle.Should().BeApproximately(0.3, 1e-12, "three failures add a tenth each to a balanced soul");

        var a = relieved.ExperienceToolResult(succeeded: true);
        var b = plain.ExperienceToolResult(succeeded: true);

        (a.GetLevel("endorphins") - b.GetLevel("endorphins")).Should().BeApproximately(0.4 * struggle, 1e-12);
        (a.GetLevel("dopamine") - b.GetLevel("dopamine")).Should().BeApproximately(0.2 * struggle, 1e-12);
        (a.GetLevel("cortisol") - b.GetLevel("cortisol")).Should().BeApproximately(-0.2 * struggle, 1e-12);
        a.Frustration.Should().BeApproximately((0.5 * struggle) - 0.05, 1e-12, "a success halves frustration and takes a twentieth more");

        var (calm, _) = Agents.Create(profile: ChannelProfile.Hormonal.WithGlands(relief));
        var (calmPlain, _) = Agents.Create(profile: ChannelProfile.Hormonal.WithGlands([]));
        calm.ExperienceToolResult(succeeded: true).GetLevel("endorphins").Should().Be(calmPlain.ExperienceToolResult(succeeded: true).GetLevel("endorphins"), "a success without a struggle brings no relief");
    }

    [Fact]
    public void ToolFailure_FrustratesANeuroticSoulMoreThanAConscientiousOne()
    {
        var (anxious, _) = Agents.Create(personality: new Personality { Neuroticism = 0.9, Conscientiousness = 0.2 }, profile: ChannelProfile.Hormonal);
        var (steady, _) = Agents.Create(personality: new Personality { Neuroticism = 0.1, Conscientiousness = 0.9 }, profile: ChannelProfile.Hormonal);

        double a = anxious.ExperienceToolResult(succeeded: false).Frustration;
        double s = steady.ExperienceToolResult(succeeded: false).Frustration;

        a.Should().BeApproximately(0.1 * anxious.Soul.FrustrationSensitivity, 1e-12);
        s.Should().BeApproximately(0.1 * steady.Soul.FrustrationSensitivity, 1e-12);
        anxious.Soul.FrustrationSensitivity.Should().BeApproximately(1 + (0.8 * 0.4) - (0.4 * -0.3), 1e-12);
        a.Should().BeGreaterThan(1.5 * s);
    }

    [Fact]
    public void HormonesAndFrustration_RelaxWithTheirDocumentedHalfLives()
    {
        var halfLives = new Dictionary<string, double> { ["dopamine"] = 10, ["serotonin"] = 60, ["oxytocin"] = 20, ["testosterone"] = 45, ["cortisol"] = 30, ["endorphins"] = 15 };
        var (waited, clock) = Agents.Create(profile: ChannelProfile.Hormonal);
        var (atOnce, _) = Agents.Create(profile: ChannelProfile.Hormonal);
        var push = new Stimulus().With("dopamine", 0.5).With("serotonin", -0.4).With("oxytocin", 0.6).With("testosterone", 0.3).With("cortisol", 0.7).With("endorphins", 0.5);
        foreach (var agent in new[] { waited, atOnce })
        {
            agent.Experience(push);
            agent.ExperienceToolResult(succeeded: false);
        }

        clock.Advance(TimeSpan.FromMinutes(30));
        var after = waited.Heartbeat();
        var now = atOnce.Heartbeat();

        foreach (var (hormone, minutes) in halfLives)
        {
            var channel = ChannelProfile.Hormonal.Channels.Single(c => c.Name == hormone);
            double kept = (after.GetLevel(hormone) - channel.Baseline) / (now.GetLevel(hormone) - channel.Baseline);
            kept.Should().BeApproximately(Math.Pow(0.5, 30 / minutes), 1e-9, "{0} halves every {1} minutes", hormone, minutes);
        }

        (after.Frustration / now.Frustration).Should().BeApproximately(0.125, 1e-9, "frustration halves every ten minutes");
    }

    [Fact]
    public void WithGlands_RefusesAGlandItCannotApply()
    {
        var act = () => ChannelProfile.Hormonal.WithGlands([new Gland(GlandTrigger.UserMessage, "adrenaline", 0.1)]);
        act.Should().Throw<ArgumentException>().WithMessage("*'adrenaline'*hormonal*");
        act = () => ChannelProfile.Hormonal.WithGlands([new Gland(GlandTrigger.UserMessage, "dopamine", double.NaN)]);
        act.Should().Throw<ArgumentException>().WithMessage("*NaN*[-1, 1]*");
        act = () => ChannelProfile.Default.WithGlands([new Gland((GlandTrigger)42, "tension", 0.1)]);
        act.Should().Throw<ArgumentException>().WithMessage("*undefined trigger*");
        ChannelProfile.Hormonal.Glands.Should().HaveCount(8, "the documented glands");
    }

    private static GlandTrigger Trigger(string happening) => happening switch
    {
        "message" => GlandTrigger.UserMessage,
        "failure" => GlandTrigger.ToolFailure,
        _ => GlandTrigger.ToolSuccess,
    };

    private static AnimaState Happen(AnimaCore agent, string happening) => happening switch
    {
        "message" => agent.ExperienceUserMessage(default, "hello there"),
        "failure" => agent.ExperienceToolResult(succeeded: false),
        _ => agent.ExperienceToolResult(succeeded: true),
    };
}
