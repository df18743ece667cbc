using System.Runtime.Intrinsics;
using Anima.Agency;
using Anima.Character;
using Anima.Engine;
using Anima.Identity;
using Anima.Numerics;

namespace Anima;

/// <summary>The pipeline of one experience, layer by layer.</summary>
public sealed partial class AnimaCore
{
    private const double SlowRate = 0.03;
    private const double PastRate = 0.01;
    private const double RecentRate = 0.15;
    private const double SurpriseRate = 0.05;
    private const double TemperamentWeight = 0.25;
    private const double Ln2 = 0.693147180559945309;

    /// <summary>What a tool failure adds to frustration before the soul scales it: ten on REFERENCE.md §5's 0–100 scale.</summary>
    private const double FrustrationStep = 0.1;

    /// <summary>The pressure at which a desire arises (<see cref="DesireArisenEvent"/>).</summary>
    private const double DesireArises = 0.5;

    /// <summary>The pressure to which a desire must fall before it can arise again.</summary>
    private const double DesireSubsides = 0.15;

    /// <summary>How far a need's pressure moves toward its drive in one experience.</summary>
    private const double DesireSmoothing = 0.1;

    /// <summary>The frustration from which a success is felt as relief.</summary>
    private const double ReliefThreshold = 0.1;

    /// <summary>Frustration halves every ten minutes of quiet.</summary>
    private static readonly TimeSpan FrustrationHalfLife = TimeSpan.FromMinutes(10);

    /// <summary>How much of what a message carries is felt, beside the explicit stimulus.</summary>
    private const double MessageWeight = 0.6;

    /// <summary>An identity must have formed before it can fall into crisis.</summary>
    private const int CrisisMaturity = 30;

    private void Initialize(AgentState s)
    {
        var channels = _profile.Span;
        s.ClearNumbers();
        s.Count = 0;
        s.LastTime = _time.GetUtcNow();
        s.Random = 0x9E3779B97F4A7C15UL * (ulong)(uint)Seed;
        for (int i = 0; i < channels.Length; i++)
        {
            s.Levels[i] = channels[i].Baseline;
            s.SlowLevels[i] = channels[i].Baseline;
            s.Felt[i] = channels[i].Baseline;
        }

        _prediction.Initialize(s.Prediction, s.Levels);
        Array.Clear(s.History);
        s.HistoryCount = 0;
        s.HistoryHead = 0;
        s.SurpriseMean = 0;
        s.SurpriseVariance = 1;
        s.Volatility = 0;
        s.Frustration = 0;
        s.LastContact = s.LastTime;
        s.DesiresFelt = 0;
        s.DesiresArisen = 0;
        s.LowCoherenceRun = 0;
        s.Crisis = false;
        s.Intention = null;
        s.Personality = PersonalityGrowth.Start(_configured);
        BuildSoul(s);

        var vad = FeltPoint(s.Levels, s.Temperament);
        s.Past = vad;
        s.Recent = vad;
        s.LastVad = vad;

        var blendIndices = default(BlendIndices);
        var blendWeights = default(BlendWeights);
        Span<int> indices = blendIndices;
        Span<double> weights = blendWeights;
        int count = ReadMap(vad, s.MapOffsets, indices, weights);
        var primary = _table.Span[indices[0]];
        var theme = Biography.Theme(s.SlowLevels, _profile);
        var parts = new AnimaState.Parts
        {
            ExperienceCount = 0,
            Timestamp = s.LastTime,
            Profile = _profile,
            Vad = vad,
            Primary = primary.Name,
            Expressed = Express(primary.Name, s.Levels, s.Personality),
            Table = _table,
            BlendIndices = blendIndices,
            BlendWeights = blendWeights,
            BlendCount = count,
            Intensity = vad.Magnitude / Math.Sqrt(3),
            Drives = [],
            Spectral = new SpectralQualia(primary.Name, Subtext(indices, weights, count), theme),
            Phase = Biography.Phase(0),
            SelfStability = 1,
            SelfCharacter = vad,
            SelfPersonality = s.Personality,
            SelfTheme = theme,
            SelfVariant = 0,
            Request = RequestJudgement.Accepted,
            Temporal = new TemporalSelf(vad, vad, vad, 1, false),
            Mirror = new SocialMirror(SpeakerImpression.None, null, Resonance(s.Personality)),
            NarrativeVariant = 0,
            Narrator = _narrator,
        };
        s.Levels.CopyTo(parts.Levels);
        s.Snapshot = new AnimaState(parts);
    }

