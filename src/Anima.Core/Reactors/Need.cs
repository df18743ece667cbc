namespace Anima;

/// <summary>A need that a homeostatic drive creates when a channel strays from its baseline.</summary>
public enum Need
{
    /// <summary>To be safe again (threat in excess).</summary>
    Safety,

    /// <summary>To settle and calm down (too much activation, or no felt stability).</summary>
    Calm,

    /// <summary>Something to engage with (too little activation or reward).</summary>
    Stimulation,

    /// <summary>To rest (too much activation for too long).</summary>
    Rest,

    /// <summary>To achieve or enjoy something (reward in deficit).</summary>
    Fulfilment,

    /// <summary>A challenge worth meeting (reward in excess breeds complacency).</summary>
    Challenge,

    /// <summary>To reach out and be close to someone (bond in deficit, or longing after long silence).</summary>
    Connection,

    /// <summary>Room of one's own (bond in excess).</summary>
    Space,

    /// <summary>To be comforted and soothed (mood or relief in deficit).</summary>
    Comfort,

    /// <summary>To feel capable and assert oneself (assertion in deficit).</summary>
    Confidence,

    /// <summary>To hold back (assertion in excess).</summary>
    Restraint,

    /// <summary>To understand, to get to the bottom of something (reward-seeking in excess: curiosity).</summary>
    Understanding,
}
