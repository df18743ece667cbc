using AnimaChat;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace Anima.Tests.Samples;

/// <summary>AnimaChat's --tokens o200k: the history counted by GPT-4o's tokenizer, where characters ÷ 4 is far off.</summary>
public class TokenCountTests
{
    [Theory]
    [InlineData("Сьогодні я нарешті отримав роботу, про яку мріяв два роки, і дуже щасливий.")]
    [InlineData("今日はずっと夢見ていた仕事にやっと就けて、とても嬉しいです。")]
    [InlineData("{\"tool\":\"weather\",\"args\":{\"city\":\"Lviv\",\"days\":[1,2,3]},\"ok\":true}")]
    public void TheO200kCount_IsNotTheEstimate_ForScriptsAndJson(string text)
    {
        var message = new ChatMessage(ChatRole.User, text);
        int estimate = (text.Length + 3) / 4;
        int counted = TokenCounts.Count(message) - 4;

        counted.Should().BePositive();
        ((double)counted / estimate).Should().NotBeInRange(0.85, 1.15, "characters / 4 is off for this text ({0} counted, {1} estimated)", counted, estimate);
    }

    [Fact]
    public async Task TheO200kReducer_KeepsWholeTurnsWithinTheBudget()
    {
        var reducer = TokenCounts.O200kHistory(60);
        List<ChatMessage> history = [];
        for (int i = 0; i < 8; i++)
        {
            history.Add(new ChatMessage(ChatRole.User, $"今日は{i}回目の話です。とても楽しい一日でした。"));
            history.Add(new ChatMessage(ChatRole.Assistant, "それは良かったですね！"));
        }

        var kept = (await reducer.ReduceAsync(history, default)).ToList();

        kept.Should().NotBeEmpty().And.HaveCountLessThan(history.Count);
        kept[0].Role.Should().Be(ChatRole.User);
        kept.Sum(TokenCounts.Count).Should().BeLessThanOrEqualTo(60);
    }
}
