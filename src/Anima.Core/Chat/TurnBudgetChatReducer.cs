using Microsoft.Extensions.AI;

namespace Anima;

/// <summary>
/// The history reducer agents use unless <see cref="AnimaOptions.HistoryReducer"/> names another: the newest whole turns
/// that fit a token budget. A turn begins with a user message and holds everything up to the next one (the replies, tool
/// calls and tool results), so a tool call is never separated from its result; a turn larger than the whole budget is
/// dropped. Tokens are estimated as a quarter of the characters plus four a message unless a counter is given: pass one
/// built on a real tokenizer (for example <c>Microsoft.ML.Tokenizers</c>) for scripts where characters ÷ 4 is far off.
/// </summary>
public sealed class TurnBudgetChatReducer : IChatReducer
{
    private readonly Func<ChatMessage, int> _count;

    /// <summary>Initializes a reducer with a budget and, optionally, a token counter.</summary>
    /// <param name="tokenBudget">The budget, in tokens; at least 1.</param>
    /// <param name="countTokens">Counts one message's tokens; <see langword="null"/> for the estimate (characters ÷ 4, plus four).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokenBudget"/> is less than 1.</exception>
    public TurnBudgetChatReducer(int tokenBudget, Func<ChatMessage, int>? countTokens = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenBudget, 1);
        TokenBudget = tokenBudget;
        _count = countTokens ?? Chat.ChatViewport.Estimate;
    }

    /// <summary>Gets the budget, in tokens.</summary>
    public int TokenBudget { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="messages"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The token counter returned a negative count.</exception>
    public Task<IEnumerable<ChatMessage>> ReduceAsync(IEnumerable<ChatMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IEnumerable<ChatMessage>>(Reduce(messages as List<ChatMessage> ?? [.. messages]));
    }

    /// <summary>The newest whole turns that fit, at once.</summary>
    internal List<ChatMessage> Reduce(List<ChatMessage> messages) => Chat.ChatViewport.Fit(messages, TokenBudget, Count);

    private int Count(ChatMessage message)
    {
        int tokens = _count(message);
        return tokens >= 0 ? tokens : throw new InvalidOperationException($"The token counter of a {nameof(TurnBudgetChatReducer)} returned {tokens} for a message; a count is never negative.");
    }
}
