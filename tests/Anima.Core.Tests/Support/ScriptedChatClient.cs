using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Anima.Tests.Support;

/// <summary>
/// A chat client that plays a script: each request gets the next reply (text, or messages with tool calls),
/// and every request is recorded with its messages and options. No network.
/// </summary>
internal sealed class ScriptedChatClient : IChatClient
{
    private readonly Queue<Func<IReadOnlyList<ChatMessage>, ChatResponse>> _script = new();

    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    /// <summary>Gets or sets the reply when the script has run out: an echo of the user's words.</summary>
    public Func<IReadOnlyList<ChatMessage>, ChatResponse> Fallback { get; set; } =
        messages => new ChatResponse(new ChatMessage(ChatRole.Assistant, "I hear you: " + messages[^1].Text));

    /// <summary>Gets or sets an exception to throw on the next request instead of replying.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Gets or sets a value indicating whether a stream stops after its first chunk and waits to be cancelled.</summary>
    public bool HangMidStream { get; set; }

    /// <summary>Gets or sets how many characters each streamed chunk carries.</summary>
    public int ChunkSize { get; set; } = 5;

    public ScriptedChatClient Reply(string text)
    {
        _script.Enqueue(_ => new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));
        return this;
    }

    public ScriptedChatClient Reply(Func<IReadOnlyList<ChatMessage>, ChatResponse> reply)
    {
        _script.Enqueue(reply);
        return this;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Next(messages, options));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = Next(messages, options);
        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is TextContent text)
                {
                    for (int at = 0; at < text.Text.Length; at += ChunkSize)
                    {
                        await Task.Yield();
                        yield return new ChatResponseUpdate(message.Role, text.Text.Substring(at, Math.Min(ChunkSize, text.Text.Length - at))) { MessageId = "m" + Requests.Count };
                        if (HangMidStream)
                        {
                            await Task.Delay(Timeout.Infinite, cancellationToken);
                        }
                    }
                }
                else
                {
                    yield return new ChatResponseUpdate { Role = message.Role, Contents = [content], MessageId = "m" + Requests.Count };
                }
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private ChatResponse Next(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        Requests.Add((list, options));
        if (Failure is { } failure)
        {
            Failure = null;
            throw failure;
        }

        return _script.Count > 0 ? _script.Dequeue()(list) : Fallback(list);
    }
}
