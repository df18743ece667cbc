using Anima.Agency;
using Anima.Character;
using Anima.Identity;
using Anima.Metrics;
using Anima.Numerics;
using Anima.Reactors;
using Anima.StateModel;
using Anima.Stimuli;

namespace Anima.Engine;

/// <summary>One experience, stage by stage, each stage named after the layer it runs.</summary>
internal sealed partial class Pipeline
{
    private const double Ln2 = 0.693147180559945309;

    /// <summary>Longing for company takes four hours to build, scaled by 1.5 − extraversion (an extravert longs after a couple of hours, an introvert after most of a day).</summary>
    private const double LongingHours = 4;

    /// <summary>
    /// Lives one experience on <paramref name="s"/>, a copy of the agent's state, and returns its snapshot. The copy
    /// is committed by the caller only when this returns; if a layer throws, the agent is as it was.
    /// </summary>
    /// <param name="s">The copy to live on.</param>
    /// <param name="stimulus">The explicit stimulus, already checked.</param>
    /// <param name="appraisal">What the message carried, already checked.</param>
    /// <param name="trigger">The event the glands answer, if any.</param>
    /// <param name="arisen">The needs whose desire arose, as bits by <see cref="Need"/>.</param>
    public AnimaState Step(AgentState s, in Stimulus stimulus, in Appraisal appraisal, GlandTrigger? trigger, out int arisen)
    {
        try
        {
            return Live(s, stimulus, appraisal, trigger, out arisen);
        }
        catch
        {
            // The copy is dropped; only the shared window's newest row was written beyond it.
            _metrics.Abandon(s);
            throw;
        }
    }

    private AnimaState Live(AgentState s, in Stimulus stimulus, in Appraisal appraisal, GlandTrigger? trigger, out int arisen)
    {
        var m = default(Moment);
        Perceive(s, stimulus, appraisal, trigger, ref m);
        _reactors.React(s, m.Perception.Dims, m.Perception.Salience, stimulus, appraisal.Stimulus, trigger, m.Relief, m.Personality);
        Feel(s, ref m);
        _metrics.Measure(s, _reactors.Felt(s), _life.Count(s), m.Sensitivity, m.Longing, ref m.Measured);
        Become(s, ref m);
        Act(s, appraisal.Speaker, ref m);
        Grow(s, ref m);
        arisen = m.Measured.DesiresArisen;
        return Snapshot(s, ref m);
    }

    /// <summary>Time and attention: relaxation and decay since the previous experience, tool outcomes, the request judged, and the appraisal with its salience.</summary>
    private void Perceive(AgentState s, in Stimulus stimulus, in Appraisal appraisal, GlandTrigger? trigger, ref Moment m)
    {
        var personality = _growth.Personality(s);
        m.Personality = personality;
        m.Sensitivity = PersonalityReading.Of(_personalityModel, personality).SurpriseSensitivity;
        var now = _time.GetUtcNow();
        var elapsed = now - _life.LastTime(s);
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        m.Now = now;
        // The prediction expects the agent's own relaxation: hours alone at rest are no surprise.
        var beforeBuffer = default(Numerics.ChannelNumbers);
        var levels = _reactors.Levels(s);
        Span<double> before = beforeBuffer[..levels.Length];
        levels.CopyTo(before);
        _reactors.Relax(s, personality, elapsed);
        if (elapsed > TimeSpan.Zero)
        {
            _metrics.Anticipate(s, before, levels);
        }
        var alone = _reactors.Alone(s, now, trigger);

        // What time does, all three exponentials in one vector: the share of frustration and of the intention's
        // strength kept (each halves every ten minutes), and the longing for company, 1 − exp(−t/τ).
        double lonely = alone <= TimeSpan.Zero ? 0 : alone.TotalHours / (LongingHours * (1.5 - personality.Extraversion));
        var (frustrationKept, intentionKept, alonePart) = Exponentials.ExpOrOne(
            -Ln2 * (elapsed / ReactorLayer.FrustrationHalfLife),
            -Ln2 * (elapsed / IntentionEngine.FadeHalfLife),
            -lonely);
        m.IntentionKeep = intentionKept;
        m.Longing = 1 - alonePart;
        m.Relief = _reactors.Frustrate(s, frustrationKept, trigger, personality);

        m.Request = _agency.JudgeRequest(appraisal.Concerns);
        m.Resonance = AgencyLayer.Resonance(personality);
        int focus = _agency.Intention(s) is { } goal ? GoalTraits.Focus(goal.Goal) : -1;
        m.Perception = _attention.Perceive(s, stimulus, appraisal, m.Resonance, m.Request.Verdict == RequestVerdict.Refused, m.Sensitivity, focus);
    }

    /// <summary>L2: the felt point and the blend of the nearest emotions.</summary>
    private void Feel(AgentState s, ref Moment m)
    {
        m.Vad = _emotions.FeltPoint(_reactors.Levels(s), _growth.Temperament(s));
        m.BlendCount = _emotions.Read(m.Vad, s, m.BlendIndices, m.BlendWeights);
        m.Primary = _emotions.Table.Span[m.BlendIndices[0]];
        m.Intensity = m.Vad.Magnitude / Math.Sqrt(3);
        _reactors.KeepFelt(s);
    }

