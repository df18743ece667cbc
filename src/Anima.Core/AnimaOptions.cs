using Anima.Events;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>
/// Configures an <see cref="AnimaCore"/>: who the agent is (personality, values, channel profile,
/// emotion table), where its time and randomness come from, and which implementation serves each layer
/// of the pipeline.
/// </summary>
/// <remarks>
/// Options are read once, when the agent is built; changing them afterwards does not affect an existing
/// agent. Every layer property left <see langword="null"/> uses the built-in default.
/// </remarks>
public sealed class AnimaOptions
{
    /// <summary>The default of <see cref="Name"/>.</summary>
    public const string DefaultName = "anima";

    /// <summary>
    /// Gets or sets the agent's name in telemetry: each turn is a span <c>invoke_agent {Name}</c> with the tag
    /// <c>gen_ai.agent.name</c>, as the OpenTelemetry GenAI conventions name an agent (see <see cref="AnimaTelemetry"/>).
    /// </summary>
    /// <value>The default value is <see cref="DefaultName"/>; it must not be empty or white space.</value>
    public string Name { get; set; } = DefaultName;

    /// <summary>Gets or sets the agent's Big Five personality.</summary>
    /// <value>The default value is a balanced personality of its own (<see cref="Personality.Balanced"/>), never one shared with other options.</value>
    public Personality Personality { get; set; } = new();

    /// <summary>Gets or sets the values the agent lives by.</summary>
    /// <value>The default value is balanced values of their own (<see cref="ValueSystem.Balanced"/>), never shared with other options.</value>
    public ValueSystem Values { get; set; } = new();

    /// <summary>Gets or sets the seed of the agent's randomness (the choice of words in its narrative).</summary>
    /// <value>
    /// The default value is <see langword="null"/>: a seed is drawn at random when the agent is built and kept
    /// for its lifetime (see <see cref="AnimaCore.Seed"/>). With a seed and a scripted clock, an agent is fully
    /// deterministic.
    /// </value>
    public int? Seed { get; set; }

    /// <summary>Gets or sets the clock the agent lives by; relaxation follows elapsed time on it.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the agent's reactor channels.</summary>
    /// <value>The default value is <see cref="ChannelProfile.Default"/>.</value>
    public ChannelProfile Profile { get; set; } = ChannelProfile.Default;

    /// <summary>Gets or sets the table of emotions the agent feels in.</summary>
    /// <value>The default value is <see cref="EmotionTable.Default"/>.</value>
    public EmotionTable Emotions { get; set; } = EmotionTable.Default;

    /// <summary>Gets or sets the appraiser that turns message text into stimuli.</summary>
    /// <value>The default value is <see langword="null"/>: the built-in English lexicon appraiser.</value>
    public IStimulusAppraiser? Appraiser { get; set; }

    /// <summary>Gets or sets the reactor layer (L1).</summary>
    /// <value>The default value is <see langword="null"/>: half-life relaxation in elapsed time.</value>
    public IReactor? Reactor { get; set; }

    /// <summary>Gets or sets the emotion map (L2).</summary>
    /// <value>The default value is <see langword="null"/>: a nearest-emotions blend over an adaptive map.</value>
    public IEmotionMap? EmotionMap { get; set; }

    /// <summary>Gets or sets the integration measure, φ (L3).</summary>
    /// <value>The default value is <see langword="null"/>: a Gaussian minimum-information-bipartition proxy.</value>
    public IIntegrationCalculator? Integration { get; set; }

    /// <summary>Gets or sets the prediction model (L3).</summary>
    /// <value>The default value is <see langword="null"/>: per-channel Gaussian predictions with learned precision.</value>
    public IPredictionModel? Prediction { get; set; }

    /// <summary>Gets or sets the value veto over intentions and requests (L5).</summary>
    /// <value>
    /// The default value is <see langword="null"/>: built-in rules under which care rewrites or blocks retaliation,
    /// integrity rewrites appeasement, care keeps the agent beside someone who suffers, and harm, deception,
    /// coercion and unfairness in a request meet care, integrity, autonomy and fairness.
    /// </value>
    public IValueSystem? Veto { get; set; }

    /// <summary>Gets or sets how the state is written into each chat request (L6).</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="StatePrompt.Default"/>, first-person sentences in bands.</value>
    public IStatePromptSerializer? PromptSerializer { get; set; }

    /// <summary>Gets or sets how the personality shapes the body and the mind: channel gains, speed of return, surprise sensitivity, temperament.</summary>
    /// <value>The default value is <see langword="null"/>: the Big Five formulas of SPEC.md F2 and Mehrabian's temperament.</value>
    public IPersonalityModel? PersonalityModel { get; set; }

    /// <summary>Gets or sets how the agent chooses an ego defense when a moment is too much (L5).</summary>
    /// <value>The default value is <see langword="null"/>: the rules described on <see cref="IEgoDefense"/>.</value>
    public IEgoDefense? EgoDefense { get; set; }

