using Microsoft.Extensions.AI;

namespace Anima.Chat;

/// <summary>
/// Keeps a conversation within a token budget: the newest whole turns that fit. A turn begins with a user
/// message and holds everything up to the next one — the replies, tool calls and tool results — so a tool
/// call is never separated from its result. A turn larger than the whole budget is not kept.
/// </summary>
internal static class ChatViewport
{
    private const int PerMessage = 4;

    /// <summary>Returns the newest whole turns of <paramref name="messages"/> whose estimated tokens fit <paramref name="budget"/>.</summary>
    public static List<ChatMessage> Fit(List<ChatMessage> messages, int budget) => Fit(messages, budget, Estimate);

    /// <summary>Returns the newest whole turns of <paramref name="messages"/> whose tokens, as <paramref name="count"/> counts them, fit <paramref name="budget"/>.</summary>
    public static List<ChatMessage> Fit(List<ChatMessage> messages, int budget, Func<ChatMessage, int> count)
    {
        int start = messages.Count;
        int used = 0;
        int end = messages.Count;
        while (end > 0)
        {
            int begin = end - 1;
            while (begin > 0 && messages[begin].Role != ChatRole.User)
            {
                begin--;
            }

            long turn = 0;
            for (int i = begin; i < end; i++)
            {
                turn += count(messages[i]);
            }

            if (used + turn > budget)
            {
                break;
            }

            used += (int)turn;
            start = begin;
            end = begin;
        }

        return start == 0 ? messages : messages.GetRange(start, messages.Count - start);
    }

    /// <summary>Estimates a message's tokens: a quarter of its characters, rounded up, plus four.</summary>
    public static int Estimate(ChatMessage message)
    {
        long characters = 0;
        foreach (var content in message.Contents)
        {
            characters += content switch
            {
                TextContent text => text.Text.Length,
                TextReasoningContent reasoning => reasoning.Text.Length,
                FunctionCallContent call => call.Name.Length + Arguments(call),
                FunctionResultContent result => (result.Result?.ToString()?.Length ?? 0) + 8,
                _ => 64,
            };
        }

        return (int)Math.Min(int.MaxValue / 2, ((characters + 3) / 4) + PerMessage);
    }

    private static long Arguments(FunctionCallContent call)
    {
        long length = 2;
        if (call.Arguments is { } arguments)
        {
            foreach (var pair in arguments)
            {
                length += pair.Key.Length + (pair.Value?.ToString()?.Length ?? 4) + 6;
            }
        }

        return length;
    }
}