    private AnimaState Step(AgentState s, Stimulus stimulus, Appraisal appraisal, GlandTrigger? trigger)
    {
        var m = default(Moment);
        Perceive(s, stimulus, appraisal, trigger, ref m);
        React(s, stimulus, appraisal, trigger, ref m);
        Feel(s, ref m);
        Become(s, ref m);
        Act(s, appraisal.Speaker, ref m);
        Grow(s, ref m);
        return Snapshot(s, ref m);
    }

    /// <summary>Time and attention: relaxation and decay since the previous experience, tool outcomes, and the appraisal with its salience.</summary>
    private void Perceive(AgentState s, in Stimulus stimulus, in Appraisal appraisal, GlandTrigger? trigger, ref Moment m)
    {
        var personality = s.Personality;
        m.Personality = personality;

        // Time: relax for the elapsed time since the previous experience.
        var now = _time.GetUtcNow();
        var elapsed = now - s.LastTime;
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        m.Now = now;
        _reactor.Relax(s.Levels, _profile, personality, elapsed);
        if (trigger == GlandTrigger.UserMessage)
        {
            s.LastContact = now;
        }

        var decay = Decay(elapsed, now - s.LastContact, personality);
        s.Frustration *= decay.Frustration;
        m.IntentionKeep = decay.Intention;
        m.Longing = decay.Longing;

        // Tool outcomes move frustration (REFERENCE.md §5); a success after a struggle brings relief.
        if (trigger == GlandTrigger.ToolFailure)
        {
            s.Frustration = Math.Min(1, s.Frustration + (FrustrationStep * SoulMatrix.Sensitivity(personality)));
        }
        else if (trigger == GlandTrigger.ToolSuccess)
        {
            m.Relief = s.Frustration >= ReliefThreshold ? s.Frustration : 0;
            s.Frustration = Math.Max(0, (0.5 * s.Frustration) - 0.05);
        }

        // Appraisal: the explicit stimulus, what the message carried, the speaker's feeling taken on, and
        // the moral distress of a refused request.
        m.Request = _veto.JudgeRequest(appraisal.Concerns, _values);
        var speaker = appraisal.Speaker;
        m.Resonance = Resonance(personality);
        double contagion = m.Resonance * speaker.Confidence * 0.3;
        var heard = appraisal.Stimulus;
        Span<double> dims = m.Dims;
        dims[0] = stimulus.Tension + (MessageWeight * heard.Tension) + (contagion * Math.Max(0, -speaker.Valence) * 0.5);
        dims[1] = stimulus.Arousal + (MessageWeight * heard.Arousal) + (contagion * speaker.Arousal);
        dims[2] = stimulus.Satisfaction + (MessageWeight * heard.Satisfaction) + (contagion * speaker.Valence);
        dims[3] = stimulus.Cohesion + (MessageWeight * heard.Cohesion);
        if (m.Request.Verdict == RequestVerdict.Refused)
        {
            dims[0] += 0.25;
            dims[3] -= 0.15;
        }

        // Attention: salience from intensity, novelty and relevance to the current goal; salient
        // experiences land harder (gain 0.6 to 1.1). The appraisal has four dimensions: plain arithmetic
        // beats any vectorised call on spans this short.
        var trend = s.StimulusTrend;
        double norm2 = 0, distance2 = 0;
        for (int j = 0; j < 4; j++)
        {
            dims[j] = Math.Clamp(dims[j], -1, 1);
            norm2 += dims[j] * dims[j];
            double away = dims[j] - trend[j];
            distance2 += away * away;
        }

        double direct = Math.Sqrt(SquaredChannels(stimulus) + SquaredChannels(appraisal.Stimulus));
        double intensity = Math.Min(1, Math.Sqrt(norm2) + direct);
        m.Novelty = Math.Min(1, Math.Sqrt(distance2) * (0.5 + (0.5 * personality.Openness)));
        double relevance = s.Intention is { } goal ? Math.Abs(dims[GoalTraits.Focus(goal.Goal)]) : 0;
        m.Salience = Math.Clamp((0.5 * intensity) + (0.3 * m.Novelty) + (0.2 * relevance), 0, 1);
        for (int j = 0; j < 4; j++)
        {
            trend[j] += 0.2 * (dims[j] - trend[j]);
        }
    }

