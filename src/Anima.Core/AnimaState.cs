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
    private readonly int _narrativeVariant;
    private string? _narrative;

    internal AnimaState(in Parts parts)
    {
        ExperienceCount = parts.ExperienceCount;
        Timestamp = parts.Timestamp;
        Reactors = parts.Reactors;
        Vad = parts.Vad;
        Primary = parts.Primary;
        Expressed = parts.Expressed;
        Blend = parts.Blend;
        Intensity = parts.Intensity;
        Phi = parts.Phi;
        PredictionError = parts.PredictionError;
        Surprise = parts.Surprise;
        FreeEnergy = parts.FreeEnergy;
        SurpriseSpike = parts.SurpriseSpike;
        Drives = parts.Drives;
        Spectral = parts.Spectral;
        Phase = parts.Phase;
        Self = parts.Self;
        Intention = parts.Intention;
        Veto = parts.Veto;
        Request = parts.Request;
        Dissonance = parts.Dissonance;
        Defense = parts.Defense;
        Temporal = parts.Temporal;
        Mirror = parts.Mirror;
        Salience = parts.Salience;
        Frustration = parts.Frustration;
        _narrativeVariant = parts.NarrativeVariant;
    }

    /// <summary>Gets how many experiences the agent had when this snapshot was taken (0 for a new agent).</summary>
    public long ExperienceCount { get; }

    /// <summary>Gets the variant the narrative is composed with, kept so an exported state reads the same.</summary>
    internal int NarrativeVariant => _narrativeVariant;

    /// <summary>Gets the time of the snapshot on the agent's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the level of every reactor channel, in the order of the agent's profile (L1).</summary>
    public IReadOnlyList<ReactorReading> Reactors { get; }

    /// <summary>Gets the felt point in valence-arousal-dominance space (L2).</summary>
    public Vad Vad { get; }

    /// <summary>Gets the primary emotion: the nearest to <see cref="Vad"/> in the agent's adaptive map (L2).</summary>
    public string Primary { get; }

    /// <summary>
    /// Gets how the primary emotion shows after the personality's expression rules (for example fear, with
    /// no bond left, shows as numbness); equal to <see cref="Primary"/> when no rule applies.
    /// </summary>
    public string Expressed { get; }

    /// <summary>Gets the blend: the nearest emotions with weights in (0, 1] that sum to 1, primary first.</summary>
    public IReadOnlyList<EmotionWeight> Blend { get; }

    /// <summary>Gets how intense the feeling is, in [0, 1]: the distance of <see cref="Vad"/> from neutral over √3.</summary>
    public double Intensity { get; }

    /// <summary>Gets φ, the integration of recent reactor states, in [0, 1] (L3); a proxy, not IIT's Φ.</summary>
    public double Phi { get; }

    /// <summary>Gets a word for <see cref="Phi"/>: fragmented, loosely integrated, integrated or highly integrated.</summary>
    public string PhiLabel => Phi switch
    {
        < 0.1 => "fragmented",
        < 0.3 => "loosely integrated",
        < 0.5 => "integrated",
        _ => "highly integrated",
    };

    /// <summary>Gets the precision-weighted prediction error (a z-score; 0 when exactly as expected) (L3).</summary>
    public double PredictionError { get; }

    /// <summary>Gets a word for <see cref="PredictionError"/>: as expected, mildly unexpected, surprising or shocking.</summary>
    public string PredictionErrorLabel => PredictionError switch
    {
        < 1 => "as expected",
        < 2 => "mildly unexpected",
        < 3.5 => "surprising",
        _ => "shocking",
    };

    /// <summary>Gets the Gaussian surprise of this experience in nats, Σ ½·(e²/σ² + ln 2πσ²) (L3).</summary>
    public double Surprise { get; }

    /// <summary>
    /// Gets the free energy: the running average of surprise (rate 0.05), which under the Gaussian model
    /// with exact recognition equals the average surprise that free energy bounds (Friston 2010).
    /// </summary>
    public double FreeEnergy { get; }

    /// <summary>Gets a value indicating whether this experience's surprise spiked far above its running average.</summary>
    public bool SurpriseSpike { get; }

    /// <summary>Gets the homeostatic drives: every channel outside its tolerance band, strongest first (L3).</summary>
    public IReadOnlyList<Drive> Drives { get; }

    /// <summary>Gets the layers of what it is like to be the agent: surface, subtext and archival theme (L4).</summary>
    public SpectralQualia Spectral { get; }

    /// <summary>Gets the agent's phase of existence (L4).</summary>
    public LifePhase Phase { get; }

    /// <summary>Gets the agent's self-image and its stability (L4).</summary>
    public SelfImage Self { get; }

    /// <summary>Gets what the agent intends, after the value veto, or <see langword="null"/> when nothing calls it (L5).</summary>
    public Intention? Intention { get; }

    /// <summary>Gets the value veto of this experience when it rewrote or blocked the intention; otherwise <see langword="null"/> (L5).</summary>
    public VetoDecision? Veto { get; }

    /// <summary>Gets the value system's judgement of the incoming message (L5).</summary>
    public RequestJudgement Request { get; }

    /// <summary>Gets the cognitive dissonance between intention, feeling and values, in [0, 1] (L5).</summary>
    public double Dissonance { get; }

    /// <summary>Gets the ego defense the agent fell back on in this experience, if any (L5).</summary>
    public EgoDefense? Defense { get; }

    /// <summary>Gets the agent's sense of itself over time (L5).</summary>
    public TemporalSelf Temporal { get; }

    /// <summary>Gets the agent's sense of the other person (L5).</summary>
    public SocialMirror Mirror { get; }

    /// <summary>Gets how much this experience caught the agent's attention, in [0, 1] (L5).</summary>
    public double Salience { get; }

    /// <summary>
    /// Gets the agent's frustration with failing tools, in [0, 1]: each failure adds a tenth, each success
    /// takes a twentieth away, and it halves every ten minutes (REFERENCE.md §5, whose 0–100 scale is this × 100).
    /// </summary>
    /// <remarks>It raises the thinking budget of the next chat request and gives the agent an inner voice.</remarks>
    public double Frustration { get; }

    /// <summary>Gets a first-person account of this moment, in words only.</summary>
    public string Narrative => _narrative ??= Narrator.Compose(this, _narrativeVariant);

    /// <summary>Gets the level of a reactor channel by name.</summary>
    /// <param name="channel">The channel name, case-insensitive.</param>
    /// <returns>The level in [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The agent's profile has no such channel.</exception>
    public double GetLevel(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        foreach (var reading in Reactors)
        {
            if (reading.Channel.Equals(channel, StringComparison.OrdinalIgnoreCase))
            {
                return reading.Level;
            }
        }

        throw new KeyNotFoundException($"The agent has no reactor channel named '{channel}'.");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Expressed} ({Primary}) after {ExperienceCount} experiences";

    /// <summary>Everything a snapshot is made of, gathered by the pipeline.</summary>
    internal struct Parts
    {
        public long ExperienceCount;
        public DateTimeOffset Timestamp;
        public ReactorReading[] Reactors;
        public Vad Vad;
        public string Primary;
        public string Expressed;
        public EmotionWeight[] Blend;
        public double Intensity;
        public double Phi;
        public double PredictionError;
        public double Surprise;
        public double FreeEnergy;
        public bool SurpriseSpike;
        public Drive[] Drives;
        public SpectralQualia Spectral;
        public LifePhase Phase;
        public SelfImage Self;
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
    }
}
