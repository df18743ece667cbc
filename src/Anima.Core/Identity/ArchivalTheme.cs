namespace Anima;

/// <summary>The background theme of the agent's recent life: the archival layer of its qualia.</summary>
public enum ArchivalTheme
{
    /// <summary>Nothing weighs; life has been quiet.</summary>
    Calm,

    /// <summary>Close to others; held.</summary>
    Belonging,

    /// <summary>Cut off from others.</summary>
    Loneliness,

    /// <summary>Under threat for a long time.</summary>
    Survival,

    /// <summary>Something good has been missing.</summary>
    Loss,

    /// <summary>Restless, unable to settle.</summary>
    Restlessness,

    /// <summary>Things have gone well.</summary>
    Flourishing,
}
