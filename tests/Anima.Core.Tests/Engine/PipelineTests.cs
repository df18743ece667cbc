using Anima.Agency;
using Anima.Character;
using Anima.Emotions;
using Anima.Engine;
using Anima.Metrics;
using Anima.Narration;
using Anima.Reactors;
using Anima.StateModel;
using Anima.Stimuli;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Engine;

public sealed class PipelineTests
{
    private static Pipeline Build(FakeTimeProvider clock) => new(new EngineSetup(
        ChannelProfile.Default, EmotionTable.Default, Personality.Balanced, ValueSystem.Balanced, clock, 3,
        HalfLifeReactor.Instance, AdaptiveEmotionMap.Instance, GaussianIntegrationCalculator.Instance, GaussianPredictionModel.Instance,
        ValueVeto.Instance, PhrasebookNarrator.Instance, EnglishStimulusAppraiser.Instance, BigFivePersonalityModel.Instance, DefenseSelector.Instance));

    [Fact]
    public void Step_OnACopy_LeavesTheOriginalUntouchedUntilTheCopyIsKept()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pipeline = Build(clock);
        var state = pipeline.NewState();
        pipeline.Reset(state);
        var copy = pipeline.NewState();
        copy.CopyFrom(state);

        clock.Advance(TimeSpan.FromSeconds(5));
        var snapshot = pipeline.Step(copy, new Stimulus { Tension = 0.8 }, Appraisal.Empty, null, out _);
        pipeline.Commit(copy);

        snapshot.ExperienceCount.Should().Be(1);
        pipeline.Snapshot(copy).Should().BeSameAs(snapshot);
        pipeline.Snapshot(state).ExperienceCount.Should().Be(0, "the original is as it was");
        snapshot.GetLevel("tension").Should().BeGreaterThan(pipeline.Snapshot(state).GetLevel("tension"));
    }

    [Fact]
    public void Sections_EachLayerOnce_InTheOrderOfThePipeline()
    {
        Build(new FakeTimeProvider()).Sections.Select(s => s.Name).Should().Equal("life", "attention", "reactors", "growth", "emotion", "metrics", "identity", "agency", "snapshot");
    }

    [Fact]
    public void Hear_AMessage_IsAppraisedAndAnUnknownChannelIsRefusedByName()
    {
        var pipeline = Build(new FakeTimeProvider());

        pipeline.Hear(default, "I am so happy for you!").Stimulus.Satisfaction.Should().BeGreaterThan(0);
        pipeline.Hear(default, null).Should().Be(Appraisal.Empty);
        pipeline.Invoking(p => p.Hear(new Stimulus().With("cortisol", 0.2), null)).Should().Throw<ArgumentException>().WithMessage("*'cortisol'*profile 'default'*");
    }
}
