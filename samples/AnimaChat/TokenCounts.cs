using Anima;
using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace AnimaChat;

/// <summary>Token-accurate history: the agent's turn-budget reducer with a real tokenizer's counts instead of characters ÷ 4.</summary>
internal static class TokenCounts
{
    /// <summary>Four tokens a message for its role and framing, as the estimate counts them.</summary>
    private const int PerMessage = 4;

    private static readonly Lazy<Tokenizer> O200k = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    /// <summary>GPT-4o's tokenizer (o200k_base, from its offline data package).</summary>
    public static Tokenizer O200kBase => O200k.Value;

    /// <summary>A history reducer that keeps the newest whole turns whose o200k tokens fit <paramref name="budget"/>.</summary>
    /// <param name="budget">The budget, in tokens.</param>
    /// <returns>The reducer.</returns>
    public static TurnBudgetChatReducer O200kHistory(int budget) => new(budget, Count);

    /// <summary>The o200k tokens of a message's text and tool traffic, plus the framing.</summary>
    public static int Count(ChatMessage message)
    {
        int tokens = PerMessage;
        foreach (var content in message.Contents)
        {
            tokens += content switch
            {
                TextContent text => O200kBase.CountTokens(text.Text),
                FunctionCallContent call => O200kBase.CountTokens(call.Name) + (call.Arguments is null ? 0 : O200kBase.CountTokens(string.Join(' ', call.Arguments.Select(a => $"{a.Key} {a.Value}")))),
                FunctionResultContent result => O200kBase.CountTokens(result.Result?.ToString() ?? ""),
                _ => 16,
            };
        }

        return tokens;
    }
}
