using System.Runtime.CompilerServices;
using Anima;
using Microsoft.Extensions.AI;

namespace AnimaChat.Providers;

/// <summary>
/// The responder used when no model is connected. It says plainly that it is offline and, so the session still
/// shows something of the agent, repeats the first feeling of the inner-state block it was given.
/// </summary>
internal sealed class OfflineChatClient : IChatClient
{
    private static readonly ChatClientMetadata Metadata = new("offline");

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Reply(options))) { ModelId = "offline" });
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string reply = Reply(options);
        int start = 0;
        while (start < reply.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int space = reply.IndexOf(' ', start);
            int end = space < 0 ? reply.Length : space + 1;
            yield return new ChatResponseUpdate(ChatRole.Assistant, reply[start..end]) { ModelId = "offline" };
            start = end;
            await Task.Yield();
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(Metadata) ? Metadata
            : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static string Reply(ChatOptions? options)
    {
        const string Offline = "(I'm offline: no language model is connected, so I can't really answer. Run with --provider, or set a key such as OPENAI_API_KEY, to talk with a model.)";
        string? feeling = FirstFeeling(options?.Instructions);
        return feeling is null ? Offline : $"{Offline} What I can tell you is how I am: {feeling}";
    }

    private static string? FirstFeeling(string? instructions)
    {
        if (instructions is null)
        {
            return null;
        }

        int open = instructions.IndexOf(StatePrompt.OpenTag, StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        int start = open + StatePrompt.OpenTag.Length;
        int close = instructions.IndexOf(StatePrompt.CloseTag, start, StringComparison.Ordinal);
        string block = (close < 0 ? instructions[start..] : instructions[start..close]).Trim();
        int stop = block.IndexOf('.', StringComparison.Ordinal);
        return stop < 0 ? block : block[..(stop + 1)];
    }
}
