using Anima.Numerics;

namespace Anima;

/// <summary>
/// One immutable snapshot of an agent's inner state, as it stood after an experience.
/// </summary>
/// <remarks>
/// <para>
/// A snapshot never changes after it is returned, whatever the agent goes on to experience, and can be
/// read from any thread. The narrative and the self-description are composed in words on first read and
/// then cached; they hold no digits.
/// </para>
/// <para>
/// The layers of the pipeline each leave their mark: the reactors (L1), the emotion (L2), integration,
/// prediction and drives (L3), qualia, phase and self-image (L4), and attention, intention, veto,
/// dissonance, defense, temporal self and social mirror (L5).
/// </para>
/// </remarks>
public sealed class AnimaState
{
    // Everything the pipeline measured, written once before the snapshot is published. The reactor readings, the
    // blend and the self-image are kept as plain numbers and made into objects on first read, so an experience
    // allocates one object for its snapshot instead of four. Two threads racing on a first read may both build
    // one, but only the first is published, and every reader gets that one.
    private Parts _parts;
    private ReactorReading[]? _reactors;
    private EmotionWeight[]? _blend;
    private SelfImage? _self;
    private string? _narrative;

    internal AnimaState(in Parts parts)
    {
        _parts = parts;
    }

    /// <summary>Initializes a snapshot whose parts the pipeline writes through <see cref="Writable"/> before anyone sees it.</summary>
    internal AnimaState()
    {
    }

    /// <summary>Gets the parts for the pipeline to fill in, before the snapshot is published; never after.</summary>
    internal ref Parts Writable => ref _parts;

    /// <summary>Gets how many experiences the agent had when this snapshot was taken (0 for a new agent).</summary>
    public long ExperienceCount => _parts.ExperienceCount;

    /// <summary>Gets the variant the narrative is composed with, kept so an exported state reads the same.</summary>
    internal int NarrativeVariant => _parts.NarrativeVariant;

    /// <summary>Gets the time of the snapshot on the agent's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp => _parts.Timestamp;

    /// <summary>Gets the level of every reactor channel, in the order of the agent's profile (L1).</summary>
    public IReadOnlyList<ReactorReading> Reactors => _reactors ?? Publish(ref _reactors, Readings());

    /// <summary>Gets the felt point in valence-arousal-dominance space (L2).</summary>
    public Vad Vad => _parts.Vad;

    /// <summary>Gets the primary emotion: the nearest to <see cref="Vad"/> in the agent's adaptive map (L2).</summary>
    public string Primary => _parts.Primary;

    /// <summary>
    /// Gets how the primary emotion shows after the personality's expression rules (for example fear, with
    /// no bond left, shows as numbness); equal to <see cref="Primary"/> when no rule applies.
    /// </summary>
    public string Expressed => _parts.Expressed;

    /// <summary>Gets the blend: the nearest emotions with weights in (0, 1] that sum to 1, primary first.</summary>
    public IReadOnlyList<EmotionWeight> Blend => _blend ?? Publish(ref _blend, BlendWeights());

    /// <summary>Gets how intense the feeling is, in [0, 1]: the distance of <see cref="Vad"/> from neutral over √3.</summary>
    public double Intensity => _parts.Intensity;

    /// <summary>The number of experiences φ needs before it says anything.</summary>
    private const int PhiHistory = 8;

    /// <summary>Gets φ, the integration of recent reactor states, in [0, 1] (L3); a proxy, not IIT's Φ.</summary>
    public double Phi => _parts.Phi;

    /// <summary>
    /// Gets a word for <see cref="Phi"/>: "too little history yet" while the agent has lived fewer than the eight
    /// experiences φ needs, then fragmented, loosely integrated, integrated or highly integrated.
    /// </summary>
    public string PhiLabel => ExperienceCount < PhiHistory ? "too little history yet" : Phi switch
    {
        < 0.1 => "fragmented",
        < 0.3 => "loosely integrated",
        < 0.5 => "integrated",
        _ => "highly integrated",
    };

    /// <summary>Gets the precision-weighted prediction error (a z-score; 0 when exactly as expected) (L3).</summary>
    public double PredictionError => _parts.PredictionError;

    /// <summary>Gets a word for <see cref="PredictionError"/>: as expected, mildly unexpected, surprising or shocking.</summary>
    public string PredictionErrorLabel => PredictionError switch
    {
        < 1 => "as expected",
        < 2 => "mildly unexpected",
        < 3.5 => "surprising",
        _ => "shocking",
    };

    /// <summary>Gets the Gaussian surprise of this experience in nats, Σ ½·(e²/σ² + ln 2πσ²) (L3).</summary>
    public double Surprise => _parts.Surprise;

    /// <summary>
    /// Gets the free energy: the running average of surprise (rate 0.05), which under the Gaussian model
    /// with exact recognition equals the average surprise that free energy bounds (Friston 2010).
    /// </summary>
    public double FreeEnergy => _parts.FreeEnergy;

    /// <summary>Gets a value indicating whether this experience's surprise spiked far above its running average.</summary>
    public bool SurpriseSpike => _parts.SurpriseSpike;

    /// <summary>Gets the homeostatic drives: every channel outside its tolerance band, strongest first (L3).</summary>
    public IReadOnlyList<Drive> Drives => _parts.Drives;

    /// <summary>Gets the layers of what it is like to be the agent: surface, subtext and archival theme (L4).</summary>
    public SpectralQualia Spectral => _parts.Spectral;

    /// <summary>Gets the agent's phase of existence (L4).</summary>
    public LifePhase Phase => _parts.Phase;

