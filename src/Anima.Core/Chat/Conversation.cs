using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Anima.Diagnostics;
using Anima.Events;
using Anima.Memory;
using Anima.People;
using Anima.StateModel;
using Microsoft.Extensions.AI;

namespace Anima.Chat;

/// <summary>
/// The conversation (F10): turns taken one at a time through the agent's chat client, the history kept as a viewport
/// within its budget, the inner state carried as instructions, the user's message heard before the request and the
/// reply heard after it, and tool results experienced once each.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "The turn gate's SemaphoreSlim is only waited on asynchronously, so it never creates a wait handle and holds nothing to dispose.")]
internal sealed partial class Conversation
{
    /// <summary>How many tool-result ids are remembered to tell a repeated result from a new one.</summary>
    private const int SeenResultsLimit = 4096;

    private readonly AnimaCore _agent;
    private readonly string _name;
    private readonly Lock _gate;
    private readonly EventJournal _journal;
    private readonly AgentLog _log;
    private readonly IStatePromptSerializer _serializer;
    private readonly string? _instructions;
    private readonly int _baseOutputTokens;
    private readonly HashSet<string> _seenToolResults = new(StringComparer.Ordinal);
    private readonly MemoryKeeping _memory;
    private readonly TimeProvider _time;
    private readonly int _recollectionBudget;
    private readonly ChatThread _default = new(null);
    private readonly Dictionary<string, ChatThread> _threads = new(StringComparer.Ordinal);

    public Conversation(AnimaCore agent, string name, Lock gate, EventJournal journal, AgentLog log, IStatePromptSerializer serializer, string? instructions, int baseOutputTokens, MemoryKeeping memory, TimeProvider time, int recollectionBudget)
    {
        _agent = agent;
        _memory = memory;
        _time = time;
        _recollectionBudget = recollectionBudget;
        _name = name;
        _gate = gate;
        _journal = journal;
        _log = log;
        _serializer = serializer;
        _instructions = instructions;
        _baseOutputTokens = baseOutputTokens;
    }

    /// <summary>Gets how the history is cut after each turn.</summary>
    public required IChatReducer Reducer { get; init; }

    /// <summary>Gets the people the agent knows; read and changed under the agent's lock.</summary>
    public Acquaintances People { get; } = new();

    /// <summary>Gets a copy of the history of the conversation without a person: whole turns, oldest first.</summary>
    public IReadOnlyList<ChatMessage> History
    {
        get
        {
            lock (_gate)
            {
                return [.. _default.History];
            }
        }
    }

    /// <summary>Returns a copy of the history with one person; empty when they have not spoken.</summary>
    public IReadOnlyList<ChatMessage> HistoryOf(string personId)
    {
        lock (_gate)
        {
            return _threads.TryGetValue(personId, out var thread) ? [.. thread.History] : [];
        }
    }

