using System.Collections.Immutable;

namespace Anima.Orleans;

/// <summary>
/// One agent as an Orleans virtual actor, keyed by the agent's id. The grain holds one <see cref="AnimaCore"/>, runs one
/// call at a time (calls to one agent are serialised in the order the grain receives them), saves the agent through grain
/// storage after each change (see <see cref="AnimaGrainOptions.SaveEvery"/>), restores it exactly when it is activated
/// again on any silo, keeps its heartbeat on an Orleans reminder and publishes its events and initiative on streams
/// (<see cref="AnimaStreams"/>).
/// </summary>
/// <remarks>
/// Get one with <c>grainFactory.GetAnima(agentId)</c>. A call that fails to save its change throws, and the activation
/// is dropped, so the next call finds the agent as it was after its last saved turn: what a caller saw succeed is never
/// lost, and what failed is never half-kept.
/// </remarks>
[Alias("Anima.Orleans.IAnimaGrain")]
public interface IAnimaGrain : IGrainWithStringKey
{
    /// <summary>The agent lives through a stimulus, optionally with the message that carried it (see <see cref="AnimaCore.Experience"/>).</summary>
    /// <param name="stimulus">The stimulus.</param>
    /// <param name="message">The words that carried it, if any.</param>
    /// <returns>The agent's state after the experience.</returns>
    [Alias("Experience")]
    Task<AnimaStateView> ExperienceAsync(Stimulus stimulus, string? message = null);

    /// <summary>One chat turn with a person (see <see cref="AnimaCore.ChatAsync"/>): the agent hears the message, answers through its chat client and remembers.</summary>
    /// <param name="message">What the person said.</param>
    /// <param name="person">Who said it; <see langword="null"/> for the agent's one default conversation.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The reply and the state after it.</returns>
    [Alias("Chat")]
    Task<AnimaReply> ChatAsync(string message, Person? person = null, CancellationToken cancellationToken = default);

    /// <summary>One chat turn whose reply is streamed as it is written (see <see cref="AnimaCore.ChatStreamingAsync"/>).</summary>
    /// <param name="message">What the person said.</param>
    /// <param name="person">Who said it; <see langword="null"/> for the default conversation.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The text of the reply, piece by piece.</returns>
    [Alias("ChatStreaming")]
    IAsyncEnumerable<string> ChatStreamingAsync(string message, Person? person = null, CancellationToken cancellationToken = default);

    /// <summary>The agent speaks first, shaped by what it wants (see <see cref="AnimaCore.InitiateAsync"/>).</summary>
    /// <param name="person">To whom; <see langword="null"/> for the default conversation.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>What it said and the state after it.</returns>
    [Alias("Initiate")]
    Task<AnimaReply> InitiateAsync(Person? person = null, CancellationToken cancellationToken = default);

    /// <summary>Another agent speaks to this one: a chat turn whose person is the other agent (so the bond, the history and the mirror are of that agent).</summary>
    /// <param name="speakerId">The id of the agent speaking.</param>
    /// <param name="message">What it said.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>This agent's answer.</returns>
    [Alias("Hear")]
    Task<AnimaReply> HearAsync(string speakerId, string message, CancellationToken cancellationToken = default);

    /// <summary>
    /// A conversation with another agent grain, wherever it lives: this agent opens (with <paramref name="opening"/>, or
    /// speaking first when it is <see langword="null"/>), then the two answer each other by grain calls until
    /// <paramref name="turns"/> answers have been given. Each hears the other, so each mirrors the other.
    /// </summary>
    /// <param name="otherId">The other agent's id.</param>
    /// <param name="turns">How many answers follow the opening, alternating, the other agent first; at least 1.</param>
    /// <param name="opening">The first words, or <see langword="null"/> to let this agent speak first.</param>
    /// <param name="cancellationToken">Cancels the conversation between turns.</param>
    /// <returns>Everything said, the opening first, with each speaker's state after it.</returns>
    /// <remarks>The grain is busy for the whole conversation; two agents starting conversations with each other at the same moment wait on each other until Orleans' call timeout.</remarks>
    [Alias("TalkWith")]
    Task<ImmutableArray<AnimaReply>> TalkWithAsync(string otherId, int turns, string? opening = null, CancellationToken cancellationToken = default);

    /// <summary>A heartbeat: time passes for the agent with no stimulus (see <see cref="AnimaCore.Heartbeat"/>). The reminder calls this on its own.</summary>
    /// <returns>The state after it.</returns>
    [Alias("Heartbeat")]
    Task<AnimaStateView> HeartbeatAsync();

    /// <summary>The agent's current state.</summary>
    /// <returns>The state.</returns>
    [Alias("GetState")]
    Task<AnimaStateView> GetStateAsync();

    /// <summary>The block of felt first-person desires that shapes the agent's replies (see <see cref="AnimaCore.GetStatePrompt"/>).</summary>
    /// <returns>The block.</returns>
    [Alias("GetStatePrompt")]
    Task<string> GetStatePromptAsync();

    /// <summary>The agent's whole state as the JSON document of <see cref="AnimaCore.ExportState()"/>.</summary>
    /// <returns>The document.</returns>
    [Alias("Export")]
    Task<string> ExportAsync();

    /// <summary>Replaces the agent's whole state with a document (see <see cref="AnimaCore.ImportState(string)"/>) and saves it; an invalid document changes nothing.</summary>
    /// <param name="document">The JSON document.</param>
    /// <returns>A task that completes when the state is taken and saved.</returns>
    [Alias("Import")]
    Task ImportAsync(string document);

    /// <summary>How far the agent has grown from its configured character.</summary>
    /// <returns>The growth.</returns>
    [Alias("GetGrowth")]
    Task<AnimaGrowth> GetGrowthAsync();

    /// <summary>Everyone the agent knows (people and other agents), warmest first.</summary>
    /// <returns>The relationships.</returns>
    [Alias("GetRelationships")]
    Task<ImmutableArray<Relationship>> GetRelationshipsAsync();
}
