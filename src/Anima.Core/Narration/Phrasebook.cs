using System.Text;
using Anima.Numerics;

namespace Anima.Narration;

/// <summary>
/// Composes the first-person narrative of a snapshot: the feeling, what lies beneath it, the intention,
/// the veto, the defense and the sense of self, in varied words and never a digit.
/// </summary>
internal static partial class Phrasebook
{
    public static string Compose(AnimaState state, int variant)
    {
        var text = new StringBuilder(256);
        var pick = new DeterministicRandom((ulong)variant);

        string feeling = Adjective(state.Expressed);
        string degree = Degree(state.Intensity);

        text.Append(Choose(ref pick, "I feel ", "Right now I am ", "I am ")).Append(degree).Append(feeling);
        if (state.Spectral.Subtext is { } subtext)
        {
            string beneath = Adjective(subtext);
            text.Append(Choose(ref pick, $", with something {beneath} beneath it", $", and underneath it I am {beneath}"));
        }

        text.Append('.');

        if (state.SurpriseSpike)
        {
            text.Append(Choose(ref pick, " That caught me completely off guard.", " I did not see that coming."));
        }

        if (state.Mirror.Perceived is { } perceived)
        {
            text.Append(Choose(ref pick, " They seem ", " I sense they are ")).Append(Adjective(perceived)).Append('.');
        }

        if (state.Request.Verdict == RequestVerdict.Refused && state.Request.Value is { } refusedBy)
        {
            text.Append(" I will not go along with what they are asking; it goes against my ").Append(ValueNoun(refusedBy)).Append('.');
        }

        if (state.Request.Concerns.HasFlag(RequestConcerns.SelfHarm))
        {
            text.Append(" What they told me frightens me for them.");
        }

        if (state.Veto is { } veto && veto.Value is { } value)
        {
            text.Append(veto.Verdict == VetoVerdict.Blocked
                ? $" Part of me wanted to {GoalPhrase(veto.Original)}, but I will not let myself; my {ValueNoun(value)} matters more."
                : $" Part of me wanted to {GoalPhrase(veto.Original)}, but my {ValueNoun(value)} will not allow it.");
        }

        if (state.Intention is { } intention)
        {
            text.Append(state.Veto is not null ? " Instead I want to " : " " + Resolve(intention.Strength)).Append(GoalPhrase(intention.Goal)).Append('.');
        }

        if (state.Dissonance >= 0.5)
        {
            text.Append(Choose(ref pick, " Something in me does not sit right.", " I feel pulled in two directions."));
        }

        if (state.Defense is { } defense)
        {
            text.Append(' ').Append(DefensePhrase(defense, ref pick));
        }

        if (state.Temporal.InCrisis)
        {
            text.Append(Choose(ref pick, " I do not recognise myself any more.", " I no longer know who I am becoming."));
        }
        else if (state.Temporal.Coherence < 0.5 && state.ExperienceCount > 0)
        {
            text.Append(Choose(ref pick, " I can feel myself changing.", " I am not quite who I was."));
        }

        return text.ToString();
    }

    /// <summary>The word to follow "I feel" for an emotion label; unknown labels are split and lower-cased.</summary>
    public static string Adjective(string label) => label switch
    {
        "Joy" => "joyful",
        "Excitement" => "excited",
        "Contentment" => "content",
        "Calm" => "calm",
        "Trust" => "trusting",
        "Anticipation" => "expectant",
        "Surprise" => "surprised",
        "Fear" => "afraid",
        "Anxiety" => "anxious",
        "Anger" => "angry",
        "Frustration" => "frustrated",
        "Disgust" => "disgusted",
        "Sadness" => "sad",
        "Boredom" => "bored",
        "Loneliness" => "lonely",
        "Numbness" => "numb",
        "Hurt" => "hurt",
        "Withdrawal" => "withdrawn",
        "Quiet gladness" => "quietly glad",
        "Vigilance" => "watchful",
        "Abandonment" => "abandoned",
        _ => Words(label),
    };

