using System.Globalization;
using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Emotions;

public class EmotionTableTests
{
    [Fact]
    public void Default_EveryEmotionIsPrimaryForSomeReachableState()
    {
        var (agent, _) = Agents.Create();
        var seen = new HashSet<string>();

        foreach (var target in Agents.Grid())
        {
            seen.Add(Agents.SteerTo(agent, target).Primary);
        }

        seen.Should().BeEquivalentTo(EmotionTable.Default.Emotions.Select(e => e.Name));
    }

    [Fact]
    public void Occ_MatchesTheTablePrintedByGebhard2005()
    {
        Golden.Verify("Emotions/OccTable", Render(EmotionTable.Occ));
    }

    [Fact]
    public void Default_IsPinned()
    {
        Golden.Verify("Emotions/DefaultTable", Render(EmotionTable.Default));
    }

    [Fact]
    public void Occ_PluggedIn_DrivesTheAgentsLabels()
    {
        var agent = new AnimaCore(new AnimaOptions { Emotions = EmotionTable.Occ, Seed = 1 });

        var state = agent.Experience(new Stimulus { Tension = 0.9, Arousal = 0.6, Satisfaction = -0.5 });

        EmotionTable.Occ.IndexOf(state.Primary).Should().BeGreaterThanOrEqualTo(0);
        state.Narrative.Should().NotMatchRegex("[0-9]");
    }

    [Fact]
    public void Constructor_RepeatedName_Throws()
    {
        var act = () => new EmotionTable("x", [new("A", new(0, 0, 0), 0), new("A", new(0.1, 0, 0), 0)]);

        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("'A'"));
    }

    [Fact]
    public void Constructor_CoordinateOutOfRange_ThrowsNamingEmotion()
    {
        var act = () => new EmotionTable("x", [new("Glee", new(1.5, 0, 0), 0)]);

        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("Glee"));
    }

    [Fact]
    public void Constructor_RuleForUnknownEmotion_Throws()
    {
        var act = () => new EmotionTable("x", [new("A", new(0, 0, 0), 0)], [new ExpressionRule { Emotion = "B", ShowsAs = "C" }]);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ExpressionRule_FearWithNoBondLeft_ShowsAsNumbness()
    {
        var (agent, _) = Agents.Create();

        var state = Agents.SteerTo(agent, [0.98, 0.98, 0.02, 0.02], steps: 12);

        state.Primary.Should().Be("Fear");
        state.Expressed.Should().Be("Numbness");
    }

    [Fact]
    public void ExpressionRule_AngerInAnAgreeableAgent_ShowsAsHurt()
    {
        var agreeable = AngryStates(new Personality { Agreeableness = 0.85 });
        var balanced = AngryStates(Personality.Balanced);

        agreeable.Should().NotBeEmpty().And.OnlyContain(s => s.Expressed == "Hurt");
        balanced.Should().NotBeEmpty().And.OnlyContain(s => s.Expressed == "Anger");

        static List<AnimaState> AngryStates(Personality personality)
        {
            var (agent, _) = Agents.Create(personality);
            return Agents.Grid().Select(t => Agents.SteerTo(agent, t)).Where(s => s.Primary == "Anger").ToList();
        }
    }

    private static string Render(EmotionTable table) => string.Join(
        "\n",
        table.Emotions.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Name}\t{e.Point.Valence}\t{e.Point.Arousal}\t{e.Point.Dominance}\t{e.Tendency}"))
            .Concat(table.Rules.Select(r => $"rule\t{r.Emotion}\t{r.ShowsAs}\t{r.Role}\t{r.RoleBelow}\t{r.RoleAbove}\t{r.Trait}\t{r.TraitBelow}\t{r.TraitAbove}")));
}
