using System.Globalization;
using System.Security.Cryptography;
using Anima.Agency;
using Anima.Character;
using Anima.Diagnostics;
using Anima.Emotions;
using Anima.Engine;
using Anima.Metrics;
using Anima.Narration;
using Anima.Reactors;
using Anima.Stimuli;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>
/// An agent with a computational inner life. Each <see cref="Experience"/> moves its reactors, which time
/// relaxes; the state becomes an emotion, is measured (integration, prediction error, drives), and gives
/// rise to a sense of self, an intention under a value veto, dissonance and defenses.
/// </summary>
/// <remarks>
/// <para>
/// All members are thread-safe. Each experience is atomic: concurrent calls are serialised, none is lost,
/// and each returns a consistent, immutable <see cref="AnimaState"/>. An experience is computed on a copy of
/// the agent and committed only when every layer has succeeded, so invalid input or a failing custom layer
/// leaves the agent exactly as it was.
/// </para>
/// <para>The agent writes nothing to the console and keeps no static mutable state.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "The conversation's SemaphoreSlim never creates its wait handle, so it holds nothing to dispose.")]
public sealed partial class AnimaCore
{
    private const int BlendSize = 3;

    private readonly Lock _gate = new();
    private readonly Personality _configured;
    private readonly ValueSystem _values;
    private readonly ChannelProfile _profile;
    private readonly EmotionTable _table;
    private readonly TimeProvider _time;
    private readonly IStimulusAppraiser _appraiser;
    private readonly IReactor _reactor;
    private readonly IEmotionMap _map;
    private readonly IIntegrationCalculator _integration;
    private readonly IPredictionModel _prediction;
    private readonly IValueSystem _veto;
    private readonly INarrator _narrator;

    /// <summary>The index of the profile's bond channel, or −1.</summary>
    private readonly int _bond;
    private AgentState _state;
    private AgentState _scratch;
    private volatile AnimaState _snapshot;

