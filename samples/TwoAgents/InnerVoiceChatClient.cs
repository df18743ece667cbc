using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TwoAgents;

/// <summary>
/// An offline speaker: it answers with the first-person lines of the agent's own inner-state block (which every
/// request carries as instructions), so what one agent says is what it feels and wants, and the other agent
/// hears and appraises exactly that. No model, no network.
/// </summary>
internal sealed class InnerVoiceChatClient : IChatClient
{
    private const string Open = "<anima_inner_state>";
    private const string Close = "</anima_inner_state>";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Speak(options?.Instructions))));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("inner-voice") : null;

    public void Dispose()
    {
    }

    /// <summary>The feeling, then up to two wants or intentions, from the inner-state block.</summary>
    internal static string Speak(string? instructions)
    {
        int start = instructions?.IndexOf(Open, StringComparison.Ordinal) ?? -1;
        if (instructions is null || start < 0)
        {
            return "I am not sure what to say.";
        }

        int end = instructions.IndexOf(Close, start, StringComparison.Ordinal);
        var lines = instructions[(start + Open.Length)..(end < 0 ? instructions.Length : end)]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("This is how I feel inside", StringComparison.Ordinal))
            .ToList();
        var feeling = lines.FirstOrDefault(line => line.StartsWith("I feel", StringComparison.Ordinal));
        var wants = lines.Where(line => line.Contains(" want", StringComparison.Ordinal) || line.Contains("need to", StringComparison.Ordinal)).Take(2);
        var said = new[] { feeling }.Concat(wants).Where(line => line is not null).ToList();
        return said.Count > 0 ? string.Join(' ', said) : "I am here.";
    }
}
