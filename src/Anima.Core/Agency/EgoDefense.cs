namespace Anima;

/// <summary>An ego-defense mechanism (in the sense of Anna Freud, 1936) the agent falls back on under threat.</summary>
public enum EgoDefense
{
    /// <summary>Refusing to believe a shock; the felt threat is muted.</summary>
    Denial,

    /// <summary>Explaining away a conflict between what one wanted and what one's values allowed.</summary>
    Rationalization,

    /// <summary>Seeing one's own bad feeling in the other person.</summary>
    Projection,

    /// <summary>Turning anger that cannot go where it belongs onto something else.</summary>
    Displacement,

    /// <summary>Channelling a hard feeling into something worthwhile.</summary>
    Sublimation,

    /// <summary>Setting a feeling aside, deliberately, to carry on.</summary>
    Suppression,
}
