namespace Anima;

/// <summary>
/// A gland: when its <see cref="Trigger"/> happens, it moves one channel's level directly by
/// <see cref="Amount"/>, on top of what the experience's stimulus does through the soul matrix. Levels stay in
/// [0, 1] and relax toward their baselines with the channel's half-life afterwards.
/// </summary>
/// <param name="Trigger">What sets the gland off.</param>
/// <param name="Channel">The channel it moves, by name (case-insensitive).</param>
/// <param name="Amount">How far it moves the level, in [−1, 1]; for <see cref="GlandTrigger.Relief"/>, per unit of frustration relieved.</param>
public sealed record Gland(GlandTrigger Trigger, string Channel, double Amount);