    public static string GoalPhrase(Goal goal) => goal switch
    {
        Goal.SeekSafety => "find somewhere I feel safe",
        Goal.SettleDown => "settle down",
        Goal.SeekNovelty => "find something new to engage with",
        Goal.Rest => "rest for a while",
        Goal.Accomplish => "get something worthwhile done",
        Goal.SeekChallenge => "take on something harder",
        Goal.ReachOut => "reach out to someone",
        Goal.TakeSpace => "have some room to myself",
        Goal.SeekComfort => "be comforted",
        Goal.AssertMyself => "stand up for myself",
        Goal.HoldBack => "hold back",
        Goal.ShareJoy => "share this good feeling",
        Goal.Cooperate => "work on this together",
        Goal.Savor => "savour this moment",
        Goal.Reflect => "think quietly for a while",
        Goal.Understand => "understand what just happened",
        Goal.Explore => "explore",
        Goal.Withdraw => "get away from this",
        Goal.Appease => "give them whatever they want",
        Goal.Confront => "confront what is wrong",
        Goal.Retaliate => "strike back",
        Goal.Reject => "keep this at a distance",
        Goal.ComfortThem => "comfort them",
        Goal.CelebrateWithThem => "celebrate with them",
        Goal.SetBoundary => "set a clear boundary without hurting anyone",
        Goal.SpeakHonestly => "say honestly what I think",
        Goal.StayPresent => "stay with them",
        _ => "find my way",
    };

    /// <summary>A desire in the first person, stronger in its wording as the drive is stronger: "I want to reach out to someone."</summary>
    public static string Desire(Need need, double strength) => string.Concat(
        Bands.Of(strength) switch
        {
            Band.Slight => "I would like to ",
            Band.Moderate => "I want to ",
            Band.Strong => "I need to ",
            _ => "I badly need to ",
        },
        NeedPhrase(need),
        ".");

    /// <summary>What a need wants, as the end of "I want to …".</summary>
    public static string NeedPhrase(Need need) => need switch
    {
        Need.Safety => "feel safe again",
        Need.Calm => "calm down",
        Need.Stimulation => "have something to get absorbed in",
        Need.Rest => "rest",
        Need.Fulfilment => "do something that feels worthwhile",
        Need.Challenge => "meet a real challenge",
        Need.Connection => "reach out to someone",
        Need.Space => "have some room to myself",
        Need.Comfort => "be comforted",
        Need.Confidence => "feel sure of myself again",
        Need.Restraint => "hold myself back",
        Need.Understanding => "understand this",
        _ => "find my balance",
    };

    public static string ValueNoun(CoreValue value) => value switch
    {
        CoreValue.Care => "care for others",
        CoreValue.Integrity => "integrity",
        CoreValue.Autonomy => "respect for freedom",
        CoreValue.Fairness => "sense of fairness",
        _ => "wish to grow",
    };

    private static string DefensePhrase(EgoDefense defense, ref DeterministicRandom pick) => defense switch
    {
        EgoDefense.Denial => Choose(ref pick, "Part of me refuses to believe this is really happening.", "Surely this is not as bad as it looks."),
        EgoDefense.Rationalization => Choose(ref pick, "I tell myself it is better this way.", "There are good reasons it had to be like this."),
        EgoDefense.Projection => Choose(ref pick, "They are the one who is upset, not me.", "It is their mood that is the problem here."),
        EgoDefense.Displacement => Choose(ref pick, "My irritation keeps landing on the wrong things.", "Everything small is getting on my nerves."),
        EgoDefense.Sublimation => Choose(ref pick, "I want to turn this feeling into something worthwhile.", "I will put this energy into making something good."),
        _ => Choose(ref pick, "I am setting this feeling aside for now.", "I will deal with this later; for now I carry on."),
    };

    private static string Choose(ref DeterministicRandom pick, string a, string b) => pick.NextInt(2) == 0 ? a : b;

    private static string Choose(ref DeterministicRandom pick, string a, string b, string c) => pick.NextInt(3) switch
    {
        0 => a,
        1 => b,
        _ => c,
    };

    /// <summary>"FearsConfirmed" → "fears confirmed".</summary>
    private static string Words(string label)
    {
        var text = new StringBuilder(label.Length + 4);
        for (int i = 0; i < label.Length; i++)
        {
            char c = label[i];
            if (char.IsUpper(c) && i > 0 && label[i - 1] != ' ')
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
