using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>
/// Turns of <see cref="AnimaCore"/> with a named person: one inner state for everyone, and for each person their own
/// history and relationship (see <see cref="AnimaCore.People"/>).
/// </summary>
public static class PersonChatExtensions
{
    /// <summary>
    /// Lets a person say something to the agent and returns its reply; otherwise as <see cref="AnimaCore.ChatAsync"/>. The agent keeps one
    /// inner state for everyone, and for each person their own history (<see cref="AnimaPeople.GetHistory"/>) and relationship
    /// (<see cref="AnimaPeople.Get"/>), which the message moves and the state block tells; turns with different people may run at once.
    /// </summary>
    /// <param name="agent">The agent.</param>
    /// <param name="person">Who is speaking.</param>
    /// <param name="message">What they say.</param>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> or <paramref name="person"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    public static Task<ChatResponse> ChatAsync(this AnimaCore agent, Person person, string message, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        (agent ?? throw new ArgumentNullException(nameof(agent))).Conversation.ChatAsync(person ?? throw new ArgumentNullException(nameof(person)), message, null, options, cancellationToken);

    /// <summary>Lets a person say something to the agent and streams its reply; otherwise as <see cref="ChatAsync(AnimaCore, Person, string, ChatOptions, CancellationToken)"/>.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="person">Who is speaking.</param>
    /// <param name="message">What they say.</param>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's updates as they arrive.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> or <paramref name="person"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    public static IAsyncEnumerable<ChatResponseUpdate> ChatStreamingAsync(this AnimaCore agent, Person person, string message, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        (agent ?? throw new ArgumentNullException(nameof(agent))).Conversation.ChatStreamingAsync(person ?? throw new ArgumentNullException(nameof(person)), message, null, options, cancellationToken);

    /// <summary>
    /// Lets the agent speak first to a person, unprompted; otherwise as <see cref="AnimaCore.InitiateAsync"/>. The request carries the history with
    /// them and how the agent stands with them (and how long it has been since they spoke), and the reply joins their history.
    /// </summary>
    /// <param name="agent">The agent.</param>
    /// <param name="person">Whom the agent speaks to.</param>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's response: what the agent said.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> or <paramref name="person"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    public static Task<ChatResponse> InitiateAsync(this AnimaCore agent, Person person, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        (agent ?? throw new ArgumentNullException(nameof(agent))).Conversation.InitiateAsync(person ?? throw new ArgumentNullException(nameof(person)), options, cancellationToken);
}