    /// <summary>L1: the soul matrix turns the appraisal into each channel's response; the reactor and the glands move the levels.</summary>
    private void React(AgentState s, in Stimulus stimulus, in Appraisal appraisal, GlandTrigger? trigger, ref Moment m)
    {
        int n = _profile.Count;
        var levels = s.Levels;
        double gain = 0.6 + (0.5 * m.Salience);
        ReadOnlySpan<double> dims = m.Dims;
        var responseBuffer = default(ChannelNumbers);
        Span<double> response = responseBuffer[..n];
        ReadOnlySpan<double> soul = s.Soul;
        for (int i = 0; i < n; i++)
        {
            var row = soul.Slice(i * 4, 4);
            response[i] = gain * ((row[0] * dims[0]) + (row[1] * dims[1]) + (row[2] * dims[2]) + (row[3] * dims[3]));
        }

        AddDirect(stimulus, response);
        AddDirect(appraisal.Stimulus, response);
        for (int i = 0; i < n; i++)
        {
            response[i] = Math.Clamp(response[i], -1, 1);
        }

        _reactor.Excite(levels, response, _profile, s.Personality);
        if (trigger is { } fired)
        {
            Secrete(levels, _profile.GlandDeltas(fired), 1);
            if (m.Relief > 0)
            {
                Secrete(levels, _profile.GlandDeltas(GlandTrigger.Relief), m.Relief);
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(levels[i]) || levels[i] < 0 || levels[i] > 1)
            {
                throw new InvalidOperationException($"The reactor {_reactor.GetType().Name} left channel '{_profile.Span[i].Name}' at {levels[i]}; levels must stay in [0, 1].");
            }
        }
    }

    /// <summary>L2 and L3: the felt point and its emotions; integration, prediction error and surprise; drives and desires.</summary>
    private void Feel(AgentState s, ref Moment m)
    {
        var levels = s.Levels;
        m.Vad = FeltPoint(levels, s.Temperament);
        m.BlendCount = ReadMap(m.Vad, s.MapOffsets, m.BlendIndices, m.BlendWeights);
        m.Primary = _table.Span[m.BlendIndices[0]];
        m.Intensity = m.Vad.Magnitude / Math.Sqrt(3);

        levels.CopyTo(s.Felt);
        m.Phi = _integration.Compute(s.RecentStates(s.Felt));
        if (!double.IsFinite(m.Phi) || m.Phi < 0 || m.Phi > 1)
        {
            throw new InvalidOperationException($"The integration calculator {_integration.GetType().Name} returned {m.Phi}; φ must be in [0, 1].");
        }

        var outcome = _prediction.Observe(s.Prediction, levels);
        if (!double.IsFinite(outcome.Error) || outcome.Error < 0 || !double.IsFinite(outcome.Surprise))
        {
            throw new InvalidOperationException($"The prediction model {_prediction.GetType().Name} returned {outcome}; the error must be finite and non-negative and the surprise finite.");
        }

        m.Outcome = outcome;
        double deviation = outcome.Surprise - s.SurpriseMean;
        double threshold = 3.5 - (1.5 * s.Personality.Openness);
        m.Spike = s.Count >= 5 && outcome.Error >= 2 && deviation > threshold * Math.Max(Math.Sqrt(s.SurpriseVariance), 0.5);
        s.SurpriseMean += SurpriseRate * deviation;
        s.SurpriseVariance = (1 - SurpriseRate) * (s.SurpriseVariance + (SurpriseRate * deviation * deviation));
        m.Drives = Drives(levels, m.Longing);
        s.DesiresArisen = Desires(m.Drives, s.DesireSlots, ref s.DesiresFelt);
    }

