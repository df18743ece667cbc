using Microsoft.Extensions.Time.Testing;

namespace Anima.Tests.Support;

/// <summary>Builds agents on a scripted clock and drives them toward chosen reactor levels through the public API.</summary>
internal static class Agents
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static (AnimaCore Agent, FakeTimeProvider Clock) Create(Personality? personality = null, ValueSystem? values = null, int seed = 7, ChannelProfile? profile = null, DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? Epoch);
        var agent = new AnimaCore(new AnimaOptions
        {
            Personality = personality ?? Personality.Balanced,
            Values = values ?? ValueSystem.Balanced,
            Seed = seed,
            TimeProvider = clock,
            Profile = profile ?? ChannelProfile.Default,
        });
        return (agent, clock);
    }

    /// <summary>
    /// Feeds the default profile's agent stimuli that steer its four reactors toward <paramref name="target"/>
    /// (tension, arousal, satisfaction, cohesion) and returns the state after the last step.
    /// </summary>
    public static AnimaState SteerTo(AnimaCore agent, ReadOnlySpan<double> target, int steps = 8, string? message = null)
    {
        AnimaState state = agent.State;
        for (int k = 0; k < steps; k++)
        {
            var levels = state.Reactors;
            state = agent.Experience(
                new Stimulus
                {
                    Tension = Push(target[0], levels[0].Level),
                    Arousal = Push(target[1], levels[1].Level),
                    Satisfaction = Push(target[2], levels[2].Level),
                    Cohesion = Push(target[3], levels[3].Level),
                },
                k == steps - 1 ? message : null);
        }

        return state;

        static double Push(double target, double level) => Math.Clamp(3 * (target - level), -1, 1);
    }

    /// <summary>
    /// Walks one agent through the reachability grid (every third target) and returns the first state that
    /// satisfies <paramref name="found"/>, or null when none does.
    /// </summary>
    public static AnimaState? Find(Personality personality, ValueSystem values, string? message, Func<AnimaState, bool> found)
    {
        var (agent, _) = Create(personality, values);
        foreach (var target in Grid().Where((_, i) => i % 3 == 0))
        {
            var state = SteerTo(agent, target, 6, message);
            if (found(state))
            {
                return state;
            }
        }

        return null;
    }

    /// <summary>The grid of target levels the reachability searches walk through.</summary>
    public static IEnumerable<double[]> Grid()
    {
        double[] steps = [0.02, 0.2, 0.4, 0.6, 0.8, 0.98];
        foreach (double t in steps)
        {
            foreach (double a in steps)
            {
                foreach (double s in steps)
                {
                    foreach (double c in steps)
                    {
                        yield return [t, a, s, c];
                    }
                }
            }
        }
    }
}
