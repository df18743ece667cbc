using System.Globalization;
using Anima.Agency;
using Anima.Character;
using Anima.Emotions;
using Anima.Identity;
using Anima.Metrics;
using Anima.Numerics;
using Anima.Reactors;
using Anima.Snapshot;
using Anima.StateModel;
using Anima.Stimuli;

namespace Anima.Engine;

/// <summary>
/// The experience pipeline of SPEC.md: it owns one instance of each layer, the layout of the agent's state that
/// they share, and runs them in order — appraisal and attention, reactors, emotion, metrics, identity, agency,
/// growth — into one immutable snapshot. It holds no state of its own between experiences: everything is in the
/// <see cref="AgentState"/> it is handed.
/// </summary>
internal sealed partial class Pipeline
{
    private readonly ChannelProfile _profile;
    private readonly TimeProvider _time;
    private readonly int _seed;
    private readonly INarrator _narrator;
    private readonly IPersonalityModel _personalityModel;
    private readonly StateLayout _layout = new();
    private readonly Life _life;
    private readonly AttentionLayer _attention;
    private readonly GrowthLayer _growth;
    private readonly ReactorLayer _reactors;
    private readonly EmotionLayer _emotions;
    private readonly MetricsLayer _metrics;
    private readonly IdentityLayer _identity;
    private readonly AgencyLayer _agency;
    private readonly SnapshotSection _snapshot;

    public Pipeline(EngineSetup setup)
    {
        _profile = setup.Profile;
        _time = setup.Time;
        _seed = setup.Seed;
        _narrator = setup.Narrator;
        _personalityModel = setup.PersonalityModel;
        _life = new Life(_layout);
        _attention = new AttentionLayer(_layout, setup.Appraiser);
        _reactors = new ReactorLayer(_layout, setup.Profile, setup.Reactor, setup.PersonalityModel);
        _growth = new GrowthLayer(_layout, setup.Personality, setup.PersonalityModel);
        _emotions = new EmotionLayer(_layout, setup.Profile, setup.Emotions, setup.EmotionMap);
        _metrics = new MetricsLayer(_layout, setup.Profile, setup.Integration, setup.Prediction);
        _identity = new IdentityLayer(_layout, setup.Profile);
        _agency = new AgencyLayer(_layout, setup.Profile, setup.Veto, setup.Values, setup.EgoDefense);
        _snapshot = new SnapshotSection(_layout, setup.Profile, _emotions, setup.Narrator);

        // The order of the agent document's sections; each layer writes and reads its own.
        Sections = [_life, _attention, _reactors, _growth, _emotions, _metrics, _identity, _agency, _snapshot];
    }

    /// <summary>Gets the sections of the inner state, in document order.</summary>
    public IReadOnlyList<IStateSection> Sections { get; }

    /// <summary>Gets the personality the agent was built with.</summary>
    public Personality Configured => _growth.Configured;

    /// <summary>Makes a state of this pipeline's layout, every slot empty; <see cref="Reset"/> or an import fills it.</summary>
    public AgentState NewState() => _layout.Create();

    /// <summary>Gets the snapshot of the latest experience in a state.</summary>
    public AnimaState Snapshot(AgentState s) => _snapshot.Get(s);

    /// <summary>The table's own instance of an emotion's name, or null when the table has no such emotion.</summary>
    public string? EmotionNamed(string? name) => _emotions.Named(name);

    /// <summary>Gets the personality now.</summary>
    public Personality Personality(AgentState s) => _growth.Personality(s);

    /// <summary>Gets each need's smoothed pressure.</summary>
    public ReadOnlySpan<double> DesirePressure(AgentState s) => _metrics.DesirePressure(s);

    /// <summary>Gets the soul matrix as it is now.</summary>
    public SoulMatrix Soul(AgentState s) => _reactors.Matrix(s, _growth.Personality(s));

    /// <summary>Reports how the personality and the soul have grown.</summary>
    public GrowthReport GrowthReport(AgentState s) => _growth.Report(s, _life.Count(s), _reactors.Growth(s, _growth.Configured));

    /// <summary>Appends the felt state of a step that has succeeded to the window of recent states.</summary>
    public void Commit(AgentState s) => _metrics.Commit(s, _reactors.Felt(s));

