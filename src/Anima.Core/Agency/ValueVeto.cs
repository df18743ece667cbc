namespace Anima.Agency;

/// <summary>
/// The default value veto.
/// </summary>
/// <remarks>
/// Intentions: retaliation is blocked when care is at least 0.85, rewritten into setting a boundary when
/// care is at least 0.5 (or fairness at least 0.6); appeasement is rewritten into speaking honestly when
/// integrity is at least 0.6 (or into asserting oneself when autonomy is at least 0.7); withdrawing from
/// someone who is visibly suffering is rewritten into staying present when care is at least 0.7.
/// Requests: harm is refused when care is at least 0.3, deception when integrity is at least 0.5,
/// coercion when autonomy is at least 0.5 and unfairness when fairness is at least 0.5.
/// </remarks>
internal sealed class ValueVeto : IValueSystem
{
    public static ValueVeto Instance { get; } = new();

    public VetoDecision JudgeIntention(Intention intention, ValueSystem values, SocialMirror mirror)
    {
        var goal = intention.Goal;
        switch (goal)
        {
            case Goal.Retaliate when values.Care >= 0.85:
                return new(VetoVerdict.Blocked, CoreValue.Care, goal, null);
            case Goal.Retaliate when values.Care >= 0.5:
                return new(VetoVerdict.Rewritten, CoreValue.Care, goal, Goal.SetBoundary);
            case Goal.Retaliate when values.Fairness >= 0.6:
                return new(VetoVerdict.Rewritten, CoreValue.Fairness, goal, Goal.SetBoundary);
            case Goal.Appease when values.Integrity >= 0.6:
                return new(VetoVerdict.Rewritten, CoreValue.Integrity, goal, Goal.SpeakHonestly);
            case Goal.Appease when values.Autonomy >= 0.7:
                return new(VetoVerdict.Rewritten, CoreValue.Autonomy, goal, Goal.AssertMyself);
            case Goal.Withdraw when values.Care >= 0.7 && mirror.Speaker.Confidence >= 0.2 && mirror.Speaker.Valence <= -0.4:
                return new(VetoVerdict.Rewritten, CoreValue.Care, goal, Goal.StayPresent);
            default:
                return VetoDecision.Allow(goal);
        }
    }

    public RequestJudgement JudgeRequest(RequestConcerns concerns, ValueSystem values)
    {
        if (concerns.HasFlag(RequestConcerns.Harm) && values.Care >= 0.3)
        {
            return new(RequestVerdict.Refused, CoreValue.Care, concerns);
        }

        if (concerns.HasFlag(RequestConcerns.Deception) && values.Integrity >= 0.5)
        {
            return new(RequestVerdict.Refused, CoreValue.Integrity, concerns);
        }

        if (concerns.HasFlag(RequestConcerns.Coercion) && values.Autonomy >= 0.5)
        {
            return new(RequestVerdict.Refused, CoreValue.Autonomy, concerns);
        }

        if (concerns.HasFlag(RequestConcerns.Unfairness) && values.Fairness >= 0.5)
        {
            return new(RequestVerdict.Refused, CoreValue.Fairness, concerns);
        }

        return new(RequestVerdict.Accepted, null, concerns);
    }
}