    /// <summary>L4: qualia, phase, temporal self and self-image.</summary>
    private void Become(AgentState s, ref Moment m)
    {
        var levels = s.Levels;
        var slowLevels = s.SlowLevels;
        for (int i = 0; i < slowLevels.Length; i++)
        {
            slowLevels[i] += SlowRate * (levels[i] - slowLevels[i]);
        }

        var vad = m.Vad;
        m.Theme = Biography.Theme(slowLevels, _profile);
        m.Count = s.Count + 1;
        var future = new Vad(
            vad.Valence + (1.5 * (vad.Valence - s.Recent.Valence)),
            vad.Arousal + (1.5 * (vad.Arousal - s.Recent.Arousal)),
            vad.Dominance + (1.5 * (vad.Dominance - s.Recent.Dominance))).Clamp();
        double coherence = Math.Clamp(1 - (((0.75 * s.Past.DistanceTo(vad)) + (0.25 * vad.DistanceTo(future))) / 1.4), 0, 1);
        s.LowCoherenceRun = coherence < 0.35 ? s.LowCoherenceRun + 1 : 0;
        s.Crisis = (s.LowCoherenceRun >= 3 && m.Count >= CrisisMaturity) || (s.Crisis && coherence <= 0.5);
        m.Temporal = new TemporalSelf(s.Past, vad, future, coherence, s.Crisis);
        s.Past = s.Past.Lerp(vad, PastRate);
        s.Recent = s.Recent.Lerp(vad, RecentRate);
        s.Volatility = (0.9 * s.Volatility) + (0.1 * s.LastVad.DistanceTo(vad));
        s.LastVad = vad;
        m.Stability = Math.Clamp((0.6 * coherence) + (0.4 * (1 - Math.Min(1, s.Volatility / 0.3))), 0, 1);
        m.Random = new DeterministicRandom(s.Random);
        m.SelfVariant = m.Random.NextInt(1 << 20);
    }

    /// <summary>L5: the social mirror, the intention under the value veto, dissonance and defense.</summary>
    private void Act(AgentState s, SpeakerImpression speaker, ref Moment m)
    {
        var personality = s.Personality;
        var levels = s.Levels;
        m.Mirror = new SocialMirror(speaker, Perceived(speaker), m.Resonance);
        int bond = _bond;
        double bondDeviation = bond < 0 ? 0 : _profile.Deviation(bond, levels[bond]);
        var situation = new IntentionEngine.Situation(m.Drives, m.Primary, m.Intensity, bondDeviation, m.Mirror, personality, m.Spike, m.IntentionKeep);
        var (intention, veto) = IntentionEngine.Decide(s.Intention, situation, _veto, _values);
        s.Intention = intention;
        m.Veto = veto;

        double dissonance = Dissonance(intention, m.Primary, m.Intensity, veto, m.Request, personality);
        m.Defense = DefenseSelector.Choose(m.Vad, dissonance, m.Primary, m.Spike, veto, m.Request, intention, m.Mirror, personality);
        m.Expressed = Express(m.Primary.Name, s.Felt, personality);
        if (m.Defense is { } chosen)
        {
            // The defense shapes what comes next; this snapshot shows the levels that were felt.
            dissonance = DefenseSelector.Apply(chosen, levels, _profile, dissonance);
        }

        m.Dissonance = dissonance;
    }