    /// <summary>
    /// Returns a state to the agent as it was built: reactors at baseline, nothing measured, no intention, no growth,
    /// the map unadapted, the count zero, the random source seeded, the clock read anew.
    /// </summary>
    public void Reset(AgentState s)
    {
        s.Clear();
        var now = _time.GetUtcNow();
        _life.Reset(s, now, _seed);
        _attention.Reset(s);
        _growth.Reset(s);
        var personality = _growth.Personality(s);
        _reactors.Reset(s, now, personality);
        _emotions.Reset(s);
        var levels = _reactors.Levels(s);
        _metrics.Reset(s, levels);
        var vad = _emotions.FeltPoint(levels, _growth.Temperament(s));
        _identity.Reset(s, vad);
        _agency.Reset(s);

        var blendIndices = default(BlendIndices);
        var blendWeights = default(BlendWeights);
        Span<int> indices = blendIndices;
        Span<double> weights = blendWeights;
        int count = _emotions.Read(vad, s, indices, weights);
        var primary = _emotions.Table.Span[indices[0]];
        var theme = _identity.Theme(s);
        var parts = new AnimaState.Parts
        {
            ExperienceCount = 0,
            Timestamp = now,
            Profile = _profile,
            Vad = vad,
            Primary = primary.Name,
            Expressed = _emotions.Express(primary.Name, levels, personality),
            Table = _emotions.Table,
            BlendIndices = blendIndices,
            BlendWeights = blendWeights,
            BlendCount = count,
            Intensity = vad.Magnitude / Math.Sqrt(3),
            Drives = [],
            Spectral = new SpectralQualia(primary.Name, _emotions.Subtext(indices, weights, count), theme),
            Phase = Biography.Phase(0),
            SelfStability = 1,
            SelfCharacter = vad,
            SelfPersonality = personality,
            SelfTheme = theme,
            SelfVariant = 0,
            Request = RequestJudgement.Accepted,
            Temporal = new TemporalSelf(vad, vad, vad, 1, false),
            Mirror = new SocialMirror(SpeakerImpression.None, null, AgencyLayer.Resonance(personality)),
            NarrativeVariant = 0,
            Narrator = _narrator,
        };
        levels.CopyTo(parts.Levels);
        _snapshot.Set(s, new AnimaState(parts));
    }

    /// <summary>Checks what the sections of an imported state say of each other, and derives what they do not hold.</summary>
    /// <exception cref="InvalidDataException">The sections disagree; the message says how.</exception>
    public void Restored(AgentState s)
    {
        long count = _life.Count(s);
        long snapshotCount = _snapshot.Get(s).ExperienceCount;
        if (snapshotCount != count)
        {
            throw SectionReader.Refuse(string.Create(CultureInfo.InvariantCulture, $"snapshot.experienceCount is {snapshotCount} but count is {count}"));
        }

        // The soul's base follows from the personality now; the soul itself was read as it was.
        _reactors.BaseFor(_growth.Personality(s), _reactors.SoulBase(s));
    }

    /// <summary>Checks a stimulus and appraises the message that came with it, if any (null or empty for none).</summary>
    /// <exception cref="ArgumentException">The stimulus names a channel the profile does not have.</exception>
    /// <exception cref="InvalidOperationException">The appraiser heard a channel the profile does not have.</exception>
    public Appraisal Hear(in Stimulus stimulus, string? message)
    {
        Check(stimulus, nameof(stimulus));
        var appraisal = _attention.Appraise(message);
        foreach (var pair in appraisal.Stimulus.RawChannels.IsDefault ? [] : appraisal.Stimulus.RawChannels)
        {
            if (_profile.IndexOf(pair.Key) < 0)
            {
                throw new InvalidOperationException($"The appraiser {_attention.AppraiserName} heard channel '{pair.Key}', which profile '{_profile.Name}' does not have.");
            }
        }

        return appraisal;
    }

    /// <summary>Checks that a stimulus names only channels of the profile.</summary>
    /// <exception cref="ArgumentException">A channel is unknown; the message names it and its value.</exception>
    public void Check(in Stimulus stimulus, string parameter)
    {
        foreach (var pair in stimulus.RawChannels.IsDefault ? [] : stimulus.RawChannels)
        {
            if (_profile.IndexOf(pair.Key) < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Stimulus channel '{pair.Key}' (value {pair.Value}) is not a channel of profile '{_profile.Name}'."),
                    parameter);
            }
        }
    }
}
