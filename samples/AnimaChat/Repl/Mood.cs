using Anima;

namespace AnimaChat.Repl;

/// <summary>A named push on the agent's inner state, applied by a REPL command such as <c>/stress</c>.</summary>
/// <param name="Command">The command name, without the slash.</param>
/// <param name="Stimulus">What the agent experiences.</param>
/// <param name="Description">What it stands for, shown when applied.</param>
internal sealed record Mood(string Command, Stimulus Stimulus, string Description)
{
    /// <summary>Pressure builds: tension and arousal rise, satisfaction falls.</summary>
    public static readonly Mood Stress = new("stress", new Stimulus { Tension = 0.7, Arousal = 0.5, Satisfaction = -0.3 }, "pressure builds");

    /// <summary>The pressure eases.</summary>
    public static readonly Mood Relax = new("relax", new Stimulus { Tension = -0.6, Arousal = -0.4, Satisfaction = 0.3 }, "the pressure eases");

    /// <summary>A moment of closeness.</summary>
    public static readonly Mood Connect = new("connect", new Stimulus { Cohesion = 0.7, Satisfaction = 0.3 }, "a moment of closeness");

    /// <summary>Something sudden and bad.</summary>
    public static readonly Mood Shock = new("shock", new Stimulus { Tension = 1, Arousal = 1, Satisfaction = -0.8, Cohesion = -0.5 }, "something sudden and bad happens");

    /// <summary>Something wonderful.</summary>
    public static readonly Mood Joy = new("joy", new Stimulus { Satisfaction = 0.9, Arousal = 0.6, Tension = -0.5 }, "something wonderful happens");

    /// <summary>A loss.</summary>
    public static readonly Mood Grief = new("grief", new Stimulus { Satisfaction = -0.9, Cohesion = -0.6, Arousal = -0.5 }, "a loss");

    /// <summary>Gets every mood command.</summary>
    public static IReadOnlyList<Mood> All { get; } = [Stress, Relax, Connect, Shock, Joy, Grief];
}