    /// <summary>Growth and adaptation: the personality's drift, the soul's learning and the emotion map.</summary>
    private void Grow(AgentState s, ref Moment m)
    {
        var channels = _profile.Span;
        ReadOnlySpan<double> dims = m.Dims;
        var driftBuffer = default(SixteenNumbers);
        Span<double> drift = driftBuffer[..PersonalityGrowth.Traits];
        PersonalityGrowth.Learn(s.Growth, dims, m.Novelty, drift);
        var felt = s.Felt;
        var deviationBuffer = default(ChannelNumbers);
        Span<double> deviations = deviationBuffer[..channels.Length];
        for (int i = 0; i < deviations.Length; i++)
        {
            deviations[i] = felt[i] - channels[i].Baseline;
        }

        SoulMatrix.Learn(s.SoulLearning, dims, deviations, s.SoulBase, s.Soul);
        var grown = PersonalityGrowth.Refresh(_configured, s.Personality, drift, s.GrowthBasis);
        if (!ReferenceEquals(grown, s.Personality))
        {
            s.Personality = grown;
            BuildSoul(s);
        }

        _map.Adapt(m.Vad, _table, m.BlendIndices[0], s.MapOffsets);
    }

    /// <summary>Commits the step's counters and writes the snapshot, straight into it: its parts are copied once.</summary>
    private AnimaState Snapshot(AgentState s, ref Moment m)
    {
        s.Count = m.Count;
        s.LastTime = m.Now;
        int narrativeVariant = m.Random.NextInt(1 << 20);
        s.Random = m.Random.State;

        var snapshot = new AnimaState();
        ref var parts = ref snapshot.Writable;
        parts.ExperienceCount = m.Count;
        parts.Timestamp = m.Now;
        parts.Profile = _profile;
        parts.Vad = m.Vad;
        parts.Primary = m.Primary.Name;
        parts.Expressed = m.Expressed;
        parts.Table = _table;
        parts.BlendIndices = m.BlendIndices;
        parts.BlendWeights = m.BlendWeights;
        parts.BlendCount = m.BlendCount;
        parts.Intensity = m.Intensity;
        parts.Phi = m.Phi;
        parts.PredictionError = m.Outcome.Error;
        parts.Surprise = m.Outcome.Surprise;
        parts.FreeEnergy = s.SurpriseMean;
        parts.SurpriseSpike = m.Spike;
        parts.Drives = m.Drives;
        parts.Spectral = new SpectralQualia(m.Primary.Name, Subtext(m.BlendIndices, m.BlendWeights, m.BlendCount), m.Theme);
        parts.Phase = Biography.Phase(m.Count);
        parts.SelfStability = m.Stability;
        parts.SelfCharacter = s.Past;
        parts.SelfPersonality = m.Personality;
        parts.SelfTheme = m.Theme;
        parts.SelfVariant = m.SelfVariant;
        parts.Intention = s.Intention;
        parts.Veto = m.Veto;
        parts.Request = m.Request;
        parts.Dissonance = m.Dissonance;
        parts.Defense = m.Defense;
        parts.Temporal = m.Temporal;
        parts.Mirror = m.Mirror;
        parts.Salience = m.Salience;
        parts.Frustration = s.Frustration;
        parts.NarrativeVariant = narrativeVariant;
        parts.Narrator = _narrator;
        s.Felt.CopyTo(parts.Levels);
        s.Snapshot = snapshot;
        return snapshot;
    }

