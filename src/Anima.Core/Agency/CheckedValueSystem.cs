namespace Anima.Agency;

/// <summary>
/// A custom <see cref="IValueSystem"/> held to its contract: every verdict defined, a rewrite naming its replacement,
/// a decision about the intention it was given. The built-in veto needs no such check and is used as it is.
/// </summary>
internal sealed class CheckedValueSystem : IValueSystem
{
    private readonly IValueSystem _inner;

    private CheckedValueSystem(IValueSystem inner)
    {
        _inner = inner;
    }

    /// <summary>The value system to use: the built-in one as it is, any other checked.</summary>
    public static IValueSystem For(IValueSystem veto) => veto is ValueVeto ? veto : new CheckedValueSystem(veto);

    /// <inheritdoc />
    public VetoDecision JudgeIntention(Intention intention, ValueSystem values, SocialMirror mirror)
    {
        var decision = _inner.JudgeIntention(intention, values, mirror);
        bool valid = Enum.IsDefined(decision.Verdict)
            && decision.Original == intention.Goal
            && (decision.Verdict != VetoVerdict.Rewritten || decision.Replacement is { } r && Enum.IsDefined(r))
            && (decision.Value is not { } v || Enum.IsDefined(v));
        return valid
            ? decision
            : throw new InvalidOperationException($"The value system {_inner.GetType().Name} returned {decision} for an intention to {intention.Goal}; the verdict must be defined, about that goal, and a rewrite must name its replacement.");
    }

    /// <inheritdoc />
    public RequestJudgement JudgeRequest(RequestConcerns concerns, ValueSystem values)
    {
        var judgement = _inner.JudgeRequest(concerns, values);
        return Enum.IsDefined(judgement.Verdict) && (judgement.Value is not { } v || Enum.IsDefined(v))
            ? judgement
            : throw new InvalidOperationException($"The value system {_inner.GetType().Name} returned {judgement} for a request; its verdict and value must be defined.");
    }
}
