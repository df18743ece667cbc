using System.Globalization;
using Anima;
using Microsoft.Extensions.AI;

namespace TwoAgents;

/// <summary>One named agent of the conversation.</summary>
internal sealed record Speaker(string Name, AnimaCore Agent);

/// <summary>Plays the conversation and records both trajectories.</summary>
internal static class Conversation
{
    private static readonly string[] Shown = ["oxytocin", "cortisol", "dopamine"];

    /// <summary>A clock both agents share, moved by a minute a turn so time relaxes them as it would in a real talk.</summary>
    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));

    public static Speaker Agent(string name, Personality personality, int seed, IChatClient speaker) =>
        new(name, new AnimaCore(
            new AnimaOptions
            {
                Personality = personality,
                Profile = ChannelProfile.Hormonal,
                Seed = seed,
                TimeProvider = Clock,
                Instructions = $"You are {name}.",
            },
            speaker));

    /// <summary>
    /// The first agent speaks first (<see cref="AnimaCore.InitiateAsync"/>); then each in turn hears the other's last words
    /// and answers (<see cref="AnimaCore.ChatAsync"/>).
    /// </summary>
    public static async Task<List<(int Turn, AnimaState A, AnimaState B)>> PlayAsync(Speaker first, Speaker second, int turns, TextWriter output)
    {
        var trajectory = new List<(int, AnimaState, AnimaState)>();
        string said = (await first.Agent.InitiateAsync()).Text;
        Write(output, 0, first, said);
        trajectory.Add((0, first.Agent.State, second.Agent.State));
        var (listener, talker) = (second, first);
        for (int turn = 1; turn <= turns; turn++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            said = (await listener.Agent.ChatAsync(said)).Text;
            Write(output, turn, listener, said);
            (listener, talker) = (talker, listener);
            trajectory.Add((turn, first.Agent.State, second.Agent.State));
        }

        return trajectory;
    }

    public static string Point(AnimaState state) =>
        string.Create(CultureInfo.InvariantCulture, $"{Signed(state.Vad.Valence),6} {Signed(state.Vad.Arousal),6} {Signed(state.Vad.Dominance),6} {state.Expressed}");

    /// <summary>A coordinate with its sign, rounded first so that nothing shows as minus zero.</summary>
    private static string Signed(double value) => (Math.Round(value, 2) + 0.0).ToString("+0.00;-0.00; 0.00", CultureInfo.InvariantCulture);

    private static void Write(TextWriter output, int turn, Speaker speaker, string said)
    {
        var state = speaker.Agent.State;
        output.WriteLine($"[{turn}] {speaker.Name} ({state.Expressed}, {Bars(state)}):");
        output.WriteLine($"    \"{said}\"");
    }

    /// <summary>Three hormones as short bars: oxytocin, cortisol, dopamine.</summary>
    private static string Bars(AnimaState state) => string.Join(' ', Shown.Select(h => $"{h[..3]} {new string('#', (int)Math.Round(state.GetLevel(h) * 10)),-10}"));
}

/// <summary>A clock the conversation moves by hand, so a run is the same every time.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
