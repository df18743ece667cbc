namespace Anima;

/// <summary>The value system's judgement of an incoming request.</summary>
/// <param name="Verdict">Accepted or refused.</param>
/// <param name="Value">The value that refused it, when refused.</param>
/// <param name="Concerns">What the request was found to ask for.</param>
public readonly record struct RequestJudgement(RequestVerdict Verdict, CoreValue? Value, RequestConcerns Concerns)
{
    /// <summary>Gets the judgement of a request that raises no concern.</summary>
    public static RequestJudgement Accepted => default;
}
