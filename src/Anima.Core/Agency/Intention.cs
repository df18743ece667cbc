namespace Anima;

/// <summary>What the agent means to do, why, and how firmly.</summary>
/// <param name="Goal">The goal.</param>
/// <param name="Source">Where the intention came from.</param>
/// <param name="Strength">How firmly it is held, in (0, 1]; it fades unless renewed.</param>
/// <param name="Need">The need behind it, when its source is a drive.</param>
/// <param name="Persistence">For how many consecutive experiences this goal has been held.</param>
public sealed record Intention(Goal Goal, IntentionSource Source, double Strength, Need? Need, int Persistence);
