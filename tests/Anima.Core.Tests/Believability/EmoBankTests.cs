using Anima.Stimuli;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Believability;

/// <summary>
/// What the agent hears, against what people rated: the Pearson correlation of the default appraiser's
/// speaker impression with EmoBank's ratings. Tuned on the train split; reported on dev.
/// </summary>
public class EmoBankTests
{
    [Fact]
    public void HeardValenceAndArousal_OnTheDevSplit_FollowHumanRatings()
    {
        var (valence, arousal) = Correlations(EmoBank.Dev);

        valence.Should().BeGreaterThanOrEqualTo(0.60, $"dev valence r = {valence:F3}, arousal r = {arousal:F3}");
        arousal.Should().BeGreaterThanOrEqualTo(0.33, $"dev valence r = {valence:F3}, arousal r = {arousal:F3}");
    }

    [Fact]
    public void HeardValenceAndArousal_OnTheTrainSplit_FollowHumanRatings()
    {
        var (valence, arousal) = Correlations(EmoBank.Train);

        valence.Should().BeGreaterThanOrEqualTo(0.645, $"train valence r = {valence:F3}, arousal r = {arousal:F3}");
        arousal.Should().BeGreaterThanOrEqualTo(0.35, $"train valence r = {valence:F3}, arousal r = {arousal:F3}");
    }

    private static (double Valence, double Arousal) Correlations(IReadOnlyList<EmoBank.Rated> rows)
    {
        var heard = rows.Select(r => EnglishStimulusAppraiser.Instance.Appraise(r.Text).Speaker).ToList();
        return (
            EmoBank.Pearson(heard.Select(h => h.Valence).ToList(), rows.Select(r => r.Valence).ToList()),
            EmoBank.Pearson(heard.Select(h => h.Arousal).ToList(), rows.Select(r => r.Arousal).ToList()));
    }
}
