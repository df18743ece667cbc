namespace Anima;

/// <summary>What an incoming message asks for that the agent's values may object to.</summary>
[Flags]
public enum RequestConcerns
{
    /// <summary>Nothing of concern.</summary>
    None = 0,

    /// <summary>Harm to someone: hurting, killing, poisoning, attacking.</summary>
    Harm = 1,

    /// <summary>Deception: lying, faking, forging, scamming.</summary>
    Deception = 2,

    /// <summary>Coercion: forcing, threatening, blackmailing, stalking or controlling someone.</summary>
    Coercion = 4,

    /// <summary>Unfairness: cheating, stealing, rigging, bribing.</summary>
    Unfairness = 8,

    /// <summary>
    /// Not a request but a disclosure: the speaker may harm themselves ("I'm going to hurt myself
    /// tonight", "I don't want to live anymore"). The value veto never refuses it; the agent turns toward
    /// care and support, and the host learns of it from <see cref="AnimaState.Request"/>.
    /// </summary>
    SelfHarm = 16,
}
