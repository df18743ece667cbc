using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Anima.Orleans.Tests.Support;

/// <summary>
/// A chat client with no network: each reply is the next of a few friendly lines, signed with the agent's id and the
/// number of the reply, so a test can tell who said what and in which order.
/// </summary>
internal sealed class LineChatClient(string agentId) : IChatClient
{
    private static readonly string[] Lines =
    [
        "It is really good to talk with you.",
        "I have been thinking about what you said, and I am glad you told me.",
        "That makes me happy; thank you for sharing it.",
        "I feel close to you when we talk like this.",
    ];

    private int _replies;

    /// <summary>Gets a value indicating whether every request fails, as an unreachable provider's would.</summary>
    public bool Fails { get; init; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Next())));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string text = Next();
        foreach (string word in text.Split(' '))
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ") { MessageId = "m" + _replies };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private string Next()
    {
        if (Fails)
        {
            throw new HttpRequestException("The test's provider is unreachable.");
        }

        int n = Interlocked.Increment(ref _replies);
        return $"{Lines[(n - 1) % Lines.Length]} ({agentId} #{n})";
    }
}
