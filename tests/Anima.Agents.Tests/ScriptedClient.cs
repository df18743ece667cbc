using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Anima.Agents.Tests;

/// <summary>A chat client with no network: each request is recorded with its options and answered by the next step of a script.</summary>
internal sealed class ScriptedClient(params Func<IReadOnlyList<ChatMessage>, ChatMessage>[] script) : IChatClient
{
    private int _next;

    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add((list, options));
        return Task.FromResult(new ChatResponse(script[Math.Min(_next++, script.Length - 1)](list)));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
