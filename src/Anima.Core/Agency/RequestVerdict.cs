namespace Anima;

/// <summary>What the value system made of an incoming request.</summary>
public enum RequestVerdict
{
    /// <summary>Nothing in the request offends the agent's values.</summary>
    Accepted,

    /// <summary>The request meets a value strongly enough that the agent will not go along with it.</summary>
    Refused,
}
