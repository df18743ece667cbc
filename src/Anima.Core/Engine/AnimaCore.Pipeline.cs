using System.Runtime.Intrinsics;

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
        var theme = Identity.Theme(s.SlowLevels, _profile);
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
            Phase = Identity.Phase(0),
            SelfStability = 1,
            SelfCharacter = vad,
            SelfPersonality = s.Personality,
            SelfTheme = theme,
            SelfVariant = 0,
            Request = RequestJudgement.Accepted,
            Temporal = new TemporalSelf(vad, vad, vad, 1, false),
            Mirror = new SocialMirror(SpeakerImpression.None, null, Resonance(s.Personality)),
            NarrativeVariant = 0,
        };
        s.Levels.CopyTo(parts.Levels);
        s.Snapshot = new AnimaState(parts);
    }

    private AnimaState Step(AgentState s, Stimulus stimulus, Appraisal appraisal, GlandTrigger? trigger)
    {
        var personality = s.Personality;
        var channels = _profile.Span;
        int n = channels.Length;

        // The agent's numbers, viewed once.
        var levels = s.Levels;
        var feltLevels = s.Felt;
        var slowLevels = s.SlowLevels;

        // Time: relax for the elapsed time since the previous experience.
        var now = _time.GetUtcNow();
        var elapsed = now - s.LastTime;
        if (elapsed < TimeSpan.Zero)
        {
            elapsed = TimeSpan.Zero;
        }

        _reactor.Relax(levels, _profile, personality, elapsed);
        if (trigger == GlandTrigger.UserMessage)
        {
            s.LastContact = now;
        }

        var decay = Decay(elapsed, now - s.LastContact, personality);
        s.Frustration *= decay.Frustration;

        // Tool outcomes move frustration (REFERENCE.md §5); a success after a struggle brings relief.
        double relief = 0;
        if (trigger == GlandTrigger.ToolFailure)
        {
            s.Frustration = Math.Min(1, s.Frustration + (FrustrationStep * SoulMatrix.Sensitivity(personality)));
        }
        else if (trigger == GlandTrigger.ToolSuccess)
        {
            relief = s.Frustration >= ReliefThreshold ? s.Frustration : 0;
            s.Frustration = Math.Max(0, (0.5 * s.Frustration) - 0.05);
        }

        // Appraisal: the explicit stimulus, what the message carried, the speaker's feeling taken on, and
        // the moral distress of a refused request.
        var request = _veto.JudgeRequest(appraisal.Concerns, _values);
        var speaker = appraisal.Speaker;
        double resonance = Resonance(personality);
        double contagion = resonance * speaker.Confidence * 0.3;
        var heard = appraisal.Stimulus;
        Span<double> dims =
        [
            stimulus.Tension + (MessageWeight * heard.Tension) + (contagion * Math.Max(0, -speaker.Valence) * 0.5),
            stimulus.Arousal + (MessageWeight * heard.Arousal) + (contagion * speaker.Arousal),
            stimulus.Satisfaction + (MessageWeight * heard.Satisfaction) + (contagion * speaker.Valence),
            stimulus.Cohesion + (MessageWeight * heard.Cohesion),
        ];
        if (request.Verdict == RequestVerdict.Refused)
        {
            dims[0] += 0.25;
            dims[3] -= 0.15;
        }

        for (int j = 0; j < 4; j++)
        {
            dims[j] = Math.Clamp(dims[j], -1, 1);
        }

        // Attention: salience from intensity, novelty and relevance to the current goal; salient
        // experiences land harder (gain 0.6 to 1.1).
        // The appraisal has four dimensions: plain arithmetic beats any vectorised call on spans this short.
        var trend = s.StimulusTrend;
        double norm2 = 0, distance2 = 0;
        for (int j = 0; j < 4; j++)
        {
            norm2 += dims[j] * dims[j];
            double away = dims[j] - trend[j];
            distance2 += away * away;
        }

        double direct = Math.Sqrt(SquaredChannels(stimulus) + SquaredChannels(appraisal.Stimulus));
        double intensity = Math.Min(1, Math.Sqrt(norm2) + direct);
        double novelty = Math.Min(1, Math.Sqrt(distance2) * (0.5 + (0.5 * personality.Openness)));
        double relevance = s.Intention is { } goal ? Math.Abs(dims[GoalTraits.Focus(goal.Goal)]) : 0;
        double salience = Math.Clamp((0.5 * intensity) + (0.3 * novelty) + (0.2 * relevance), 0, 1);
        double gain = 0.6 + (0.5 * salience);
        for (int j = 0; j < 4; j++)
        {
            trend[j] += 0.2 * (dims[j] - trend[j]);
        }

        // L1: the soul matrix turns the appraisal into each channel's response.
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

        _reactor.Excite(levels, response, _profile, personality);
        if (trigger is { } fired)
        {
            Secrete(levels, _profile.GlandDeltas(fired), 1);
            if (relief > 0)
            {
                Secrete(levels, _profile.GlandDeltas(GlandTrigger.Relief), relief);
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(levels[i]) || levels[i] < 0 || levels[i] > 1)
            {
                throw new InvalidOperationException($"The reactor {_reactor.GetType().Name} left channel '{channels[i].Name}' at {levels[i]}; levels must stay in [0, 1].");
            }
        }

        // L2: the felt point, the nearest emotions, and how they show.
        var vad = FeltPoint(levels, s.Temperament);
        var blendIndices = default(BlendIndices);
        var blendWeights = default(BlendWeights);
        Span<int> indices = blendIndices;
        Span<double> weights = blendWeights;
        int blendCount = ReadMap(vad, s.MapOffsets, indices, weights);
        var primary = _table.Span[indices[0]];
        double felt = vad.Magnitude / Math.Sqrt(3);

        // L3: integration over the recent window, prediction error and surprise, drives.
        levels.CopyTo(feltLevels);
        double phi = _integration.Compute(s.RecentStates(feltLevels));
        if (!double.IsFinite(phi) || phi < 0 || phi > 1)
        {
            throw new InvalidOperationException($"The integration calculator {_integration.GetType().Name} returned {phi}; φ must be in [0, 1].");
        }

        var outcome = _prediction.Observe(s.Prediction, levels);
        if (!double.IsFinite(outcome.Error) || outcome.Error < 0 || !double.IsFinite(outcome.Surprise))
        {
            throw new InvalidOperationException($"The prediction model {_prediction.GetType().Name} returned {outcome}; the error must be finite and non-negative and the surprise finite.");
        }

        double deviation = outcome.Surprise - s.SurpriseMean;
        double threshold = 3.5 - (1.5 * personality.Openness);
        bool spike = s.Count >= 5 && outcome.Error >= 2 && deviation > threshold * Math.Max(Math.Sqrt(s.SurpriseVariance), 0.5);
        s.SurpriseMean += SurpriseRate * deviation;
        s.SurpriseVariance = (1 - SurpriseRate) * (s.SurpriseVariance + (SurpriseRate * deviation * deviation));
        var drives = Drives(levels, decay.Longing);
        s.DesiresArisen = Desires(drives, s.DesireSlots, ref s.DesiresFelt);

        // L4: qualia, phase, temporal self and self-image.
        for (int i = 0; i < n; i++)
        {
            slowLevels[i] += SlowRate * (levels[i] - slowLevels[i]);
        }

        var theme = Identity.Theme(slowLevels, _profile);
        var spectral = new SpectralQualia(primary.Name, Subtext(indices, weights, blendCount), theme);
        long count = s.Count + 1;
        var future = new Vad(
            vad.Valence + (1.5 * (vad.Valence - s.Recent.Valence)),
            vad.Arousal + (1.5 * (vad.Arousal - s.Recent.Arousal)),
            vad.Dominance + (1.5 * (vad.Dominance - s.Recent.Dominance))).Clamp();
        double coherence = Math.Clamp(1 - (((0.75 * s.Past.DistanceTo(vad)) + (0.25 * vad.DistanceTo(future))) / 1.4), 0, 1);
        s.LowCoherenceRun = coherence < 0.35 ? s.LowCoherenceRun + 1 : 0;
        s.Crisis = (s.LowCoherenceRun >= 3 && count >= CrisisMaturity) || (s.Crisis && coherence <= 0.5);
        var temporal = new TemporalSelf(s.Past, vad, future, coherence, s.Crisis);
        s.Past = s.Past.Lerp(vad, PastRate);
        s.Recent = s.Recent.Lerp(vad, RecentRate);
        s.Volatility = (0.9 * s.Volatility) + (0.1 * s.LastVad.DistanceTo(vad));
        s.LastVad = vad;
        double stability = Math.Clamp((0.6 * coherence) + (0.4 * (1 - Math.Min(1, s.Volatility / 0.3))), 0, 1);
        var random = new DeterministicRandom(s.Random);
        var character = s.Past;
        int selfVariant = random.NextInt(1 << 20);

        // L5: the social mirror, the intention under the value veto, dissonance and defense.
        var mirror = new SocialMirror(speaker, Perceived(speaker), resonance);
        int bond = _bond;
        double bondDeviation = bond < 0 ? 0 : Identity.Deviation(levels[bond], channels[bond].Baseline);
        var situation = new IntentionEngine.Situation(drives, primary, felt, bondDeviation, mirror, personality, spike, decay.Intention);
        var (intention, veto) = IntentionEngine.Decide(s.Intention, situation, _veto, _values);
        s.Intention = intention;

        double dissonance = Dissonance(intention, primary, felt, veto, request, personality);
        var defense = DefenseSelector.Choose(vad, dissonance, primary, spike, veto, request, intention, mirror, personality);
        string expressed = Express(primary.Name, feltLevels, personality);
        if (defense is { } chosen)
        {
            // The defense shapes what comes next; this snapshot shows the levels that were felt.
            dissonance = DefenseSelector.Apply(chosen, levels, _profile, dissonance);
        }

        // Growth and adaptation.
        var driftBuffer = default(SixteenNumbers);
        Span<double> drift = driftBuffer[..PersonalityGrowth.Traits];
        PersonalityGrowth.Learn(s.Growth, dims, novelty, drift);
        var deviationBuffer = default(ChannelNumbers);
        Span<double> deviations = deviationBuffer[..n];
        for (int i = 0; i < n; i++)
        {
            deviations[i] = feltLevels[i] - channels[i].Baseline;
        }

        SoulMatrix.Learn(s.SoulLearning, dims, deviations, s.SoulBase, s.Soul);
        var grown = PersonalityGrowth.Refresh(_configured, s.Personality, drift, s.GrowthBasis);
        if (!ReferenceEquals(grown, s.Personality))
        {
            s.Personality = grown;
            BuildSoul(s);
        }

        _map.Adapt(vad, _table, indices[0], s.MapOffsets);
        s.Count = count;
        s.LastTime = now;
        int narrativeVariant = random.NextInt(1 << 20);
        s.Random = random.State;

        // Written straight into the new snapshot: the parts are copied once, not built aside and copied in.
        var snapshot = new AnimaState();
        ref var parts = ref snapshot.Writable;
        parts.ExperienceCount = count;
        parts.Timestamp = now;
        parts.Profile = _profile;
        parts.Vad = vad;
        parts.Primary = primary.Name;
        parts.Expressed = expressed;
        parts.Table = _table;
        parts.BlendIndices = blendIndices;
        parts.BlendWeights = blendWeights;
        parts.BlendCount = blendCount;
        parts.Intensity = felt;
        parts.Phi = phi;
        parts.PredictionError = outcome.Error;
        parts.Surprise = outcome.Surprise;
        parts.FreeEnergy = s.SurpriseMean;
        parts.SurpriseSpike = spike;
        parts.Drives = drives;
        parts.Spectral = spectral;
        parts.Phase = Identity.Phase(count);
        parts.SelfStability = stability;
        parts.SelfCharacter = character;
        parts.SelfPersonality = personality;
        parts.SelfTheme = theme;
        parts.SelfVariant = selfVariant;
        parts.Intention = intention;
        parts.Veto = veto;
        parts.Request = request;
        parts.Dissonance = dissonance;
        parts.Defense = defense;
        parts.Temporal = temporal;
        parts.Mirror = mirror;
        parts.Salience = salience;
        parts.Frustration = s.Frustration;
        parts.NarrativeVariant = narrativeVariant;
        feltLevels.CopyTo(parts.Levels);
        s.Snapshot = snapshot;
        return s.Snapshot;
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
            double dev = Identity.Deviation(levels[i], channels[i].Baseline);
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
            double dev = Identity.Deviation(levels[i], c.Baseline);
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
