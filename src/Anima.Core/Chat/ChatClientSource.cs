using Microsoft.Extensions.AI;

namespace Anima.Chat;

/// <summary>
/// Where an agent's own chat client comes from: the client it was given, or a factory asked once, on first use — so a
/// container can build a pipeline that itself needs the agent (<c>AddChatClient(…).UseAnima()</c>) without a cycle.
/// </summary>
internal sealed class ChatClientSource
{
    private readonly Lazy<IChatClient?>? _resolved;
    private readonly IChatClient? _client;

    public ChatClientSource(IChatClient? client) => _client = client;

    public ChatClientSource(Func<IChatClient?> factory) => _resolved = new Lazy<IChatClient?>(factory, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the client, resolving it the first time when it comes from a factory.</summary>
    public IChatClient? Client => _resolved is null ? _client : _resolved.Value;
}
