using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>
/// Turns of <see cref="AnimaCore"/> that come with a stimulus of their own — what else happened with the message —
/// beside the overloads in M.E.AI's order (<c>ChatAsync(message, options, cancellationToken)</c>) on the agent itself.
/// </summary>
public static class AnimaChatExtensions
{
    /// <summary>Says something to the agent, with what else happened, and returns its reply; otherwise as <see cref="AnimaCore.ChatAsync"/>.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="message">What the user says.</param>
    /// <param name="stimulus">What else happened with the message; it is experienced with the message.</param>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty or white space, or <paramref name="stimulus"/> names an unknown channel.</exception>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    public static Task<ChatResponse> ChatAsync(this AnimaCore agent, string message, Stimulus stimulus, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        (agent ?? throw new ArgumentNullException(nameof(agent))).Conversation.ChatAsync(null, message, stimulus, options, cancellationToken);

    /// <summary>Says something to the agent, with what else happened, and streams its reply; otherwise as <see cref="AnimaCore.ChatStreamingAsync"/>.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="message">What the user says.</param>
    /// <param name="stimulus">What else happened with the message; it is experienced with the message.</param>
    /// <param name="options">Options for the request; they are copied, never changed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The provider's updates as they arrive.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="agent"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty or white space, or <paramref name="stimulus"/> names an unknown channel.</exception>
    /// <exception cref="InvalidOperationException">The agent was built without a chat client.</exception>
    public static IAsyncEnumerable<ChatResponseUpdate> ChatStreamingAsync(this AnimaCore agent, string message, Stimulus stimulus, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        (agent ?? throw new ArgumentNullException(nameof(agent))).Conversation.ChatStreamingAsync(null, message, stimulus, options, cancellationToken);
}
