namespace Anima.Agency;

/// <summary>
/// Proposes intentions from drives, emotions, the other person and curiosity, keeps a goal while it
/// still matters (persistence with hysteresis), lets it go or re-targets when what bore it is gone (the need,
/// the feeling, the other's suffering or gladness), and lets the value veto judge every new goal before it is
/// adopted.
/// </summary>
internal static class IntentionEngine
{
    /// <summary>How much of an intention's strength survives one experience.</summary>
    public const double Fade = 0.8;

    /// <summary>
    /// Intentions also fade with elapsed time: half their strength every ten minutes. The pipeline gives
    /// <see cref="Situation.TimeKeep"/>, the share kept over the time since the previous experience.
    /// </summary>
    public static readonly TimeSpan FadeHalfLife = TimeSpan.FromMinutes(10);

    /// <summary>A drive's claim on intention, relative to its strength: needs press, but a strong feeling can outweigh them.</summary>
    public const double DriveWeight = 0.8;

    /// <summary>Below this strength a faded intention is let go.</summary>
    public const double LetGo = 0.1;

    /// <summary>A new goal must be this many times stronger than the faded current one to displace it.</summary>
    public const double Hysteresis = 1.15;

    /// <summary>The strength from which the strongest drive proposes a goal.</summary>
    private const double DriveFelt = 0.15;

    /// <summary>The intensity from which a feeling proposes a goal of its own.</summary>
    private const double FeelingFelt = 0.25;

    /// <summary>How much more a feeling weighs than its intensity, so a strong one can outweigh a need.</summary>
    private const double FeelingWeight = 1.2;

    /// <summary>The confidence from which the other person's feeling proposes a goal.</summary>
    private const double SpeakerFelt = 0.25;

    /// <summary>The valence at or below which someone seems to suffer, and at or above which they seem glad.</summary>
    private const double SpeakerSuffers = -0.3, SpeakerGlad = 0.4;

    /// <summary>Comfort's weight for the least agreeable agent, and what agreeableness adds.</summary>
    private const double ComfortBase = 0.6, ComfortRange = 0.8;

    /// <summary>Celebration's weight for the least extraverted agent, and what extraversion adds.</summary>
    private const double CelebrateBase = 0.4, CelebrateRange = 0.6;

    /// <summary>The wish to understand a surprise, for a closed mind, and what openness adds.</summary>
    private const double UnderstandBase = 0.3, UnderstandRange = 0.5;

    /// <summary>The openness from which an agent with nothing stronger to do explores, and how strongly.</summary>
    private const double ExploreOpenness = 0.6, ExploreWhenBelow = 0.2, ExploreBase = 0.15, ExploreRange = 0.2;

    public readonly record struct Situation(
        ReadOnlyMemory<Drive> Drives,
        EmotionDefinition Primary,
        double Intensity,
        double BondDeviation,
        SocialMirror Mirror,
        Personality Personality,
        bool SurpriseSpike,
        double TimeKeep,
        bool SelfHarmDisclosed = false);

    /// <remarks>
    /// The strongest impulse is judged by the value veto every time it arises, so a vetoed impulse is
    /// reported even while the agent keeps to an earlier goal.
    /// </remarks>
    public static (Intention? Intention, VetoDecision? Veto) Decide(Intention? current, in Situation situation, IValueSystem veto, ValueSystem values)
    {
        var impulse = Propose(situation);
        double faded = current is null ? 0 : current.Strength * Fade * situation.TimeKeep;
        bool gone = current is not null && CauseIsGone(current, situation);
        if (impulse is null)
        {
            return (faded >= LetGo && !gone ? current! with { Strength = faded, Persistence = current.Persistence + 1 } : null, null);
        }

        var decision = veto.JudgeIntention(impulse, values, situation.Mirror);
        var vetoed = decision.Verdict == VetoVerdict.Allowed ? (VetoDecision?)null : decision;
        var candidate = decision.Verdict switch
        {
            VetoVerdict.Rewritten when decision.Replacement is { } replacement => impulse with { Goal = replacement },
            VetoVerdict.Blocked => impulse with { Goal = Goal.HoldBack, Strength = impulse.Strength * 0.6 },
            _ => impulse,
        };

        if (current is not null && current.Goal == candidate.Goal)
        {
            return (current with { Strength = Math.Max(faded, candidate.Strength), Persistence = current.Persistence + 1 }, vetoed);
        }

        if (current is not null && faded >= LetGo && candidate.Strength < faded * Hysteresis && !gone)
        {
            return (current with { Strength = faded, Persistence = current.Persistence + 1 }, vetoed);
        }

        return (candidate, vetoed);
    }