    /// <summary>Gets or sets who tells each moment as <see cref="AnimaState.Narrative"/>.</summary>
    /// <value>The default value is <see langword="null"/>: first-person English from the phrasebook the prompt and the events share.</value>
    public INarrator? Narrator { get; set; }

    /// <summary>
    /// Gets or sets who the agent is — a persona, a task, house rules — sent as instructions before the
    /// inner-state block in every chat request.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: only the inner-state block is sent.</value>
    public string? Instructions { get; set; }

    /// <summary>
    /// Gets or sets the token budget of the conversation history that <see cref="AnimaCore.ChatAsync"/> keeps
    /// and sends: the newest whole turns that fit (a tool call is never separated from its result).
    /// </summary>
    /// <value>The default value is 4,000 tokens, estimated as a quarter of the characters plus four per message.</value>
    public int HistoryTokenBudget { get; set; } = 4000;

    /// <summary>
    /// Gets or sets how the conversation history is cut after each turn, as any <see cref="Microsoft.Extensions.AI.IChatReducer"/>
    /// would (M.E.AI's own, a summariser, or <see cref="TurnBudgetChatReducer"/> with a real tokenizer's counter). What it
    /// returns is what the agent keeps and sends next; a reducer that throws fails the turn, and one that returns null is
    /// refused with an <see cref="InvalidOperationException"/> that names it.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: a <see cref="TurnBudgetChatReducer"/> of <see cref="HistoryTokenBudget"/>, whole turns by estimated tokens.</value>
    public Microsoft.Extensions.AI.IChatReducer? HistoryReducer { get; set; }

    /// <summary>
    /// Gets or sets the output budget that frustration scales when a request sets no
    /// <see cref="Microsoft.Extensions.AI.ChatOptions.MaxOutputTokens"/> of its own: base × (1 + f / 50), with f the
    /// frustration on a 0–100 scale (REFERENCE.md §5).
    /// </summary>
    /// <value>The default value is 1,024 tokens.</value>
    public int BaseOutputTokens { get; set; } = 1024;

    /// <summary>
    /// Gets or sets how many recent events the agent keeps for a store (<see cref="AnimaCore.CreateCheckpoint"/>): a
    /// store that saves at least this often misses none, and the journal's memory stays bounded whatever the agent
    /// lives through (an event's text is cut at 4,096 characters). Raise it for a host that saves seldom; a checkpoint
    /// reports what it missed (<see cref="AnimaCheckpoint.EventsMissed"/>).
    /// </summary>
    /// <value>The default value is 256 events (about 16 KB when full); it must be in [16, 1,048,576].</value>
    public int EventJournalCapacity { get; set; } = EventJournal.DefaultCapacity;

    /// <summary>The default of <see cref="MaxImportBytes"/>: 1 GiB.</summary>
    public const int DefaultMaxImportBytes = 1 << 30;

    /// <summary>
    /// Gets or sets the largest document <see cref="AnimaCore.ImportState(Stream)"/> reads. An export grows with the
    /// memories it holds, about 2.2 KB each with 384-dimension embeddings beside a state of about 20 KB, so the
    /// default takes an agent of some 450,000 memories; an agent that keeps more belongs in an
    /// <see cref="IAnimaStore"/>, which saves memories in blocks and reads no single document of them.
    /// </summary>
    /// <value>The default value is <see cref="DefaultMaxImportBytes"/>; it must be in [64 KiB, 2 GiB − 1 B].</value>
    public int MaxImportBytes { get; set; } = DefaultMaxImportBytes;

    /// <summary>Gets or sets where the agent keeps its memories.</summary>
    /// <value>The default value is <see langword="null"/>: a new <see cref="EmotionalMemoryBank"/> scored by <see cref="MemoryOptions"/>.</value>
    public IEmotionalMemory? Memory { get; set; }

    /// <summary>Gets or sets how memories are scored and echoed when <see cref="Memory"/> is left to its default.</summary>
    /// <value>The default value is <see langword="null"/>: the defaults of <see cref="Anima.MemoryOptions"/>.</value>
    public MemoryOptions? MemoryOptions { get; set; }

    /// <summary>Gets or sets the generator that embeds remembered texts and recall cues; any M.E.AI embedding generator fits.</summary>
    /// <value>The default value is <see langword="null"/>: an offline <see cref="HashingEmbeddingGenerator"/> of 384 dimensions.</value>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; set; }

    /// <summary>
    /// Gets or sets where the agent logs (category <c>Anima.Core</c>): desires that arise at information level;
    /// vetoes, defenses and tool results at debug level; failed heartbeats and chat turns as errors and warnings.
    /// Metrics and traces go through <see cref="AnimaTelemetry"/> whatever this is.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: nothing is logged.</value>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }
}
