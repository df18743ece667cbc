using Microsoft.Extensions.AI;

namespace Anima.Evaluation;

/// <summary>
/// Sits between an agent and its model and keeps the agent's state at the moment each request leaves: the state the
/// reply is written from. After the turn the agent has also lived through its own words, so <see cref="AnimaCore.State"/>
/// is no longer that state; evaluate against <see cref="LastContext"/> instead. Only turns are recorded (requests that
/// carry the agent's state block); its other requests, such as reflection, are passed on untouched.
/// </summary>
/// <example>
/// <code>
/// var recorder = new InnerStateRecorder(modelClient);
/// var agent = new AnimaCore(options, recorder);
/// recorder.Attach(agent);
/// var reply = await agent.ChatAsync("The project was cancelled.");
/// var result = await new InnerStateEvaluator().EvaluateAsync(messages, reply, additionalContext: [recorder.LastContext!]);
/// </code>
/// </example>
/// <param name="innerClient">The model the agent speaks through.</param>
public sealed class InnerStateRecorder(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    private AnimaCore? _agent;
    private volatile AnimaState? _last;

    /// <summary>Gets the agent's state when the last request left for the model, or <see langword="null"/> before the first.</summary>
    public AnimaState? LastState => _last;

    /// <summary>Gets <see cref="LastState"/> as the context this package's evaluators read, or <see langword="null"/> before the first request.</summary>
    public AnimaStateContext? LastContext => _last is { } state ? new AnimaStateContext(state) : null;

    /// <summary>Names the agent whose state is kept: the one built with this client.</summary>
    /// <param name="agent">The agent.</param>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Another agent is already attached.</exception>
    public void Attach(AnimaCore agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (Interlocked.CompareExchange(ref _agent, agent, null) is { } other && !ReferenceEquals(other, agent))
        {
            throw new InvalidOperationException("An InnerStateRecorder keeps one agent's state; another agent is already attached.");
        }
    }

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Record(options);
        return base.GetResponseAsync(messages, options, cancellationToken);
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Record(options);
        return base.GetStreamingResponseAsync(messages, options, cancellationToken);
    }

    /// <summary>Keeps the state when the request is a turn (it carries the state block); the agent's other requests, such as reflection, leave it.</summary>
    private void Record(ChatOptions? options)
    {
        if (options?.Instructions?.Contains("<anima_inner_state>", StringComparison.Ordinal) != true)
        {
            return;
        }

        var agent = Volatile.Read(ref _agent) ?? throw new InvalidOperationException("No agent is attached to this InnerStateRecorder: call Attach(agent) after building the agent with it.");
        _last = agent.State;
    }
}
