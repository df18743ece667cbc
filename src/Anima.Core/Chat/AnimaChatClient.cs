using System.Runtime.CompilerServices;
using Anima.Chat;
using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>
/// A chat client middleware that gives any <see cref="IChatClient"/> pipeline an inner life: the newest user
/// message is experienced before the request, the request carries the agent's state as instructions, every
/// tool result moves the agent (a failure frustrates it, which raises the next request's thinking budget and
/// gives it an inner voice), and the reply is experienced afterwards.
/// </summary>
/// <remarks>
/// <para>
/// Add it with <see cref="AnimaChatClientBuilderExtensions.UseAnima"/>. Placed outside
/// <c>UseFunctionInvocation</c>, it sees the tool calls and results of each response; placed inside, it sees
/// them in the messages of the next round. Either way each result is experienced once (by call id).
/// </para>
/// <para>Text from the conversation that looks like the inner-state block's tags is neutralised (see <see cref="StatePrompt.Neutralize"/>); the caller's messages and options are never changed.</para>
/// </remarks>
public sealed class AnimaChatClient : DelegatingChatClient
{
    private ChatMessage? _lastHeard;

    /// <summary>Initializes a new instance of the <see cref="AnimaChatClient"/> class.</summary>
    /// <param name="innerClient">The client to send requests through.</param>
    /// <param name="agent">The agent whose inner life shapes the requests.</param>
    /// <exception cref="ArgumentNullException"><paramref name="innerClient"/> or <paramref name="agent"/> is <see langword="null"/>.</exception>
    public AnimaChatClient(IChatClient innerClient, AnimaCore agent)
        : base(innerClient)
    {
        Agent = agent ?? throw new ArgumentNullException(nameof(agent));
    }

    /// <summary>Gets the agent whose inner life shapes the requests.</summary>
    public AnimaCore Agent { get; }

    /// <summary>Gets or sets a value indicating whether the agent experiences its own replies.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ExperienceReplies { get; set; } = true;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (ReferenceEquals(Conversation.OwnTurn.Value, Agent))
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var (request, prepared) = Prepare(messages, options);
        var response = await base.GetResponseAsync(request, prepared, cancellationToken).ConfigureAwait(false);
        Conclude(response);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (ReferenceEquals(Conversation.OwnTurn.Value, Agent))
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var (request, prepared) = Prepare(messages, options);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(request, prepared, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }

        Conclude(updates.ToChatResponse());
    }

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(Agent) ? Agent : base.GetService(serviceType, serviceKey);
    }

    private (List<ChatMessage> Request, ChatOptions Options) Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var request = new List<ChatMessage>();
        ChatMessage? last = null;
        foreach (var message in messages)
        {
            request.Add(MessageDefuser.Defuse(message));
            last = message;
        }

        Agent.Conversation.ObserveMessages(request, response: false);
        if (last is { } heard && heard.Role == ChatRole.User)
        {
            // The same message object is heard once, however many rounds of tool calls repeat it.
            if (!ReferenceEquals(Interlocked.Exchange(ref _lastHeard, heard), heard) && !string.IsNullOrWhiteSpace(heard.Text))
            {
                Agent.Conversation.Heard(heard.Text);
                Agent.ExperienceUserMessage(default, heard.Text);
            }
        }

        return (request, Agent.Conversation.PrepareOptions(options));
    }

    private void Conclude(ChatResponse response)
    {
        Agent.Conversation.ObserveMessages(response.Messages, response: true);
        if (ExperienceReplies)
        {
            Agent.Conversation.ExperienceReply(response);
        }
    }
}