    /// <summary>Forgets every history, with every person; relationships and memories stay.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (var thread in _threads.Values.Append(_default))
            {
                thread.History = [];
                thread.Remembered.Clear();
            }
        }
    }

    /// <summary>Forgets a person: the relationship and the history with them (their memories stay the agent's). Returns whether the agent knew them.</summary>
    public bool Forget(string personId)
    {
        lock (_gate)
        {
            bool had = _threads.TryGetValue(personId, out var thread) && thread.History.Count > 0;
            if (thread is not null)
            {
                thread.History = [];
                thread.Remembered.Clear();
            }

            return People.Forget(personId) | had;
        }
    }

    /// <summary>Writes a state as prompt text.</summary>
    /// <exception cref="InvalidOperationException">The serializer returned nothing.</exception>
    public string Prompt(AnimaState state) =>
        _serializer.Serialize(state) ?? throw new InvalidOperationException($"The prompt serializer {_serializer.GetType().Name} returned null; it must return the text of the block.");

    /// <summary>
    /// Takes one turn: the message heard (and, from a person, let move the relationship), what it brings back recalled,
    /// the request sent with the inner state, the reply heard, the turn kept and considered for memory.
    /// </summary>
    public async Task<ChatResponse> ChatAsync(Person? person, string message, Stimulus? stimulus, ChatOptions? options, CancellationToken cancellationToken)
    {
        var client = CheckTurn(message, stimulus);
        var thread = Thread(person);
        await thread.Turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        var activity = Telemetry.InvokeAgent(_name, "chat");
        try
        {
            var turn = await BeginTurnAsync(thread, person, message, stimulus ?? default, options, cancellationToken).ConfigureAwait(false);
            OwnTurn.Value = _agent;
            var response = await client.GetResponseAsync(turn.Request, turn.Options, cancellationToken).ConfigureAwait(false);
            await EndTurnAsync(thread, turn.User, response, Telemetry.ChatTurns, cancellationToken).ConfigureAwait(false);
            await AfterTurnAsync(thread, turn, response, client, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception) when (TurnFailed(exception, activity))
        {
            throw; // never reached: the filter logs and declines
        }
        finally
        {
            activity?.Dispose();
            thread.Turns.Release();
        }
    }

    /// <summary>Takes one turn and streams the reply; the turn is kept once the stream has been read to its end.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> ChatStreamingAsync(Person? person, string message, Stimulus? stimulus, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = CheckTurn(message, stimulus);
        var thread = Thread(person);
        await thread.Turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = Telemetry.InvokeAgent(_name, "chat");
            var turn = await BeginTurnAsync(thread, person, message, stimulus ?? default, options, cancellationToken).ConfigureAwait(false);
            var updates = new List<ChatResponseUpdate>();
            OwnTurn.Value = _agent;
            await foreach (var update in client.GetStreamingResponseAsync(turn.Request, turn.Options, cancellationToken).ConfigureAwait(false))
            {
                updates.Add(update);
                yield return update;
            }

            var response = updates.ToChatResponse();
            await EndTurnAsync(thread, turn.User, response, Telemetry.ChatTurns, cancellationToken).ConfigureAwait(false);
            await AfterTurnAsync(thread, turn, response, client, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            thread.Turns.Release();
        }
    }

    /// <summary>
    /// Returns a copy of <paramref name="options"/> whose instructions end with the agent's persona and inner state,
    /// and whose budget frustration has raised.
    /// </summary>
    public ChatOptions PrepareOptions(ChatOptions? options, StatePromptContext? context = null)
    {
        var state = _agent.State;
        var prepared = options?.Clone() ?? new ChatOptions();
        string block = context is null ? Prompt(state) : _serializer.Serialize(state, context)
            ?? throw new InvalidOperationException($"The prompt serializer {_serializer.GetType().Name} returned null; it must return the text of the block.");
        // The caller's instructions are neutralised as well, so the request holds the block exactly once even when
        // another agent's layer already put its own there.
        string? theirs = prepared.Instructions is { } given ? StatePrompt.Neutralize(given) : null;
        prepared.Instructions = string.Join("\n\n", new[] { theirs, _instructions, block }.Where(static part => !string.IsNullOrWhiteSpace(part)));
        ThinkingBudget.Apply(prepared, state.Frustration, _baseOutputTokens);
        _journal.Instructions(prepared.Instructions);
        _journal.Deliver();
        return prepared;
    }

    /// <summary>
    /// Walks messages in order: records each tool call and result not seen before (by call id), experiences each new
    /// result, and — for a response — records what the agent said.
    /// </summary>
    public void ObserveMessages(IEnumerable<ChatMessage> messages, bool response)
    {
        foreach (var message in messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    _journal.ToolCall(call);
                    continue;
                }

                if (content is not FunctionResultContent result || !FirstSight(result.CallId))
                {
                    continue;
                }

                _journal.ToolResponse(result);
                _agent.ExperienceToolResult(result.Exception is null);
            }

            if (response && message.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(message.Text))
            {
                _journal.AgentMessage(message.Text);
            }
        }

        _journal.Deliver();
    }

    /// <summary>Experiences what the agent itself said.</summary>
    public void ExperienceReply(ChatResponse response)
    {
        string text = response.Text;
        if (!string.IsNullOrWhiteSpace(text))
        {
            _agent.ExperienceOwnWords(text);
        }
    }

    /// <summary>
    /// The agent whose own turn (<see cref="AnimaCore.ChatAsync"/>) is calling its client: an <see cref="AnimaChatClient"/>
    /// of the same agent in that client's pipeline lets the request pass, for the turn already carries the block and has
    /// heard the message. It flows down the call, and goes back when the turn's method returns.
    /// </summary>
    internal static readonly AsyncLocal<AnimaCore?> OwnTurn = new();

    /// <summary>The error for a turn asked of an agent built without a chat client.</summary>
    private static InvalidOperationException NoChatClient() =>
        new("This agent has no chat client; pass one to the AnimaCore constructor (or a chat client factory to AddAnima).");

    /// <summary>Checks a turn before anything happens, and returns the client it will go through.</summary>
    private IChatClient CheckTurn(string message, Stimulus? stimulus)
    {
        var client = _agent.ChatClient ?? throw NoChatClient();
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        _agent.Check(stimulus ?? default, nameof(stimulus));
        return client;
    }

    private bool FirstSight(string callId)
    {
        lock (_gate)
        {
            if (_seenToolResults.Count > SeenResultsLimit)
            {
                _seenToolResults.Clear();
            }

            return _seenToolResults.Add(callId);
        }
    }

    /// <summary>Records that someone spoke to the agent.</summary>
    public void Heard(string text)
    {
        _journal.UserMessage(text);
        _journal.Deliver();
    }

    /// <summary>Logs a turn that failed at the provider and marks its span; always <see langword="false"/>, so the exception flows on untouched.</summary>
    private bool TurnFailed(Exception exception, Activity? activity)
    {
        _log.TurnFailed(exception);
        Telemetry.Failed(activity, exception);
        return false;
    }

    /// <summary>Hears the reply and keeps the turn: what was said to the agent (if anything), then what it answered, cut by the reducer.</summary>
    private async Task EndTurnAsync(ChatThread thread, ChatMessage? said, ChatResponse response, Counter<long> turns, CancellationToken cancellationToken)
    {
        ObserveMessages(response.Messages, response: true);
        ExperienceReply(response);
        List<ChatMessage> before, history;
        lock (_gate)
        {
            before = thread.History;
            history = new List<ChatMessage>(before.Count + 1 + response.Messages.Count);
            history.AddRange(before);
            if (said is not null)
            {
                history.Add(said);
            }

            history.AddRange(response.Messages);
            if (Reducer is TurnBudgetChatReducer budget)
            {
                // The default cuts at once, under the lock, as it always has.
                thread.History = budget.Reduce(history);
                thread.Trim();
                turns.Add(1);
                return;
            }
        }

        var reduced = await Reducer.ReduceAsync(history, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The history reducer {Reducer.GetType().Name} returned null; it must return the messages to keep.");
        List<ChatMessage> kept = [.. reduced];
        if (kept.Any(static m => m is null))
        {
            throw new InvalidOperationException($"The history reducer {Reducer.GetType().Name} returned a null message.");
        }

        lock (_gate)
        {
            // A reset or an import that replaced the history meanwhile wins: its history is not this turn's.
            if (ReferenceEquals(thread.History, before))
            {
                thread.History = kept;
                thread.Trim();
            }
        }

        turns.Add(1);
    }
}
