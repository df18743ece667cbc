namespace Anima;

/// <summary>Which way a channel has strayed from its baseline.</summary>
public enum DriveDirection
{
    /// <summary>Too much: the level is above its tolerance band.</summary>
    Excess,

    /// <summary>Too little: the level is below its tolerance band.</summary>
    Deficit,
}
