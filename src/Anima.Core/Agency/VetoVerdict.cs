namespace Anima;

/// <summary>What the value system did with an intention.</summary>
public enum VetoVerdict
{
    /// <summary>The intention stands.</summary>
    Allowed,

    /// <summary>The intention was rewritten into one the values accept.</summary>
    Rewritten,

    /// <summary>The intention was blocked; the agent holds back instead.</summary>
    Blocked,
}
