using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Anima.Diagnostics;
using Anima.Events;
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
    private readonly int _budget;
    private readonly int _baseOutputTokens;
    private readonly SemaphoreSlim _turns = new(1, 1);
    private readonly HashSet<string> _seenToolResults = new(StringComparer.Ordinal);
    private List<ChatMessage> _history = [];

    public Conversation(AnimaCore agent, string name, Lock gate, EventJournal journal, AgentLog log, IStatePromptSerializer serializer, string? instructions, int budget, int baseOutputTokens)
    {
        _agent = agent;
        _name = name;
        _gate = gate;
        _journal = journal;
        _log = log;
        _serializer = serializer;
        _instructions = instructions;
        _budget = budget;
        _baseOutputTokens = baseOutputTokens;
    }

    /// <summary>Gets a copy of the history: whole turns, oldest first.</summary>
    public IReadOnlyList<ChatMessage> History
    {
        get
        {
            lock (_gate)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>Forgets the history.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _history = [];
        }
    }

    /// <summary>Writes a state as prompt text.</summary>
    /// <exception cref="InvalidOperationException">The serializer returned nothing.</exception>
    public string Prompt(AnimaState state) =>
        _serializer.Serialize(state) ?? throw new InvalidOperationException($"The prompt serializer {_serializer.GetType().Name} returned null; it must return the text of the block.");

    /// <summary>Takes one turn: the message heard, the request sent with the inner state, the reply heard and kept.</summary>
    public async Task<ChatResponse> ChatAsync(string message, Stimulus? stimulus, ChatOptions? options, CancellationToken cancellationToken)
    {
        var client = CheckTurn(message, stimulus);
        await _turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        var activity = Telemetry.InvokeAgent(_name, "chat");
        try
        {
            var (request, user, requestOptions) = BeginTurn(message, stimulus ?? default, options);
            OwnTurn.Value = _agent;
            var response = await client.GetResponseAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
            EndTurn(user, response, Telemetry.ChatTurns);
            return response;
        }
        catch (Exception exception) when (TurnFailed(exception, activity))
        {
            throw; // never reached: the filter logs and declines
        }
        finally
        {
            activity?.Dispose();
            _turns.Release();
        }
    }

    /// <summary>Takes one turn and streams the reply; the turn is kept once the stream has been read to its end.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> ChatStreamingAsync(string message, Stimulus? stimulus, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = CheckTurn(message, stimulus);
        await _turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = Telemetry.InvokeAgent(_name, "chat");
            var (request, user, requestOptions) = BeginTurn(message, stimulus ?? default, options);
            var updates = new List<ChatResponseUpdate>();
            OwnTurn.Value = _agent;
            await foreach (var update in client.GetStreamingResponseAsync(request, requestOptions, cancellationToken).ConfigureAwait(false))
            {
                updates.Add(update);
                yield return update;
            }

            EndTurn(user, updates.ToChatResponse(), Telemetry.ChatTurns);
        }
        finally
        {
            _turns.Release();
        }
    }

    /// <summary>
    /// Returns a copy of <paramref name="options"/> whose instructions end with the agent's persona and inner state,
    /// and whose budget frustration has raised.
    /// </summary>
    public ChatOptions PrepareOptions(ChatOptions? options)
    {
        var state = _agent.State;
        var prepared = options?.Clone() ?? new ChatOptions();
        string block = Prompt(state);
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
            _agent.Experience(default, text);
        }
    }

    /// <summary>Writes the "conversation" section: the history and the tool results already experienced.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("messages");
        JsonSerializer.Serialize(writer, _history, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<ChatMessage>)));
        writer.WriteStartArray("seenToolResults");
        foreach (string id in _seenToolResults)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Checks a "conversation" section and returns what restores it: every message present, with a role, contents
    /// that are there, calls with an id and a name, results with an id, and all of it writable again (so a later
    /// export cannot fail on something the document smuggled in, such as a lone surrogate in a tool's arguments).
    /// </summary>
    public System.Action Read(SectionReader section)
    {
        var messages = section.Raw("messages");
        if (messages.ValueKind == JsonValueKind.Array)
        {
            // What M.E.AI's converters would refuse with an exception of their own, named here by its path.
            int i = 0;
            foreach (var element in messages.EnumerateArray())
            {
                string path = $"{section.Path}.messages[{i++}]";
                var message = new SectionReader(element.ValueKind == JsonValueKind.Null ? throw SectionReader.Refuse($"{path} is missing") : element, path);
                if (string.IsNullOrWhiteSpace(message.OptionalText("role")))
                {
                    throw SectionReader.Refuse($"{path}.role is empty");
                }
            }
        }

        List<ChatMessage> history;
        try
        {
            history = messages.ValueKind == JsonValueKind.Array
                ? (List<ChatMessage>?)messages.Deserialize(AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(List<ChatMessage>))) ?? []
                : throw SectionReader.Refuse($"{section.Path}.messages must be an array, not {messages.ValueKind}");
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The agent document is refused: {section.Path}.messages is not a valid conversation ({exception.Message}).", exception);
        }

        for (int i = 0; i < history.Count; i++)
        {
            Check(history[i], $"{section.Path}.messages[{i}]");
        }

        try
        {
            using var writer = new Utf8JsonWriter(Stream.Null);
            JsonSerializer.Serialize(writer, history, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<ChatMessage>)));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or NotSupportedException or JsonException)
        {
            throw new InvalidDataException($"The agent document is refused: {section.Path}.messages could not be written again ({exception.Message}).", exception);
        }

        var seen = new List<string>();
        foreach (var (element, path) in section.Array("seenToolResults"))
        {
            seen.Add(element.ValueKind == JsonValueKind.String
                ? SectionReader.ValidText(SectionReader.String(element, path), path)
                : throw SectionReader.Refuse($"{path} must be a call id, not {element.ValueKind}"));
        }

        return () =>
        {
            _history = history;
            _seenToolResults.Clear();
            _seenToolResults.UnionWith(seen);
        };
    }

    /// <summary>Checks one message of an imported conversation.</summary>
    private static void Check(ChatMessage? message, string path)
    {
        if (message is null)
        {
            throw SectionReader.Refuse($"{path} is missing");
        }

        if (string.IsNullOrWhiteSpace(message.Role.Value))
        {
            throw SectionReader.Refuse($"{path}.role is empty");
        }

        for (int c = 0; c < message.Contents.Count; c++)
        {
            string at = $"{path}.contents[{c}]";
            switch (message.Contents[c])
            {
                case null:
                    throw SectionReader.Refuse($"{at} is missing");
                case TextContent text:
                    SectionReader.ValidText(text.Text ?? string.Empty, at + ".text");
                    break;
                case FunctionCallContent call when string.IsNullOrEmpty(call.CallId) || string.IsNullOrEmpty(call.Name):
                    throw SectionReader.Refuse($"{at} is a tool call without a call id or a name");
                case FunctionResultContent result when string.IsNullOrEmpty(result.CallId):
                    throw SectionReader.Refuse($"{at} is a tool result without a call id");
            }
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

    private (List<ChatMessage> Request, ChatMessage User, ChatOptions Options) BeginTurn(string message, Stimulus stimulus, ChatOptions? options)
    {
        Heard(message);
        _agent.ExperienceUserMessage(stimulus, message);
        var user = new ChatMessage(ChatRole.User, StatePrompt.Neutralize(message));
        List<ChatMessage> request;
        lock (_gate)
        {
            request = new List<ChatMessage>(_history.Count + 1);
            foreach (var kept in _history)
            {
                // What the agent said and what its tools returned are replayed too: neither may touch the block.
                request.Add(MessageDefuser.Defuse(kept));
            }
        }

        request.Add(user);
        return (request, user, PrepareOptions(options));
    }

    /// <summary>Logs a turn that failed at the provider and marks its span; always <see langword="false"/>, so the exception flows on untouched.</summary>
    private bool TurnFailed(Exception exception, Activity? activity)
    {
        _log.TurnFailed(exception);
        Telemetry.Failed(activity, exception);
        return false;
    }

    /// <summary>Hears the reply and keeps the turn: what was said to the agent (if anything), then what it answered.</summary>
    private void EndTurn(ChatMessage? said, ChatResponse response, Counter<long> turns)
    {
        ObserveMessages(response.Messages, response: true);
        ExperienceReply(response);
        lock (_gate)
        {
            var history = new List<ChatMessage>(_history.Count + 1 + response.Messages.Count);
            history.AddRange(_history);
            if (said is not null)
            {
                history.Add(said);
            }

            history.AddRange(response.Messages);
            _history = ChatViewport.Fit(history, _budget);
        }

        turns.Add(1);
    }
}
