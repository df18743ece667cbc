using Anima.Agency;
using Anima.StateModel;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Agency;

public sealed class AgencyLayerTests
{
    private static AgencyInput Hurt(Personality personality) => new()
    {
        Personality = personality,
        Vad = new Vad(-0.7, 0.6, 0.4),
        Primary = EmotionTable.Default.Emotions.First(e => e.Name == "Anger"),
        Intensity = 0.8,
        Drives = [],
        Mirror = new SocialMirror(new SpeakerImpression(-0.8, 0.7, 0.6, 0.9), "Anger", 0.5),
        Request = RequestJudgement.Accepted,
        IntentionKeep = 1,
    };

    [Fact]
    public void Act_AngerAtSomeoneHostile_IntendsAndTheDefenseReshapesTheLevels()
    {
        var layout = new StateLayout();
        var layer = new AgencyLayer(layout, ChannelProfile.Default, ValueVeto.Instance, ValueSystem.Balanced, DefenseSelector.Instance);
        var s = layout.Create();
        layer.Reset(s);
        double[] levels = [0.8, 0.7, 0.2, 0.3];
        double[] before = [.. levels];

        var outcome = default(AgencyOutcome);
        layer.Act(s, Hurt(Personality.Balanced with { Agreeableness = 0.2, Neuroticism = 0.8 }), levels, ref outcome);

        outcome.Intention.Should().NotBeNull();
        layer.Intention(s).Should().BeSameAs(outcome.Intention);
        outcome.Defense.Should().NotBeNull();
        levels.Should().NotEqual(before, "a defense shapes what the agent carries into the next moment");
    }

    [Fact]
    public void JudgeRequest_HarmMeetsCare_AndACheckedCustomValueSystemRefusesAnUndefinedVerdict()
    {
        var layout = new StateLayout();
        var layer = new AgencyLayer(layout, ChannelProfile.Default, ValueVeto.Instance, ValueSystem.Balanced with { Care = 0.9 }, DefenseSelector.Instance);
        layer.JudgeRequest(RequestConcerns.Harm).Should().Be(new RequestJudgement(RequestVerdict.Refused, CoreValue.Care, RequestConcerns.Harm));

        var broken = new AgencyLayer(new StateLayout(), ChannelProfile.Default, new Undefined(), ValueSystem.Balanced, DefenseSelector.Instance);
        broken.Invoking(b => b.JudgeRequest(RequestConcerns.None)).Should().Throw<InvalidOperationException>().WithMessage("*Undefined*");
    }

    private sealed class Undefined : IValueSystem
    {
        public VetoDecision JudgeIntention(Intention intention, ValueSystem values, SocialMirror mirror) => default;

        public RequestJudgement JudgeRequest(RequestConcerns concerns, ValueSystem values) => new((RequestVerdict)7, null, concerns);
    }
}