    /// <summary>L4: qualia, phase, temporal self and self-image.</summary>
    private void Become(AgentState s, ref Moment m)
    {
        m.Count = _life.Count(s) + 1;
        m.Becoming = _identity.Become(s, _reactors.Levels(s), m.Vad, m.Count, m.Perception.Salience);
        m.Random = new DeterministicRandom(_life.Random(s));
        m.SelfVariant = m.Random.NextInt(1 << 20);
    }

    /// <summary>L5: the social mirror, the intention under the value veto, dissonance and defense; how the feeling shows.</summary>
    private void Act(AgentState s, SpeakerImpression speaker, ref Moment m)
    {
        m.Mirror = new SocialMirror(speaker, _emotions.Perceived(speaker), m.Resonance);
        var input = new AgencyInput
        {
            Personality = m.Personality,
            Vad = m.Vad,
            Primary = m.Primary,
            Intensity = m.Intensity,
            Spike = m.Measured.Spike,
            Drives = m.Measured.Drives,
            Mirror = m.Mirror,
            Request = m.Request,
            IntentionKeep = m.IntentionKeep,
        };
        _agency.Act(s, input, _reactors.Levels(s), ref m.Acted);
        m.Expressed = _emotions.Express(m.Primary.Name, _reactors.Felt(s), m.Personality);
    }

    /// <summary>Growth and adaptation: the soul's learning, the personality's drift, and the emotion map.</summary>
    private void Grow(AgentState s, ref Moment m)
    {
        ReadOnlySpan<double> dims = m.Perception.Dims;
        _reactors.Learn(s, dims);
        var grown = _growth.Learn(s, dims, m.Perception.Novelty);
        if (!ReferenceEquals(grown, m.Personality))
        {
            _reactors.Rebuild(s, grown);
        }

        _emotions.Adapt(s, m.Vad, m.BlendIndices[0]);
    }

    /// <summary>Commits the step's counters and writes the snapshot, straight into it: its parts are copied once.</summary>
    private AnimaState Snapshot(AgentState s, ref Moment m)
    {
        int narrativeVariant = m.Random.NextInt(1 << 20);
        _life.Lived(s, m.Count, m.Now, m.Random.State);
        var snapshot = new AnimaState();
        ref var parts = ref snapshot.Writable;
        parts.ExperienceCount = m.Count;
        parts.Timestamp = m.Now;
        parts.Profile = _profile;
        parts.Vad = m.Vad;
        parts.Primary = m.Primary.Name;
        parts.Expressed = m.Expressed;
        parts.Table = _emotions.Table;
        parts.BlendIndices = m.BlendIndices;
        parts.BlendWeights = m.BlendWeights;
        parts.BlendCount = m.BlendCount;
        parts.Intensity = m.Intensity;
        parts.Phi = m.Measured.Phi;
        parts.PredictionError = m.Measured.Outcome.Error;
        parts.Surprise = m.Measured.Outcome.Surprise;
        parts.FreeEnergy = _metrics.FreeEnergy(s);
        parts.SurpriseSpike = m.Measured.Spike;
        parts.Drives = m.Measured.Drives;
        parts.Spectral = new SpectralQualia(m.Primary.Name, _emotions.Subtext(m.BlendIndices, m.BlendWeights, m.BlendCount), m.Becoming.Theme);
        parts.Phase = Biography.Phase(m.Count);
        parts.SelfStability = m.Becoming.Stability;
        parts.SelfCharacter = _identity.Character(s);
        parts.SelfPersonality = m.Personality;
        parts.SelfTheme = m.Becoming.Theme;
        parts.SelfVariant = m.SelfVariant;
        parts.Intention = m.Acted.Intention;
        parts.Veto = m.Acted.Veto;
        parts.Request = m.Request;
        parts.Dissonance = m.Acted.Dissonance;
        parts.Defense = m.Acted.Defense;
        parts.Temporal = m.Becoming.Temporal;
        parts.Mirror = m.Mirror;
        parts.Salience = m.Perception.Salience;
        parts.Frustration = _reactors.Frustration(s);
        parts.NarrativeVariant = narrativeVariant;
        parts.Narrator = _narrator;
        _reactors.Felt(s).CopyTo(parts.Levels);
        _snapshot.Set(s, snapshot);
        return snapshot;
    }

    /// <summary>What one experience has found so far, handed from layer to layer.</summary>
    private struct Moment
    {
        public DateTimeOffset Now;
        public Personality Personality;
        public double Sensitivity;
        public double IntentionKeep;
        public double Longing;
        public double Relief;
        public RequestJudgement Request;
        public double Resonance;
        public Perception Perception;
        public Vad Vad;
        public BlendIndices BlendIndices;
        public BlendWeights BlendWeights;
        public int BlendCount;
        public EmotionDefinition Primary;
        public double Intensity;
        public Measurement Measured;
        public long Count;
        public Becoming Becoming;
        public DeterministicRandom Random;
        public int SelfVariant;
        public SocialMirror Mirror;
        public AgencyOutcome Acted;
        public string Expressed;
    }
}
