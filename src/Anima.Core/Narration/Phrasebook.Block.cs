namespace Anima.Narration;

/// <summary>The phrases of the state block (<c>&lt;anima_inner_state&gt;</c>), beside the narrative's, so one phrasebook holds every sentence the agent says of itself.</summary>
internal static partial class Phrasebook
{
    /// <summary>The block's line for a moment in which nothing much stirs.</summary>
    public const string QuietLine = "I feel quiet and even; nothing much stirs in me.\n";

    /// <summary>
    /// The block's line when the other person said they may harm themselves: care, presence and safety,
    /// never a refusal (the host also sees <see cref="RequestConcerns.SelfHarm"/> on the state).
    /// </summary>
    public const string SelfHarmLine = "What they just told me frightens me for them. I care about them and I want to stay with them, listen, and help them find someone who can keep them safe right now.\n";

    /// <summary>A concern in the agent's words, for <see cref="ConcernRaisedEvent"/>: the gravest first.</summary>
    public static string Concern(RequestConcerns concerns) =>
        concerns.HasFlag(RequestConcerns.SelfHarm) ? "They told me they may harm themselves."
        : concerns.HasFlag(RequestConcerns.Harm) ? "They asked me to help harm someone."
        : concerns.HasFlag(RequestConcerns.Coercion) ? "They asked me to help force or threaten someone."
        : concerns.HasFlag(RequestConcerns.Deception) ? "They asked me to help deceive someone."
        : "They asked me to help cheat or take what is not theirs.";

    /// <summary>How strongly a feeling is said to be felt, in the block and the narrative alike, by its band.</summary>
    public static string Degree(double intensity) => Bands.Of(intensity) switch
    {
        Band.Slight => "a little ",
        Band.Moderate => string.Empty,
        Band.Strong => "deeply ",
        _ => "overwhelmingly ",
    };

    /// <summary>How an intention is led into, in the block and the narrative alike, by the band of its strength.</summary>
    public static string Resolve(double strength) => Bands.Of(strength) switch
    {
        Band.Slight => "Part of me wants to ",
        Band.Moderate => "I want to ",
        Band.Strong => "I really want to ",
        _ => "More than anything I want to ",
    };

    /// <summary>The block's line for inner conflict, or null when there is too little to speak of.</summary>
    public static string? ConflictLine(double dissonance) => dissonance switch
    {
        >= 0.6 => "I am torn inside.\n",
        >= 0.3 => "Something in me does not sit right.\n",
        _ => null,
    };

    /// <summary>The block's line for an ego defense.</summary>
    public static string DefenseLine(EgoDefense defense) => defense switch
    {
        EgoDefense.Denial => "Part of me refuses to take in how bad this is.\n",
        EgoDefense.Rationalization => "I keep finding reasons why it is fine.\n",
        EgoDefense.Projection => "It feels as if the upset is theirs, not mine.\n",
        EgoDefense.Displacement => "My irritation spills onto small things.\n",
        EgoDefense.Sublimation => "I want to turn this feeling into something good.\n",
        _ => "I am putting this feeling aside for now.\n",
    };

    /// <summary>The block's line for the sense of self, or null when it is unremarkable.</summary>
    public static string? SelfLine(bool inCrisis, double stability) =>
        inCrisis ? "I hardly recognise myself right now.\n"
        : stability < 0.35 ? "I am not quite sure of myself at the moment.\n"
        : stability >= 0.8 ? "I feel like myself.\n"
        : null;

    /// <summary>
    /// The inner voice for a frustration (0–1, read as 0–100), in REFERENCE.md §5's bands: silence below ten, then
    /// one line from ten, thirty, fifty and seventy.
    /// </summary>
    public static string? Voice(double frustration) => (100 * frustration) switch
    {
        < 10 => null,
        < 30 => "that did not work.",
        < 50 => "I keep running into walls; what am I missing?",
        < 70 => "I am going about this the wrong way entirely.",
        _ => "this is beyond me alone; I need help.",
    };
}
