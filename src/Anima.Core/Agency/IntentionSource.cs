namespace Anima;

/// <summary>Where an intention came from.</summary>
public enum IntentionSource
{
    /// <summary>A homeostatic drive: a need created by a channel far from its baseline.</summary>
    Drive,

    /// <summary>The action tendency of the felt emotion.</summary>
    Emotion,

    /// <summary>The other person's state, as the social mirror reads it.</summary>
    Social,

    /// <summary>Curiosity: nothing presses, and an open mind looks around.</summary>
    Curiosity,
}
