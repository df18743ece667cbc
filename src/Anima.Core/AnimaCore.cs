using System.Security.Cryptography;
using Anima.Chat;
using Anima.Diagnostics;
using Anima.Engine;
using Anima.Events;
using Anima.Memory;
using Anima.Persistence;
using Anima.StateModel;
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
/// leaves the agent exactly as it was. Experience, export, import, save, load, reset and the conversation's
/// history share one lock, so no export shows one moment's state with another's conversation.
/// </para>
/// <para>The agent writes nothing to the console and keeps no static mutable state.</para>
/// </remarks>
public sealed partial class AnimaCore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Pipeline _pipeline;
    private readonly AgentLog _log;
    private readonly EventJournal _journal;
    private readonly Conversation _conversation;
    private readonly MemoryKeeping _memory;
    private readonly AgentDocument _document;
    private AgentState _state;
    private AgentState _scratch;
    private readonly ChatClientSource _client;
    private volatile AnimaState _snapshot;

    /// <summary>Initializes a new agent.</summary>
    /// <param name="options">Who the agent is and which layers serve it.</param>
    /// <param name="chatClient">The chat client the agent speaks through, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or one of its required properties is null.</exception>
    public AnimaCore(AnimaOptions options, IChatClient? chatClient = null)
    {
        var memoryOptions = AnimaComposition.Check(options);
        _time = options.TimeProvider;
        (Profile, Emotions, Values, _client) = (options.Profile, options.Emotions, options.Values, new ChatClientSource(chatClient));
        Seed = options.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        _pipeline = new Pipeline(AnimaComposition.Engine(options, Seed));
        _log = new AgentLog(options.LoggerFactory);
        _journal = new EventJournal(_gate, _time, _log, this, options.EventJournalCapacity);
        _memory = new MemoryKeeping(this, _gate, _time, options.Memory ?? new EmotionalMemoryBank(memoryOptions), memoryOptions, options.Embeddings ?? new HashingEmbeddingGenerator(), Profile, _pipeline.EmotionNamed);
        _conversation = new Conversation(this, options.Name, _gate, _journal, _log, options.PromptSerializer ?? StatePrompt.Default, options.Instructions, options.BaseOutputTokens, _memory, _time, memoryOptions.RecollectionTokenBudget) { Reducer = options.HistoryReducer ?? new TurnBudgetChatReducer(options.HistoryTokenBudget) };
        People = new AnimaPeople(_conversation, _gate, _time, _memory.Memory);
        _document = new AgentDocument(_pipeline, Profile, Emotions, Seed, Values, _conversation, _journal, _memory) { Limit = options.MaxImportBytes };
        (_state, _scratch) = (_pipeline.NewState(), _pipeline.NewState());
        _pipeline.Reset(_state);
        _snapshot = _pipeline.Snapshot(_state);
    }

    /// <summary>Initializes an agent whose chat client a container resolves on first use (see <c>AddAnima</c>).</summary>
    internal AnimaCore(AnimaOptions options, Func<IChatClient?> chatClient) : this(options) => _client = new ChatClientSource(chatClient);

    /// <summary>Gets the seed of this agent's randomness: <see cref="AnimaOptions.Seed"/>, or the one drawn when it was null.</summary>
    public int Seed { get; }

    /// <summary>Gets the chat client this agent speaks through, if one was given.</summary>
    public IChatClient? ChatClient => _client.Client;

    /// <summary>Gets the agent's channel profile.</summary>
    public ChannelProfile Profile { get; }

    /// <summary>Gets the agent's emotion table.</summary>
    public EmotionTable Emotions { get; }

    /// <summary>Gets the agent's values.</summary>
    public ValueSystem Values { get; }

    /// <summary>Gets the personality the agent was built with.</summary>
    public Personality ConfiguredPersonality => _pipeline.Configured;

    /// <summary>Gets the agent's personality now, after growth with experience (see <see cref="GetGrowthReport"/>).</summary>
    public Personality Personality => Locked(static (pipeline, state) => pipeline.Personality(state));

    /// <summary>Gets the snapshot of the latest experience (or of the agent at rest, before any).</summary>
    public AnimaState State => _snapshot;

    /// <summary>Gets the agent's soul matrix as it is now: how each channel answers each appraisal dimension.</summary>
    public SoulMatrix Soul => Locked(static (pipeline, state) => pipeline.Soul(state));

    /// <summary>Lets the agent experience a stimulus, with the message that carried it if there was one.</summary>
    /// <param name="stimulus">What happened, as deltas over channels. Pass <c>default</c> to let the message alone speak.</param>
    /// <param name="message">The text that came with it, appraised by the agent's <see cref="IStimulusAppraiser"/>; optional.</param>
    /// <returns>The agent's state after the experience.</returns>
    /// <exception cref="ArgumentException"><paramref name="stimulus"/> names a channel the profile does not have; the message names the channel and the value, and the agent is unchanged.</exception>
    /// <exception cref="InvalidOperationException">A custom layer returned a value outside its contract; the agent is unchanged.</exception>
    /// <remarks>With <see cref="MemoryOptions.RememberExperiences"/>, a message whose moment matters enough is remembered too.</remarks>
    public AnimaState Experience(Stimulus stimulus, string? message = null) =>
        _memory.ConsiderExperience(message, Commit(stimulus, _pipeline.Hear(stimulus, message), trigger: null));

    /// <summary>Lets the agent experience the outcome of a tool it used. A failure stings, sets off the <see cref="GlandTrigger.ToolFailure"/> glands and adds a tenth
    /// to <see cref="AnimaState.Frustration"/>, scaled by <see cref="SoulMatrix.FrustrationSensitivity"/>; a success satisfies, sets off the <see cref="GlandTrigger.ToolSuccess"/>
    /// glands and halves frustration less a twentieth, and after a struggle the <see cref="GlandTrigger.Relief"/> glands answer.</summary>
    /// <param name="succeeded">Whether the tool did what was asked.</param>
    /// <returns>The agent's state after the experience.</returns>
    /// <remarks><see cref="AnimaChatClient"/> calls this for every tool result it sees.</remarks>
    public AnimaState ExperienceToolResult(bool succeeded) => succeeded
        ? Commit(new Stimulus { Satisfaction = 0.15, Tension = -0.1 }, Appraisal.Empty, GlandTrigger.ToolSuccess)
        : Commit(new Stimulus { Tension = 0.25, Arousal = 0.15, Satisfaction = -0.3 }, Appraisal.Empty, GlandTrigger.ToolFailure);

    /// <summary>A beat of the agent's heart: a quiet moment lived (an experience of nothing), in which time relaxes the reactors and frustration,
    /// longing for company grows with the silence, and a need grown strong raises a <see cref="DesireArisenEvent"/>.</summary>
    /// <returns>The agent's state after the moment.</returns>
    /// <remarks><see cref="StartHeartbeat"/> calls this on a timer of the agent's <see cref="TimeProvider"/>.</remarks>
    public AnimaState Heartbeat() => Commit(default, Appraisal.Empty, null);

    /// <summary>Calls <see cref="Heartbeat"/> every <paramref name="interval"/> on a timer of the agent's <see cref="TimeProvider"/> (a <c>FakeTimeProvider</c> drives it in tests) until the returned heartbeat is disposed.</summary>
    /// <param name="interval">The time between beats.</param>
    /// <returns>The running heartbeat.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive, or longer than <see cref="AnimaHeartbeat.MaxInterval"/>.</exception>
    public AnimaHeartbeat StartHeartbeat(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(interval, AnimaHeartbeat.MaxInterval);
        return new AnimaHeartbeat(this, _time, interval);
    }

    /// <summary>
    /// Returns the agent to the state it had when it was built: reactors at baseline, no history, no intention, no growth, the emotion
    /// map unadapted, the experience count zero and the random source re-seeded with <see cref="Seed"/>, no memories and no one known. The clock is read anew.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            _pipeline.Reset(_state);
            _snapshot = _pipeline.Snapshot(_state);
            _memory.Reset();
            _conversation.People.Clear();
        }
    }

    /// <summary>Reports how the agent has grown with experience: its personality and its soul matrix.</summary>
    /// <returns>Every trait's change, largest first, and what caused it.</returns>
    public GrowthReport GetGrowthReport() => Locked(static (pipeline, state) => pipeline.GrowthReport(state));

    /// <summary>Experiences a message the user said: the appraisal, and the profile's <see cref="GlandTrigger.UserMessage"/> glands.</summary>
    internal AnimaState ExperienceUserMessage(Stimulus stimulus, string message) => Commit(stimulus, _pipeline.Hear(stimulus, message), GlandTrigger.UserMessage);

    /// <summary>Experiences what the agent itself said; never remembered as an experience.</summary>
    internal AnimaState ExperienceOwnWords(string text) => Commit(default, _pipeline.Hear(default, text), trigger: null);

    /// <summary>Logs a heartbeat that failed; the heartbeat goes on.</summary>
    internal void LogHeartbeatFailed(Exception exception) => _log.HeartbeatFailed(exception);

    private T Locked<T>(Func<Pipeline, AgentState, T> read)
    {
        lock (_gate)
        {
            return read(_pipeline, _state);
        }
    }

    private AnimaState Commit(Stimulus stimulus, Appraisal appraisal, GlandTrigger? trigger)
    {
        // Asked first: with no listener, StartActivity would still build its arguments on every experience.
        using var activity = Telemetry.Source.HasListeners() ? Telemetry.Source.StartActivity("anima.experience") : null;
        AnimaState snapshot;
        lock (_gate)
        {
            _scratch.CopyFrom(_state);
            snapshot = _pipeline.Step(_scratch, stimulus, appraisal, trigger, out int arisen);
            _pipeline.Commit(_scratch);
            (_state, _scratch) = (_scratch, _state);
            _snapshot = snapshot;
            _journal.Experienced(snapshot, arisen, _pipeline.DesirePressure(_state));
        }

        _log.Experienced(snapshot, trigger, activity);
        _journal.Deliver();
        return snapshot;
    }
}
