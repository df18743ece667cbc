using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Anima.Evaluation.Tests;

/// <summary>A chat client with no network: each request is recorded and answered by a function of its messages.</summary>
internal sealed class ScriptedClient(Func<IReadOnlyList<ChatMessage>, string> answer) : IChatClient
{
    public List<List<ChatMessage>> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Requests.Add(list);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(list))));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