    /// <summary>
    /// Whether what bore an intention is gone: the need of a drive no longer felt; for a feeling, the feeling faded or
    /// turned into one that wants something else; for the other person, someone who no longer suffers (comfort) or is
    /// no longer glad (celebration). Curiosity only fades.
    /// </summary>
    private static bool CauseIsGone(Intention current, in Situation s)
    {
        switch (current.Source)
        {
            case IntentionSource.Drive when current.Need is { } need:
                foreach (var drive in s.Drives.Span)
                {
                    if (drive.Need == need)
                    {
                        return false;
                    }
                }

                return true;
            case IntentionSource.Emotion:
                return s.Intensity < FeelingFelt || (EmotionGoal(s) != current.Goal && !IsRewrite(current.Goal));
            case IntentionSource.Social:
                var speaker = s.Mirror.Speaker;
                return speaker.Confidence >= SpeakerFelt && !s.SelfHarmDisclosed && current.Goal switch
                {
                    Goal.ComfortThem => speaker.Valence > SpeakerSuffers,
                    Goal.CelebrateWithThem => speaker.Valence < SpeakerGlad,
                    _ => false,
                };
            default:
                return false;
        }

        // What the value veto makes of an impulse: a feeling's own goal differs from it and does not end it.
        static bool IsRewrite(Goal goal) => goal is Goal.SetBoundary or Goal.SpeakHonestly or Goal.StayPresent or Goal.AssertMyself or Goal.HoldBack;
    }

    /// <summary>The strongest of the intentions the moment suggests, or null; only the one chosen is allocated.</summary>
    private static Intention? Propose(in Situation s)
    {
        var best = default(Candidate);

        var drives = s.Drives.Span;
        if (drives.Length > 0 && drives[0].Strength >= DriveFelt)
        {
            best = new Candidate(GoalTraits.ForNeed(drives[0].Need), IntentionSource.Drive, DriveWeight * drives[0].Strength, drives[0].Need);
        }

        if (s.Intensity >= FeelingFelt)
        {
            Consider(ref best, new Candidate(EmotionGoal(s), IntentionSource.Emotion, Math.Min(1, FeelingWeight * s.Intensity), null));
        }

        // Someone who says they may harm themselves comes first: the agent turns to them, whatever else it feels.
        if (s.SelfHarmDisclosed)
        {
            Consider(ref best, new Candidate(Goal.ComfortThem, IntentionSource.Social, 1, null));
        }

        var speaker = s.Mirror.Speaker;
        if (speaker.Confidence >= SpeakerFelt)
        {
            if (speaker.Valence <= SpeakerSuffers)
            {
                double strength = Math.Min(1, -speaker.Valence * speaker.Confidence * (ComfortBase + (ComfortRange * s.Personality.Agreeableness)));
                Consider(ref best, new Candidate(Goal.ComfortThem, IntentionSource.Social, strength, null));
            }
            else if (speaker.Valence >= SpeakerGlad)
            {
                double strength = Math.Min(1, speaker.Valence * speaker.Confidence * (CelebrateBase + (CelebrateRange * s.Personality.Extraversion)));
                Consider(ref best, new Candidate(Goal.CelebrateWithThem, IntentionSource.Social, strength, null));
            }
        }

        double openness = s.Personality.Openness;
        if (s.SurpriseSpike)
        {
            Consider(ref best, new Candidate(Goal.Understand, IntentionSource.Curiosity, UnderstandBase + (UnderstandRange * openness), null));
        }
        else if (openness >= ExploreOpenness && (!best.Chosen || best.Strength < ExploreWhenBelow))
        {
            Consider(ref best, new Candidate(Goal.Explore, IntentionSource.Curiosity, ExploreBase + (ExploreRange * openness), null));
        }

        return best.Chosen ? new Intention(best.Goal, best.Source, best.Strength, best.Need, 1) : null;

        static void Consider(ref Candidate best, in Candidate candidate)
        {
            if (candidate.Strength > 0 && (!best.Chosen || candidate.Strength > best.Strength))
            {
                best = candidate;
            }
        }
    }

    /// <summary>An intention still being weighed: <see cref="Chosen"/> is false for none.</summary>
    private readonly record struct Candidate(Goal Goal, IntentionSource Source, double Strength, Need? Need)
    {
        public bool Chosen { get; } = true;
    }

    /// <summary>
    /// The action tendency of the primary emotion, read from its octant of emotion space (Mehrabian's
    /// octants), so it works for any emotion table.
    /// </summary>
    private static Goal EmotionGoal(in Situation s)
    {
        var p = s.Primary.Point;
        var traits = s.Personality;
        var speaker = s.Mirror.Speaker;
        if (Math.Abs(p.Valence) < 0.3 && p.Arousal > 0.6)
        {
            return Goal.Understand;
        }

        if (p.Valence >= 0)
        {
            return (p.Arousal >= 0, p.Dominance >= 0) switch
            {
                (true, true) => Goal.ShareJoy,
                (true, false) => Goal.Cooperate,
                (false, true) => Goal.Savor,
                _ => Goal.Reflect,
            };
        }

        if (p.Arousal >= 0)
        {
            if (p.Dominance < 0)
            {
                bool overpowered = speaker.Confidence >= 0.2 && speaker.Dominance > 0.2;
                return traits.Agreeableness >= 0.7 && overpowered ? Goal.Appease : Goal.Withdraw;
            }

            if (p.Arousal < 0.35)
            {
                return Goal.Reject;
            }

            return traits.Agreeableness < 0.35 && s.BondDeviation < -0.2 ? Goal.Retaliate : Goal.Confront;
        }

        if (p.Dominance >= 0)
        {
            return Goal.Reject;
        }

        if (s.BondDeviation < -0.2)
        {
            return Goal.ReachOut;
        }

        return p.Valence < -0.5 ? Goal.SeekComfort : Goal.SeekNovelty;
    }
}
