namespace Anima;

/// <summary>What the agent intends to do.</summary>
public enum Goal
{
    /// <summary>Find safety.</summary>
    SeekSafety,

    /// <summary>Settle down and find calm.</summary>
    SettleDown,

    /// <summary>Find something new to engage with.</summary>
    SeekNovelty,

    /// <summary>Rest.</summary>
    Rest,

    /// <summary>Accomplish something worthwhile.</summary>
    Accomplish,

    /// <summary>Seek a challenge.</summary>
    SeekChallenge,

    /// <summary>Reach out to someone.</summary>
    ReachOut,

    /// <summary>Take some space.</summary>
    TakeSpace,

    /// <summary>Seek comfort.</summary>
    SeekComfort,

    /// <summary>Assert oneself.</summary>
    AssertMyself,

    /// <summary>Hold back.</summary>
    HoldBack,

    /// <summary>Share one's joy.</summary>
    ShareJoy,

    /// <summary>Lean on someone and work together.</summary>
    Cooperate,

    /// <summary>Savour the moment.</summary>
    Savor,

    /// <summary>Reflect quietly.</summary>
    Reflect,

    /// <summary>Understand what just happened.</summary>
    Understand,

    /// <summary>Explore.</summary>
    Explore,

    /// <summary>Pull away from a threat.</summary>
    Withdraw,

    /// <summary>Give in to placate someone (integrity objects).</summary>
    Appease,

    /// <summary>Confront what is wrong.</summary>
    Confront,

    /// <summary>Strike back (care objects).</summary>
    Retaliate,

    /// <summary>Keep one's distance from what repels.</summary>
    Reject,

    /// <summary>Comfort the other person.</summary>
    ComfortThem,

    /// <summary>Celebrate with the other person.</summary>
    CelebrateWithThem,

    /// <summary>Set a boundary, firmly and without harm (what the veto makes of retaliation).</summary>
    SetBoundary,

    /// <summary>Say honestly what one thinks (what the veto makes of appeasement).</summary>
    SpeakHonestly,

    /// <summary>Stay with someone who suffers (what the veto makes of withdrawal).</summary>
    StayPresent,
}
