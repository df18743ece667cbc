using System.Runtime.CompilerServices;
using Anima.Chat;
using Anima.Diagnostics;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>The conversation: the agent speaks through its <see cref="ChatClient"/> and keeps a history.</summary>
public sealed partial class AnimaCore
{
    private readonly IStatePromptSerializer _serializer;
    private readonly string? _instructions;
    private readonly int _historyBudget;
    private readonly int _baseOutputTokens;
    private readonly SemaphoreSlim _conversation = new(1, 1);
    private readonly Lock _historyGate = new();
    private readonly HashSet<string> _seenToolResults = new(StringComparer.Ordinal);
    private List<ChatMessage> _history = [];

    /// <summary>Gets the conversation history that <see cref="ChatAsync"/> keeps: whole turns, oldest first, within <see cref="AnimaOptions.HistoryTokenBudget"/>.</summary>
    /// <remarks>A copy; later turns do not change it.</remarks>
    public IReadOnlyList<ChatMessage> History
    {
        get
        {
            lock (_historyGate)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>Forgets the conversation history; the inner state is untouched.</summary>
    public void ClearHistory()
    {
        lock (_historyGate)
        {
            _history = [];
        }
    }

    /// <summary>
    /// Writes the current state as prompt text with the agent's <see cref="AnimaOptions.PromptSerializer"/>.
    /// </summary>
    /// <returns>The inner-state block the next request would carry.</returns>
    public string GetStatePrompt() => _serializer.Serialize(State);

    /// <summary>
    /// Says something to the agent and returns its reply. The message is appraised and experienced before the
    /// request; the request carries the inner state as instructions and the history within its budget; the
    /// reply is experienced afterwards and the turn joins the history.
    /// </summary>
    /// <param name="message">What the user says.</param>
    /// <param name="stimulus">What else happened with the message, if anything.</param>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's response.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty or white space, or <paramref name="stimulus"/> names an unknown channel.</exception>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    /// <remarks>
    /// Turns are taken one at a time. If the provider throws or the call is cancelled, the exception surfaces,
    /// nothing of the turn joins the history, and the state keeps only having heard the message.
    /// </remarks>
    public async Task<ChatResponse> ChatAsync(string message, Stimulus? stimulus = null, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var client = ValidateTurn(message, stimulus);

        await _conversation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = Telemetry.Source.StartActivity("anima.chat");
            var (request, user, requestOptions) = BeginTurn(message, stimulus ?? default, options);
            var response = await client.GetResponseAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
            EndTurn(user, response);
            return response;
        }
        catch (Exception exception) when (TurnFailed(exception))
        {
            throw; // never reached: the filter logs and declines
        }
        finally
        {
            _conversation.Release();
        }
    }

    /// <summary>
    /// Says something to the agent and streams its reply; otherwise as <see cref="ChatAsync"/>. The turn joins
    /// the history, and the reply is experienced, only once the stream has been read to its end.
    /// </summary>
    /// <param name="message">What the user says.</param>
    /// <param name="stimulus">What else happened with the message, if anything.</param>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's updates as they arrive.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty or white space, or <paramref name="stimulus"/> names an unknown channel.</exception>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    public async IAsyncEnumerable<ChatResponseUpdate> ChatStreamingAsync(string message, Stimulus? stimulus = null, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = ValidateTurn(message, stimulus);

        await _conversation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = Telemetry.Source.StartActivity("anima.chat");
            var (request, user, requestOptions) = BeginTurn(message, stimulus ?? default, options);
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in client.GetStreamingResponseAsync(request, requestOptions, cancellationToken).ConfigureAwait(false))
            {
                updates.Add(update);
                yield return update;
            }

            EndTurn(user, updates.ToChatResponse());
        }
        finally
        {
            _conversation.Release();
        }
    }

    /// <summary>
    /// Returns a copy of <paramref name="options"/> whose instructions end with the agent's persona and inner
    /// state, and whose budget frustration has raised.
    /// </summary>
    internal ChatOptions PrepareOptions(ChatOptions? options)
    {
        var state = State;
        var prepared = options?.Clone() ?? new ChatOptions();
        string block = _serializer.Serialize(state);
        prepared.Instructions = string.Join("\n\n", new[] { prepared.Instructions, _instructions, block }.Where(static part => !string.IsNullOrWhiteSpace(part)));
        ThinkingBudget.Apply(prepared, state.Frustration, _baseOutputTokens);
        RecordInstructions(prepared.Instructions);
        return prepared;
    }

    /// <summary>
    /// Walks messages in order: records each tool call and result not seen before (by call id), experiences each
    /// new result, and — for a response — records what the agent said.
    /// </summary>
    /// <param name="messages">The messages.</param>
    /// <param name="response">Whether they are the model's response (rather than a request that repeats history).</param>
    internal void ObserveMessages(IEnumerable<ChatMessage> messages, bool response)
    {
        foreach (var message in messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    RecordToolCall(call);
                    continue;
                }

                if (content is not FunctionResultContent result)
                {
                    continue;
                }

                lock (_seenToolResults)
                {
                    if (_seenToolResults.Count > 4096)
                    {
                        _seenToolResults.Clear();
                    }

                    if (!_seenToolResults.Add(result.CallId))
                    {
                        continue;
                    }
                }

                RecordToolResponse(result);
                ExperienceToolResult(result.Exception is null);
            }

            if (response && message.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(message.Text))
            {
                RecordAgentMessage(message.Text);
            }
        }

        DeliverEvents();
    }

    /// <summary>Experiences what the agent itself said.</summary>
    internal void ExperienceReply(ChatResponse response)
    {
        string text = response.Text;
        if (!string.IsNullOrWhiteSpace(text))
        {
            Experience(default, text);
        }
    }

    /// <summary>Checks a turn before anything happens, and returns the client it will go through.</summary>
    private IChatClient ValidateTurn(string message, Stimulus? stimulus)
    {
        var client = ChatClient ?? throw new InvalidOperationException("This agent has no chat client; pass one to the AnimaCore constructor (or a chat client factory to AddAnima).");
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        ValidateChannels(stimulus ?? default, nameof(stimulus));
        return client;
    }

    private (List<ChatMessage> Request, ChatMessage User, ChatOptions Options) BeginTurn(string message, Stimulus stimulus, ChatOptions? options)
    {
        RecordUserMessage(message);
        ExperienceUserMessage(stimulus, message);
        var user = new ChatMessage(ChatRole.User, StatePrompt.Neutralize(message));
        List<ChatMessage> request;
        lock (_historyGate)
        {
            request = new List<ChatMessage>(_history.Count + 1);
            request.AddRange(_history);
        }

        request.Add(user);
        return (request, user, PrepareOptions(options));
    }

    /// <summary>Logs a turn that failed at the provider (not one that was cancelled); always <see langword="false"/>, so the exception flows on untouched.</summary>
    private bool TurnFailed(Exception exception)
    {
        if (exception is not OperationCanceledException)
        {
            LogTurnFailed(_logger, exception);
        }

        return false;
    }

    private void EndTurn(ChatMessage user, ChatResponse response)
    {
        Telemetry.ChatTurns.Add(1);
        ObserveMessages(response.Messages, response: true);
        ExperienceReply(response);
        lock (_historyGate)
        {
            var history = new List<ChatMessage>(_history.Count + 1 + response.Messages.Count);
            history.AddRange(_history);
            history.Add(user);
            history.AddRange(response.Messages);
            _history = ChatViewport.Fit(history, _historyBudget);
        }
    }
}