    /// <summary>Initializes a new agent.</summary>
    /// <param name="options">Who the agent is and which layers serve it.</param>
    /// <param name="chatClient">The chat client the agent speaks through, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or one of its required properties is null.</exception>
    public AnimaCore(AnimaOptions options, IChatClient? chatClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Personality, "options.Personality");
        ArgumentNullException.ThrowIfNull(options.Values, "options.Values");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        ArgumentNullException.ThrowIfNull(options.Profile, "options.Profile");
        ArgumentNullException.ThrowIfNull(options.Emotions, "options.Emotions");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HistoryTokenBudget, 1, "options.HistoryTokenBudget");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BaseOutputTokens, 1, "options.BaseOutputTokens");

        _configured = options.Personality;
        _values = options.Values;
        _profile = options.Profile;
        _table = options.Emotions;
        _bond = _profile.IndexOf(ChannelRole.Bond);
        _time = options.TimeProvider;
        _appraiser = options.Appraiser ?? EnglishStimulusAppraiser.Instance;
        _reactor = options.Reactor ?? HalfLifeReactor.Instance;
        _map = options.EmotionMap ?? AdaptiveEmotionMap.Instance;
        _integration = options.Integration ?? GaussianIntegrationCalculator.Instance;
        _prediction = options.Prediction ?? GaussianPredictionModel.Instance;
        _veto = options.Veto ?? ValueVeto.Instance;
        _narrator = options.Narrator ?? PhrasebookNarrator.Instance;
        _serializer = options.PromptSerializer ?? StatePrompt.Default;
        _instructions = options.Instructions;
        _historyBudget = options.HistoryTokenBudget;
        _baseOutputTokens = options.BaseOutputTokens;
        _memoryOptions = options.MemoryOptions ?? new MemoryOptions();
        _memoryOptions.Validate();
        Memory = options.Memory ?? new EmotionalMemoryBank(_memoryOptions);
        _embeddings = options.Embeddings ?? new HashingEmbeddingGenerator();
        _logger = options.LoggerFactory?.CreateLogger(AnimaTelemetry.Name) ?? (Microsoft.Extensions.Logging.ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        ChatClient = chatClient;
        Seed = options.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);

        int predictionLength = _prediction.StateLength(_profile.Count);
        if (predictionLength < 0)
        {
            throw new ArgumentException($"The prediction model asked for a negative state length ({predictionLength}).", nameof(options));
        }

        var history = new double[AgentState.HistorySize(_profile.Count)];
        _state = new AgentState(_profile.Count, predictionLength, _table.Count, history);
        _scratch = new AgentState(_profile.Count, predictionLength, _table.Count, history);
        Initialize(_state);
        _snapshot = _state.Snapshot;
    }

    /// <summary>Gets the seed of this agent's randomness: <see cref="AnimaOptions.Seed"/>, or the one drawn when it was null.</summary>
    public int Seed { get; }

    /// <summary>Gets the chat client this agent speaks through, if one was given.</summary>
    public IChatClient? ChatClient { get; }

    /// <summary>Gets the agent's channel profile.</summary>
    public ChannelProfile Profile => _profile;

    /// <summary>Gets the agent's emotion table.</summary>
    public EmotionTable Emotions => _table;

    /// <summary>Gets the agent's values.</summary>
    public ValueSystem Values => _values;

    /// <summary>Gets the personality the agent was built with.</summary>
    public Personality ConfiguredPersonality => _configured;

    /// <summary>Gets the agent's personality now, after growth with experience (see <see cref="GetGrowthReport"/>).</summary>
    public Personality Personality
    {
        get
        {
            lock (_gate)
            {
                return _state.Personality;
            }
        }
    }

    /// <summary>Gets the snapshot of the latest experience (or of the agent at rest, before any).</summary>
    public AnimaState State => _snapshot;

    /// <summary>
    /// Lets the agent experience a stimulus, with the message that carried it if there was one.
    /// </summary>
    /// <param name="stimulus">What happened, as deltas over channels. Pass <c>default</c> to let the message alone speak.</param>
    /// <param name="message">The text that came with it, appraised by the agent's <see cref="IStimulusAppraiser"/>; optional.</param>
    /// <returns>The agent's state after the experience.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="stimulus"/> names a channel the agent's profile does not have; the message names the
    /// channel and the value, and the agent is unchanged.
    /// </exception>
    /// <exception cref="InvalidOperationException">A custom layer returned a value outside its contract; the agent is unchanged.</exception>
    public AnimaState Experience(Stimulus stimulus, string? message = null)
    {
        ValidateChannels(stimulus, nameof(stimulus));
        var appraisal = string.IsNullOrEmpty(message) ? Appraisal.Empty : _appraiser.Appraise(message);
        ValidateChannels(appraisal.Stimulus, nameof(message));
        return Commit(stimulus, appraisal, null);
    }

    /// <summary>
    /// Lets the agent experience the outcome of a tool it used. A failure stings (tension up, satisfaction down),
    /// sets off the profile's <see cref="GlandTrigger.ToolFailure"/> glands and adds a tenth to
    /// <see cref="AnimaState.Frustration"/>, scaled by how easily this soul is frustrated
    /// (<see cref="SoulMatrix.FrustrationSensitivity"/>). A success satisfies a little, sets off the
    /// <see cref="GlandTrigger.ToolSuccess"/> glands, halves frustration and takes a further twentieth away; when
    /// it ends a struggle (frustration of at least a tenth), the <see cref="GlandTrigger.Relief"/> glands answer
    /// in proportion to the frustration that was felt.
    /// </summary>
    /// <param name="succeeded">Whether the tool did what was asked.</param>
    /// <returns>The agent's state after the experience.</returns>
    /// <remarks><see cref="AnimaChatClient"/> calls this for every tool result it sees.</remarks>
    public AnimaState ExperienceToolResult(bool succeeded) => succeeded
        ? Commit(new Stimulus { Satisfaction = 0.15, Tension = -0.1 }, Appraisal.Empty, GlandTrigger.ToolSuccess)
        : Commit(new Stimulus { Tension = 0.25, Arousal = 0.15, Satisfaction = -0.3 }, Appraisal.Empty, GlandTrigger.ToolFailure);

    /// <summary>Experiences a message the user said: the appraisal, and the profile's <see cref="GlandTrigger.UserMessage"/> glands.</summary>
    internal AnimaState ExperienceUserMessage(Stimulus stimulus, string message)
    {
        ValidateChannels(stimulus, nameof(stimulus));
        var appraisal = _appraiser.Appraise(message);
        ValidateChannels(appraisal.Stimulus, nameof(message));
        return Commit(stimulus, appraisal, GlandTrigger.UserMessage);
    }

    private AnimaState Commit(Stimulus stimulus, Appraisal appraisal, GlandTrigger? trigger)
    {
        using var activity = Telemetry.Source.StartActivity("anima.experience");
        AnimaState snapshot;
        lock (_gate)
        {
            _scratch.CopyFrom(_state);
            snapshot = Step(_scratch, stimulus, appraisal, trigger);
            _scratch.Commit();
            (_state, _scratch) = (_scratch, _state);
            _snapshot = snapshot;
            RecordStateChanged(snapshot);
            if (_state.DesiresArisen != 0)
            {
                RecordDesires(_state.DesiresArisen, _state.DesirePressure);
            }
        }

        Observe(snapshot, trigger);
        if (activity is not null)
        {
            activity.SetTag("anima.emotion", snapshot.Primary);
            activity.SetTag("anima.trigger", trigger?.ToString() ?? "stimulus");
        }

        DeliverEvents();
        return snapshot;
    }

    /// <summary>
    /// Returns the agent to the state it had when it was built: reactors at baseline, no history, no
    /// intention, no growth, the emotion map unadapted, the experience count zero and the random source
    /// re-seeded with <see cref="Seed"/>, and no memories. The clock is read anew.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            Initialize(_state);
            _snapshot = _state.Snapshot;
            Memory.Clear();
            Interlocked.Exchange(ref _lastMemoryId, 0);
            _memoryEpoch = Guid.NewGuid();
        }
    }

    /// <summary>Reports how the agent has grown with experience: its personality and its soul matrix.</summary>
    /// <returns>Every trait's change, largest first, and what caused it.</returns>
    public GrowthReport GetGrowthReport()
    {
        lock (_gate)
        {
            var s = _state;
            Span<double> born = stackalloc double[s.Soul.Length];
            SoulBase(_configured, born);
            var soul = new SoulGrowth[s.Soul.Length];
            for (int k = 0; k < soul.Length; k++)
            {
                soul[k] = new SoulGrowth(_profile.Channels[k / 4].Name, SoulMatrix.Dimensions[k % 4], born[k], s.Soul[k], s.Soul[k] - s.SoulBase[k]);
            }

            return PersonalityGrowth.Report(s.Count, _configured, s.Growth, soul);
        }
    }

    /// <summary>Gets the agent's soul matrix as it is now: how each channel answers each appraisal dimension.</summary>
    public SoulMatrix Soul
    {
        get
        {
            lock (_gate)
            {
                return new SoulMatrix(_profile, _state.Soul, _state.SoulBase, _state.Personality);
            }
        }
    }

    private void ValidateChannels(Stimulus stimulus, string parameter)
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