    /// <summary>Gets the agent's self-image and its stability (L4).</summary>
    public SelfImage Self => _self ?? Publish(ref _self, new SelfImage(_parts.SelfStability, _parts.SelfCharacter, _parts.SelfPersonality, _parts.SelfTheme, _parts.SelfVariant));

    /// <summary>Gets what the agent intends, after the value veto, or <see langword="null"/> when nothing calls it (L5).</summary>
    public Intention? Intention => _parts.Intention;

    /// <summary>Gets the value veto of this experience when it rewrote or blocked the intention; otherwise <see langword="null"/> (L5).</summary>
    public VetoDecision? Veto => _parts.Veto;

    /// <summary>Gets the value system's judgement of the incoming message (L5).</summary>
    public RequestJudgement Request => _parts.Request;

    /// <summary>Gets the cognitive dissonance between intention, feeling and values, in [0, 1] (L5).</summary>
    public double Dissonance => _parts.Dissonance;

    /// <summary>Gets the ego defense the agent fell back on in this experience, if any (L5).</summary>
    public EgoDefense? Defense => _parts.Defense;

    /// <summary>Gets the agent's sense of itself over time (L5).</summary>
    public TemporalSelf Temporal => _parts.Temporal;

    /// <summary>Gets the agent's sense of the other person (L5).</summary>
    public SocialMirror Mirror => _parts.Mirror;

    /// <summary>Gets how much this experience caught the agent's attention, in [0, 1] (L5).</summary>
    public double Salience => _parts.Salience;

    /// <summary>
    /// Gets the agent's frustration with failing tools, in [0, 1]: each failure adds a tenth, each success
    /// takes a twentieth away, and it halves every ten minutes (REFERENCE.md §5, whose 0–100 scale is this × 100).
    /// </summary>
    /// <remarks>It raises the thinking budget of the next chat request and gives the agent an inner voice.</remarks>
    public double Frustration => _parts.Frustration;

    /// <summary>Gets a first-person account of this moment, in words only.</summary>
    /// <remarks>Composed by the agent's <see cref="INarrator"/> on first read, then cached.</remarks>
    /// <exception cref="InvalidOperationException">A custom narrator returned nothing, or a text with a digit.</exception>
    public string Narrative => _narrative ?? Publish(ref _narrative, Narrate());

    /// <summary>Gets the level of a reactor channel by name.</summary>
    /// <param name="channel">The channel name, case-insensitive.</param>
    /// <returns>The level in [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The agent's profile has no such channel.</exception>
    public double GetLevel(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        int i = _parts.Profile.IndexOf(channel);
        return i >= 0 ? _parts.Levels[i] : throw new KeyNotFoundException($"The agent has no reactor channel named '{channel}'.");
    }

    /// <summary>Gets the self-image's stability without building <see cref="Self"/>.</summary>
    internal double SelfStability => _parts.SelfStability;

    private static T Publish<T>(ref T? field, T value)
        where T : class =>
        Interlocked.CompareExchange(ref field, value, null) ?? value;

    private string Narrate()
    {
        var narrator = _parts.Narrator;
        string? text = narrator.Narrate(this);
        if (string.IsNullOrWhiteSpace(text) || text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            throw new InvalidOperationException($"The narrator {narrator.GetType().Name} returned {(text is null ? "null" : $"\"{text}\"")}; a narrative must be words, with no digit.");
        }

        return text;
    }

    private ReactorReading[] Readings()
    {
        var channels = _parts.Profile.Span;
        var readings = new ReactorReading[channels.Length];
        for (int i = 0; i < readings.Length; i++)
        {
            readings[i] = new ReactorReading(channels[i].Name, _parts.Levels[i], channels[i].Baseline);
        }

        return readings;
    }

    private EmotionWeight[] BlendWeights()
    {
        var emotions = _parts.Table.Span;
        var blend = new EmotionWeight[_parts.BlendCount];
        for (int i = 0; i < blend.Length; i++)
        {
            blend[i] = new EmotionWeight(emotions[_parts.BlendIndices[i]].Name, _parts.BlendWeights[i]);
        }

        return blend;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Expressed} ({Primary}) after {ExperienceCount} experiences";

    /// <summary>Everything a snapshot is made of, gathered by the pipeline.</summary>
    internal struct Parts
    {
        public long ExperienceCount;
        public DateTimeOffset Timestamp;

        /// <summary>The profile the levels belong to: the readings' names and baselines.</summary>
        public ChannelProfile Profile;
        public ChannelNumbers Levels;
        public Vad Vad;
        public string Primary;
        public string Expressed;

        /// <summary>The table the blend's indices point into.</summary>
        public EmotionTable Table;
        public BlendIndices BlendIndices;
        public BlendWeights BlendWeights;
        public int BlendCount;
        public double Intensity;
        public double Phi;
        public double PredictionError;
        public double Surprise;
        public double FreeEnergy;
        public bool SurpriseSpike;
        public Drive[] Drives;
        public SpectralQualia Spectral;
        public LifePhase Phase;
        public double SelfStability;
        public Vad SelfCharacter;
        public Personality SelfPersonality;
        public ArchivalTheme SelfTheme;
        public int SelfVariant;
        public Intention? Intention;
        public VetoDecision? Veto;
        public RequestJudgement Request;
        public double Dissonance;
        public EgoDefense? Defense;
        public TemporalSelf Temporal;
        public SocialMirror Mirror;
        public double Salience;
        public double Frustration;
        public int NarrativeVariant;

        /// <summary>Who tells the narrative.</summary>
        public INarrator Narrator;
    }
}
