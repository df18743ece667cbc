using Anima.Chat;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>The conversation and the event stream, forwarded to their components.</summary>
public sealed partial class AnimaCore
{
    /// <summary>Occurs for every event — messages, tool calls and responses, changes of instructions and of state — in the order of <see cref="AnimaEvent.Sequence"/>, one at a time.</summary>
    /// <remarks>
    /// Handlers run synchronously on the thread that caused the event (or on one that was delivering when it
    /// happened), after the agent's state has been committed; keep them short. An exception a handler throws
    /// reaches that caller; the event stays delivered and the agent stays as it is.
    /// </remarks>
    public event EventHandler<AnimaEvent>? EventOccurred
    {
        add => _journal.EventOccurred += value;
        remove => _journal.EventOccurred -= value;
    }

    /// <summary>Gets the conversation history that <see cref="ChatAsync"/> keeps: whole turns, oldest first, within <see cref="AnimaOptions.HistoryTokenBudget"/>.</summary>
    /// <remarks>A copy; later turns do not change it.</remarks>
    public IReadOnlyList<ChatMessage> History => _conversation.History;

    /// <summary>Gets the people the agent knows: how it stands with each, and its history with each.</summary>
    public AnimaPeople People { get; }

    /// <summary>Forgets the conversation history, and the history with every person; the inner state, relationships and memories are untouched.</summary>
    public void ClearHistory() => _conversation.Clear();

    /// <summary>Writes the current state as prompt text with the agent's <see cref="AnimaOptions.PromptSerializer"/>.</summary>
    /// <returns>The inner-state block the next request would carry.</returns>
    public string GetStatePrompt() => _conversation.Prompt(State);

    /// <summary>Says something to the agent and returns its reply. The message is experienced and recalls the memories it fits (the best echoes); the request carries
    /// the inner state and those recollections as instructions, and the history within its budget; the reply is experienced, the turn joins the history, and a
    /// moving turn is remembered (<see cref="MemoryOptions.RememberTurns"/>), with a reflection once enough has mattered.</summary>
    /// <param name="message">What the user says.</param>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's response.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    /// <remarks>Parameters in M.E.AI's order; <see cref="AnimaChatExtensions.ChatAsync(AnimaCore, string, Stimulus, ChatOptions, CancellationToken)"/> adds a stimulus that came with the message. Turns are taken one
    /// at a time. If the provider throws or the call is cancelled, the exception surfaces, nothing of the turn joins the history, and the state
    /// keeps only having heard the message.</remarks>
    public Task<ChatResponse> ChatAsync(string message, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        _conversation.ChatAsync(null, message, null, options, cancellationToken);

    /// <summary>Says something to the agent and streams its reply; otherwise as <see cref="ChatAsync"/>. The turn joins the history, the reply is experienced
    /// and the turn remembered only once the stream has been read to its end.</summary>
    /// <param name="message">What the user says.</param>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's updates as they arrive.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    public IAsyncEnumerable<ChatResponseUpdate> ChatStreamingAsync(string message, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        _conversation.ChatStreamingAsync(null, message, null, options, cancellationToken);

    /// <summary>Lets the agent speak first, unprompted, through its <see cref="ChatClient"/>: the request carries the inner state as a turn of <see cref="ChatAsync"/>
    /// does, and an instruction to open the conversation moved by the agent's strongest desire. The reply joins the history and is experienced.</summary>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's response: what the agent said.</returns>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    /// <remarks>Turns are taken one at a time with <see cref="ChatAsync"/>. The request ends with a short user message that stands for the
    /// silence (many providers cannot answer without one); it is not kept. If the provider fails or the call is cancelled, nothing joins the history.</remarks>
    public Task<ChatResponse> InitiateAsync(ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        _conversation.InitiateAsync(null, options, cancellationToken);

    /// <summary>Gets the conversation, for the chat middleware that carries it through another pipeline.</summary>
    internal Conversation Conversation => _conversation;

    /// <summary>Checks that a stimulus names only channels of the agent's profile.</summary>
    internal void Check(in Stimulus stimulus, string parameter) => _pipeline.Check(stimulus, parameter);
}
