namespace Anima;

/// <summary>A homeostatic drive: a channel that has strayed from its baseline, and the need it creates.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Direction">Whether the level is in excess or in deficit.</param>
/// <param name="Strength">How strongly the need presses, in (0, 1]: 0 at the edge of the tolerance band, 1 at a bound.</param>
/// <param name="Need">The need this drive creates.</param>
public readonly record struct Drive(string Channel, DriveDirection Direction, double Strength, Need Need);
