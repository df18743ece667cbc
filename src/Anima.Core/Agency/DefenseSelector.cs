namespace Anima.Agency;

/// <summary>
/// Chooses the ego defense, if any, the agent falls back on, and what it does.
/// </summary>
/// <remarks>
/// A defense is raised when the threat — the larger of dissonance and negative valence weighted by
/// neuroticism (0.6 + 0.8·N) — reaches 0.45 while the feeling is unpleasant. The first rule that fits wins:
/// a surprise spike met by a closed mind (openness below 0.45) is denied; a goal the values rewrote or
/// blocked, in a conscientious mind (at least 0.55), is rationalized; anger with nowhere to go (vetoed,
/// refused or held back) is displaced; bad feeling beside a visibly upset speaker, in a disagreeable mind
/// (below 0.4), is projected; anger in an open mind (at least 0.6) is sublimated; anything else is suppressed.
/// </remarks>
internal sealed class DefenseSelector : IEgoDefense
{
    /// <summary>The threat from which a defense is raised: the larger of dissonance and weighted negativity.</summary>
    public const double Threshold = 0.45;

    /// <summary>How much negative valence weighs for an agent of no neuroticism; neuroticism adds up to <see cref="NegativityRange"/>.</summary>
    private const double NegativityBase = 0.6, NegativityRange = 0.8;

    /// <summary>The action tendency above which a negative emotion is anger, not fear or sadness.</summary>
    private const double AngryTendency = 0.2;

    /// <summary>The openness below which a mind denies a shock, and from which it sublimates anger.</summary>
    private const double ClosedBelow = 0.45, OpenFrom = 0.6;

    /// <summary>The conscientiousness from which a vetoed impulse is rationalized.</summary>
    private const double ConscientiousFrom = 0.55;

    /// <summary>A visibly upset speaker (confidence and negative valence) and a disagreeable mind make projection.</summary>
    private const double UpsetConfidence = 0.2, UpsetValence = 0.2, DisagreeableBelow = 0.4;

    /// <summary>How much of the way back to baseline denial takes the threat channel: the danger is not taken in.</summary>
    private const double DenialSoothes = 0.3;

    /// <summary>How much sublimation soothes the threat channel, while it lifts reward by <see cref="NudgeAmount"/>.</summary>
    private const double SublimationSoothes = 0.15;

    /// <summary>How much of the way back to baseline suppression takes the energy channel: the feeling is put aside.</summary>
    private const double SuppressionSoothes = 0.2;

    /// <summary>How far projection, displacement and sublimation move a channel: a small, lasting mark.</summary>
    private const double NudgeAmount = 0.03;

    /// <summary>The share of dissonance rationalization leaves: reasons halve it.</summary>
    private const double RationalizedDissonance = 0.5;

    /// <summary>The share of dissonance projection and sublimation leave.</summary>
    private const double RedirectedDissonance = 0.8;

    /// <summary>The share of dissonance displacement leaves.</summary>
    private const double DisplacedDissonance = 0.7;

    /// <summary>Gets the default defense selection.</summary>
    public static DefenseSelector Instance { get; } = new();

    /// <inheritdoc />
    public EgoDefense? Choose(in DefenseSituation situation) =>
        Choose(situation.Vad, situation.Dissonance, situation.Primary, situation.SurpriseSpike, situation.Veto, situation.Request, situation.Intention, situation.Mirror, situation.Personality);

    /// <summary>
    /// The rules themselves, on the moment's parts: the pipeline calls this directly, since building a
    /// <see cref="DefenseSituation"/> (a large struct holding references) costs more than the rules when, as most
    /// moments, none applies.
    /// </summary>
    public static EgoDefense? Choose(Vad vad, double dissonance, EmotionDefinition primary, bool spike, VetoDecision? veto, RequestJudgement request, Intention? intention, SocialMirror mirror, Personality personality)
    {
        if (vad.Valence >= 0)
        {
            return null;
        }

        double negativity = -vad.Valence * (NegativityBase + (NegativityRange * personality.Neuroticism));
        if (Math.Max(dissonance, negativity) < Threshold)
        {
            return null;
        }

        bool angry = primary.Point.Valence < 0 && primary.Tendency > AngryTendency;
        bool vetoed = veto is { Verdict: not VetoVerdict.Allowed };
        bool thwarted = vetoed || request.Verdict == RequestVerdict.Refused || intention?.Goal == Goal.HoldBack;

        if (spike && personality.Openness < ClosedBelow)
        {
            return EgoDefense.Denial;
        }

        if (vetoed && personality.Conscientiousness >= ConscientiousFrom)
        {
            return EgoDefense.Rationalization;
        }

        if (angry && thwarted)
        {
            return EgoDefense.Displacement;
        }

        if (mirror.Speaker.Confidence >= UpsetConfidence && mirror.Speaker.Valence < -UpsetValence && personality.Agreeableness < DisagreeableBelow)
        {
            return EgoDefense.Projection;
        }

        if (angry && personality.Openness >= OpenFrom)
        {
            return EgoDefense.Sublimation;
        }

        return EgoDefense.Suppression;
    }

    /// <summary>What the defense does to the levels it leaves for the next moment, and to the felt dissonance.</summary>
    public static double Apply(EgoDefense defense, Span<double> levels, ChannelProfile profile, double dissonance)
    {
        switch (defense)
        {
            case EgoDefense.Denial:
                Soothe(levels, profile, ChannelRole.Threat, DenialSoothes);
                return dissonance;
            case EgoDefense.Rationalization:
                return dissonance * RationalizedDissonance;
            case EgoDefense.Projection:
                Nudge(levels, profile, ChannelRole.Bond, -NudgeAmount);
                return dissonance * RedirectedDissonance;
            case EgoDefense.Displacement:
                Nudge(levels, profile, ChannelRole.Reward, -NudgeAmount);
                return dissonance * DisplacedDissonance;
            case EgoDefense.Sublimation:
                Soothe(levels, profile, ChannelRole.Threat, SublimationSoothes);
                Nudge(levels, profile, ChannelRole.Reward, NudgeAmount);
                return dissonance * RedirectedDissonance;
            default:
                Soothe(levels, profile, ChannelRole.Energy, SuppressionSoothes);
                return dissonance;
        }
    }

    private static void Soothe(Span<double> levels, ChannelProfile profile, ChannelRole role, double share)
    {
        int i = profile.IndexOf(role);
        if (i >= 0)
        {
            double baseline = profile.Span[i].Baseline;
            levels[i] += (baseline - levels[i]) * share;
        }
    }

    private static void Nudge(Span<double> levels, ChannelProfile profile, ChannelRole role, double amount)
    {
        int i = profile.IndexOf(role);
        if (i >= 0)
        {
            levels[i] = Math.Clamp(levels[i] + amount, 0, 1);
        }
    }
}
