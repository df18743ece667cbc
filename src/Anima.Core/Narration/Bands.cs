namespace Anima.Narration;

/// <summary>How strong something is said to be: the one set of bands the narrative, the state block and the events share.</summary>
internal enum Band
{
    /// <summary>Below 0.2: "a little", "part of me", "I would like to".</summary>
    Slight,

    /// <summary>From 0.2 to 0.45: said plainly.</summary>
    Moderate,

    /// <summary>From 0.45 to 0.7: "deeply", "I really want to", "I need to".</summary>
    Strong,

    /// <summary>From 0.7: "overwhelmingly", "more than anything", "I badly need to".</summary>
    Overwhelming,
}

/// <summary>The thresholds of <see cref="Band"/>, for a feeling's intensity, an intention's strength and a drive's.</summary>
internal static class Bands
{
    /// <summary>The band of a strength in [0, 1].</summary>
    public static Band Of(double strength) => strength switch
    {
        < 0.2 => Band.Slight,
        < 0.45 => Band.Moderate,
        < 0.7 => Band.Strong,
        _ => Band.Overwhelming,
    };
}