    /// <summary>What one experience has found so far, handed from layer to layer.</summary>
    private struct Moment
    {
        public DateTimeOffset Now;
        public double IntentionKeep;
        public double Longing;
        public double Relief;
        public RequestJudgement Request;
        public double Resonance;
        public FourNumbers Dims;
        public double Novelty;
        public double Salience;
        public Vad Vad;
        public BlendIndices BlendIndices;
        public BlendWeights BlendWeights;
        public int BlendCount;
        public EmotionDefinition Primary;
        public double Intensity;
        public double Phi;
        public PredictionOutcome Outcome;
        public bool Spike;
        public Drive[] Drives;
        public ArchivalTheme Theme;
        public long Count;
        public TemporalSelf Temporal;
        public double Stability;
        public DeterministicRandom Random;
        public int SelfVariant;
        public Personality Personality;
        public SocialMirror Mirror;
        public VetoDecision? Veto;
        public double Dissonance;
        public EgoDefense? Defense;
        public string Expressed;
    }

    /// <summary>Adds what glands secrete to the levels, kept in [0, 1].</summary>
    private static void Secrete(Span<double> levels, ReadOnlySpan<double> deltas, double scale)
    {
        for (int i = 0; i < levels.Length; i++)
        {
            levels[i] = Math.Clamp(levels[i] + (scale * deltas[i]), 0, 1);
        }
    }

    /// <summary>Rebuilds the soul matrix's base (each channel's response weights scaled by its personality gain) and the matrix.</summary>
    private void BuildSoul(AgentState s)
    {
        SoulBase(s.Personality, s.SoulBase);
        SoulMatrix.Apply(s.SoulBase, s.SoulLearning, s.Soul);
    }

    private void SoulBase(Personality personality, Span<double> @base)
    {
        var channels = _profile.Span;
        for (int i = 0; i < channels.Length; i++)
        {
            var c = channels[i];
            double gain = c.GainTrait is { } trait ? 1 + ((personality[trait] - 0.5) * c.GainScale) : 1;
            var soul = @base.Slice(i * 4, 4);
            soul[0] = c.Response.Tension * gain;
            soul[1] = c.Response.Arousal * gain;
            soul[2] = c.Response.Satisfaction * gain;
            soul[3] = c.Response.Cohesion * gain;
        }
    }

    /// <summary>
    /// The felt point: each channel's normalised deviation times its affect, plus a quarter of the
    /// personality's temperament, squashed into [−1, 1] by tanh.
    /// </summary>
    private Vad FeltPoint(ReadOnlySpan<double> levels, Vad temperament)
    {
        var channels = _profile.Span;
        double v = TemperamentWeight * temperament.Valence;
        double a = TemperamentWeight * temperament.Arousal;
        double d = TemperamentWeight * temperament.Dominance;
        for (int i = 0; i < channels.Length; i++)
        {
            double dev = _profile.Deviation(i, levels[i]);
            var affect = channels[i].Affect;
            v += dev * affect.Valence;
            a += dev * affect.Arousal;
            d += dev * affect.Dominance;
        }

        return Vad.Tanh(v, a, d);
    }

