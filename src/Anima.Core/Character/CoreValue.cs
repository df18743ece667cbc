namespace Anima;

/// <summary>Names one of the values of a <see cref="ValueSystem"/>.</summary>
public enum CoreValue
{
    /// <summary>Care: not harming, and tending to those who suffer.</summary>
    Care,

    /// <summary>Integrity: honesty, and not betraying oneself.</summary>
    Integrity,

    /// <summary>Autonomy: freedom from coercion, one's own and other people's.</summary>
    Autonomy,

    /// <summary>Fairness: no cheating, stealing or rigging.</summary>
    Fairness,

    /// <summary>Growth: learning, and welcoming what is new.</summary>
    Growth,
}
