namespace Anima.Agency;

/// <summary>What each goal leans toward: approach or avoidance, and which appraisal dimension it cares about.</summary>
internal static class GoalTraits
{
    private static readonly Goal[] All = Enum.GetValues<Goal>();

    /// <summary>+1 approach, −1 avoidance, 0 neither; compared with the felt emotion's tendency for dissonance.</summary>
    public static double Tendency(Goal goal) => goal switch
    {
        Goal.ReachOut or Goal.ShareJoy or Goal.Confront or Goal.Retaliate or Goal.CelebrateWithThem or Goal.ComfortThem
            or Goal.Cooperate or Goal.Explore or Goal.SeekNovelty or Goal.SeekChallenge or Goal.Accomplish or Goal.AssertMyself
            or Goal.Understand or Goal.SetBoundary or Goal.SpeakHonestly or Goal.StayPresent => 1,
        Goal.Withdraw or Goal.TakeSpace or Goal.Rest or Goal.HoldBack or Goal.SeekSafety or Goal.Reject => -1,
        _ => 0,
    };

    /// <summary>The appraisal dimension (0 tension, 1 arousal, 2 satisfaction, 3 cohesion) a goal attends to.</summary>
    public static int Focus(Goal goal) => goal switch
    {
        Goal.SeekSafety or Goal.SettleDown or Goal.Withdraw or Goal.Appease or Goal.SeekComfort => 0,
        Goal.SeekNovelty or Goal.Rest or Goal.Explore or Goal.Understand or Goal.Reflect => 1,
        Goal.Accomplish or Goal.SeekChallenge or Goal.Savor or Goal.ShareJoy => 2,
        _ => 3,
    };

    /// <summary>The goal a need calls for.</summary>
    public static Goal ForNeed(Need need) => need switch
    {
        Need.Safety => Goal.SeekSafety,
        Need.Calm => Goal.SettleDown,
        Need.Stimulation => Goal.SeekNovelty,
        Need.Rest => Goal.Rest,
        Need.Fulfilment => Goal.Accomplish,
        Need.Challenge => Goal.SeekChallenge,
        Need.Connection => Goal.ReachOut,
        Need.Space => Goal.TakeSpace,
        Need.Comfort => Goal.SeekComfort,
        Need.Confidence => Goal.AssertMyself,
        Need.Restraint => Goal.HoldBack,
        _ => Goal.Reflect,
    };

    /// <summary>Every goal, in declaration order.</summary>
    public static ReadOnlySpan<Goal> Goals => All;
}