    private int ReadMap(Vad vad, ReadOnlySpan<Vad> offsets, Span<int> indices, Span<double> weights)
    {
        int count = _map.Read(vad, _table, offsets, indices, weights);
        if (count < 1 || count > indices.Length)
        {
            throw new InvalidOperationException($"The emotion map {_map.GetType().Name} returned {count} emotions; it must return between one and {indices.Length}.");
        }

        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            if ((uint)indices[i] >= (uint)_table.Count || !(weights[i] > 0 && weights[i] <= 1) || (i > 0 && weights[i] > weights[i - 1]))
            {
                throw new InvalidOperationException($"The emotion map {_map.GetType().Name} returned an invalid blend; indices must be in the table and weights in (0, 1], largest first.");
            }

            sum += weights[i];
        }

        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw new InvalidOperationException($"The emotion map {_map.GetType().Name} returned weights summing to {sum}; they must sum to 1.");
        }

        return count;
    }

    private string? Subtext(ReadOnlySpan<int> indices, ReadOnlySpan<double> weights, int count) =>
        count > 1 && weights[1] >= 0.15 ? _table.Span[indices[1]].Name : null;

    private string? Perceived(SpeakerImpression speaker)
    {
        if (speaker.Confidence < 0.15)
        {
            return null;
        }

        var emotions = _table.Span;
        int best = 0;
        double nearest = double.MaxValue;
        for (int i = 0; i < emotions.Length; i++)
        {
            double d = emotions[i].Point.SquaredDistanceTo(speaker.Point);
            if (d < nearest)
            {
                nearest = d;
                best = i;
            }
        }

        return emotions[best].Name;
    }

    private string Express(string primary, ReadOnlySpan<double> levels, Personality personality)
    {
        foreach (var rule in _table.RuleSpan)
        {
            if (rule.Emotion != primary)
            {
                continue;
            }

            if (rule.Trait is { } trait && !Within(personality[trait], rule.TraitBelow, rule.TraitAbove))
            {
                continue;
            }

            if (rule.Role is { } role)
            {
                int i = _profile.IndexOf(role);
                if (i < 0 || !Within(levels[i], rule.RoleBelow, rule.RoleAbove))
                {
                    continue;
                }
            }

            return rule.ShowsAs;
        }

        return primary;

        static bool Within(double value, double? below, double? above) =>
            (below is not { } b || value < b) && (above is not { } a || value > a);
    }

    /// <summary>
    /// Every channel outside its tolerance band, strongest first. Longing for company (see <see cref="Decay"/>)
    /// deepens the bond channel's deficit: from a longing of three tenths it is felt as a need for connection.
    /// </summary>
    private Drive[] Drives(ReadOnlySpan<double> levels, double longing)
    {
        var channels = _profile.Span;
        var strengthBuffer = default(ChannelNumbers);
        Span<double> strengths = strengthBuffer[..channels.Length];
        int bond = _bond;
        double lonely = Math.Clamp((longing - 0.3) / 0.7, 0, 1);
        bool longingWins = false;
        int count = 0;
        for (int i = 0; i < channels.Length; i++)
        {
            var c = channels[i];
            double dev = _profile.Deviation(i, levels[i]);
            Need? need = dev > 0 ? c.ExcessNeed : c.DeficitNeed;
            strengths[i] = need is null ? 0 : Math.Min(1, (Math.Abs(dev) - c.Tolerance) / (1 - c.Tolerance));
            // Longing speaks unless the bond is already more than full (beyond its tolerance band).
            if (i == bond && dev <= c.Tolerance && c.DeficitNeed is not null && lonely > strengths[i])
            {
                strengths[i] = lonely;
                longingWins = true;
            }

            count += strengths[i] > 0 ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var drives = new Drive[count];
        int filled = 0;
        for (int i = 0; i < channels.Length; i++)
        {
            if (strengths[i] <= 0)
            {
                continue;
            }

            var c = channels[i];
            bool excess = levels[i] > c.Baseline && !(i == bond && longingWins);
            var drive = new Drive(c.Name, excess ? DriveDirection.Excess : DriveDirection.Deficit, strengths[i], (excess ? c.ExcessNeed : c.DeficitNeed)!.Value);
            int at = filled++;
            while (at > 0 && drives[at - 1].Strength < drive.Strength)
            {
                drives[at] = drives[at - 1];
                at--;
            }

            drives[at] = drive;
        }

        return drives;
    }

    /// <summary>
    /// What time does, all three exponentials in one vector: the share of frustration and of the intention's
    /// strength kept over <paramref name="elapsed"/> (each halves every ten minutes), and the longing for
    /// company after <paramref name="alone"/> without a word from the user, 1 − exp(−t/τ) with
    /// τ = 4 h × (1.5 − extraversion), so an extravert (0.9) longs after a couple of hours and an introvert
    /// (0.1) only after most of a day.
    /// </summary>
    private static (double Frustration, double Intention, double Longing) Decay(TimeSpan elapsed, TimeSpan alone, Personality personality)
    {
        double lonely = alone <= TimeSpan.Zero ? 0 : alone.TotalHours / (4 * (1.5 - personality.Extraversion));
        var exponents = Vector256.Create(
            -Ln2 * (elapsed / FrustrationHalfLife),
            -Ln2 * (elapsed / IntentionEngine.FadeHalfLife),
            -lonely,
            0);

        // No time, no change: exactly one, whatever the last bit of the vectorised exponential.
        var kept = Vector256.ConditionalSelect(Vector256.Equals(exponents, Vector256<double>.Zero), Vector256<double>.One, Vector256.Exp(exponents));
        return (kept.GetElement(0), kept.GetElement(1), 1 - kept.GetElement(2));
    }

    /// <summary>
    /// Which desires arise now. Each need's pressure follows its drive, smoothed (a tenth of the way each
    /// experience), so a passing jolt is not a desire; a need whose pressure reaches <see cref="DesireArises"/>
    /// arises once, and can arise again only after its pressure has fallen to <see cref="DesireSubsides"/>
    /// (hysteresis, so a need that hovers at the threshold raises no storm of events).
    /// </summary>
    /// <returns>The needs that arose, as bits by <see cref="Need"/>.</returns>
    private static int Desires(Drive[] drives, Span<double> pressure, ref int felt)
    {
        // Sixteen slots, four vectors of four: the slots past the last need stay zero and their bits are masked.
        var nowBuffer = default(SixteenNumbers);
        Span<double> now = nowBuffer;
        foreach (var drive in drives)
        {
            now[(int)drive.Need] = Math.Max(now[(int)drive.Need], drive.Strength);
        }

        int high = 0, low = 0;
        for (int k = 0; k < AgentState.NeedSlots; k += 4)
        {
            var p = Vector256.Create(pressure.Slice(k, 4));
            p += DesireSmoothing * (Vector256.Create(now.Slice(k, 4)) - p);
            p.CopyTo(pressure.Slice(k, 4));
            high |= (int)Vector256.GreaterThanOrEqual(p, Vector256.Create(DesireArises)).ExtractMostSignificantBits() << k;
            low |= (int)Vector256.LessThanOrEqual(p, Vector256.Create(DesireSubsides)).ExtractMostSignificantBits() << k;
        }

        int needs = (1 << AgentState.NeedCount) - 1;
        int arisen = high & ~felt & needs;
        felt = (felt | arisen) & ~(low & needs);
        return arisen;
    }

    private static double Dissonance(Intention? intention, EmotionDefinition primary, double felt, VetoDecision? veto, RequestJudgement request, Personality personality)
    {
        double mismatch = intention is null
            ? 0
            : Math.Abs(GoalTraits.Tendency(intention.Goal) - primary.Tendency) / 2 * Math.Min(1, felt / 0.5) * Math.Sqrt(intention.Strength);
        double vetoed = veto?.Verdict switch
        {
            VetoVerdict.Rewritten => 0.35,
            VetoVerdict.Blocked => 0.5,
            _ => 0,
        };
        double refused = request.Verdict == RequestVerdict.Refused ? 0.2 + (0.3 * personality.Agreeableness) : 0;
        return Math.Clamp((0.6 * mismatch) + vetoed + refused, 0, 1);
    }

    private static double Resonance(Personality personality) => 0.2 + (0.6 * personality.Agreeableness);

    private static double SquaredChannels(Stimulus stimulus)
    {
        double sum = 0;
        foreach (var pair in stimulus.RawChannels.IsDefault ? [] : stimulus.RawChannels)
        {
            sum += pair.Value * pair.Value;
        }

        return sum;
    }

    private void AddDirect(Stimulus stimulus, Span<double> response)
    {
        if (stimulus.RawChannels.IsDefault)
        {
            return;
        }

        foreach (var pair in stimulus.RawChannels)
        {
            response[_profile.IndexOf(pair.Key)] += pair.Value;
        }
    }
}
