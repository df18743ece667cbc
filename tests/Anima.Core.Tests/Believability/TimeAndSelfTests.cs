using Anima.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Believability;

/// <summary>Time as the agent should live it: its own relaxation expected, one shock a spike and not a long fever.</summary>
public class TimeAndSelfTests
{
    [Fact]
    public void HoursAlone_AfterAnUpset_AreNoSurprise()
    {
        var (agent, clock) = Agents.Create();
        for (int i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            agent.Experience(new Stimulus { Tension = 0.7, Satisfaction = -0.5 });
        }

        clock.Advance(TimeSpan.FromHours(3));
        var state = agent.Experience(default);

        state.SurpriseSpike.Should().BeFalse("the agent expects to calm down when left alone");
        state.PredictionErrorLabel.Should().NotBe("surprising").And.NotBe("shocking");
    }

    [Fact]
    public void OneShock_IsASpike_ButDoesNotLiftFreeEnergyForLong()
    {
        var (agent, clock) = Agents.Create();
        for (int i = 0; i < 40; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            agent.Experience(default, "Hi, how are you?");
        }

        double calm = agent.State.FreeEnergy;
        clock.Advance(TimeSpan.FromMinutes(1));
        agent.Experience(new Stimulus { Tension = 1, Arousal = 1, Satisfaction = -1 }).SurpriseSpike.Should().BeTrue();
        for (int i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            agent.Experience(default, "Hi, how are you?");
        }

        (agent.State.FreeEnergy - calm).Should().BeLessThan(2, "one shock ten experiences ago is not a standing fever (free energy was {0:F2})", calm);
    }

    [Fact]
    public void Bereavement_ReachesTheArchivalThemeWithinAFewExperiences()
    {
        var (agent, clock) = Agents.Create();
        for (int i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            agent.Experience(default, "Okay.");
        }

        agent.State.Spectral.Archival.Should().NotBe(ArchivalTheme.Loss);
        string[] grief =
        [
            "My mother died this morning.",
            "I keep crying. The funeral is on Friday and I feel so lost and empty.",
            "I miss her so much. The grief is unbearable.",
            "Everything reminds me of her. I am heartbroken.",
            "I can't stop crying, she is gone forever.",
        ];
        foreach (string line in grief)
        {
            clock.Advance(TimeSpan.FromMinutes(2));
            agent.Experience(default, line);
        }

        agent.State.Spectral.Archival.Should().Be(ArchivalTheme.Loss, "a bereavement colours the self within a few experiences (salience {0}, levels {1})", agent.State.Salience, string.Join(";", agent.State.Reactors.Select(r => r.Level)));
        agent.GetStatePrompt().Should().NotContain("quiet lately");
    }

    [Fact]
    public async Task LoadAsync_LivesThroughTheTimeAway()
    {
        var (agent, clock) = Agents.Create();
        for (int i = 0; i < 5; i++)
        {
            agent.Experience(new Stimulus { Tension = 0.9, Satisfaction = -0.6 });
        }

        string path = Path.Combine(Path.GetTempPath(), $"anima-away-{Guid.NewGuid():N}.db");
        try
        {
            var store = new SqliteAnimaStore(path);
            await agent.SaveAsync(store, "una");
            double upset = agent.State.Reactors[0].Level;

            clock.Advance(TimeSpan.FromHours(6));
            var (later, _) = Agents.Create(start: clock.GetUtcNow());
            (await later.LoadAsync(store, "una")).Should().BeTrue();

            later.State.Timestamp.Should().Be(clock.GetUtcNow(), "the loaded agent has lived up to now");
            later.State.Reactors[0].Level.Should().BeLessThan(upset - 0.3, "six hours away calm the tension it was saved with");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
