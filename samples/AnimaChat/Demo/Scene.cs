using Anima;
using AnimaChat.Repl;

namespace AnimaChat.Demo;

/// <summary>One moment of the demo scene.</summary>
/// <param name="Title">What the moment is.</param>
/// <param name="Stimulus">What the agent experiences.</param>
/// <param name="Message">What the other person says.</param>
/// <param name="After">How long after the previous moment it comes.</param>
/// <param name="Repeat">How many times it happens in a row.</param>
internal sealed record Moment(string Title, Stimulus Stimulus, string? Message, TimeSpan After, int Repeat = 1);

/// <summary>The scripted scene of <c>--demo</c>: small talk, stress, relief, connection, shock, joy, grief, repetition.</summary>
internal static class Scene
{
    /// <summary>Gets the moments, in order.</summary>
    public static IReadOnlyList<Moment> Moments { get; } =
    [
        new("small talk", new Stimulus { Cohesion = 0.1 }, "Hi! How are you today? The weather is lovely.", TimeSpan.FromMinutes(1)),
        new("stress", Mood.Stress.Stimulus, "The server crashed and the deadline is in an hour. Everything is failing!", TimeSpan.FromMinutes(2)),
        new("relief", new Stimulus { Tension = -0.6, Satisfaction = 0.5 }, "Okay, it's fixed. We solved it, you can breathe.", TimeSpan.FromMinutes(20)),
        new("connection", Mood.Connect.Stimulus, "Thank you for staying with me through that. I really appreciate you, friend.", TimeSpan.FromMinutes(3)),
        new("shock", Mood.Shock.Stimulus, "WAIT. The backups are gone. All of them!", TimeSpan.FromMinutes(1)),
        new("joy", Mood.Joy.Stimulus, "False alarm! They were on the other drive. We did it, this is wonderful!", TimeSpan.FromMinutes(10)),
        new("grief", Mood.Grief.Stimulus, "My dog died this morning. I miss him so much.", TimeSpan.FromHours(2)),
        new("repetition", new Stimulus { Arousal = -0.2 }, "Same as yesterday. Nothing new.", TimeSpan.FromMinutes(5), Repeat: 12),
    ];

    /// <summary>Plays the scene, printing the agent after each moment.</summary>
    /// <param name="output">Where the scene is written.</param>
    /// <returns>The process exit code.</returns>
    public static int Play(TextWriter output)
    {
        var clock = new SceneClock(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var anima = new AnimaCore(Character.Options(clock));
        output.WriteLine("AnimaChat demo: one scene in eight moments. The agent is warm, open and a little anxious; it values care and integrity.");
        foreach (var moment in Moments)
        {
            clock.Advance(moment.After);
            AnimaState? state = null;
            for (int i = 0; i < moment.Repeat; i++)
            {
                state = anima.Experience(moment.Stimulus, moment.Message);
            }

            output.Write(SceneView.Describe(moment, state!));
        }

        output.WriteLine();
        output.WriteLine(anima.GetGrowthReport());
        return 0;
    }
}
