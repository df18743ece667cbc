using Microsoft.Extensions.AI;

namespace Anima.Chat;

/// <summary>
/// Frustration buys more thought (REFERENCE.md §5): the output budget becomes base × (1 + f / 50), with f the
/// frustration on a 0–100 scale; a request that already asks for reasoning has its effort raised a step at
/// f ≥ 10, two at f ≥ 30, three at f ≥ 60. Reasoning is never switched on for a request that did not ask for
/// it, since models without it reject the option.
/// </summary>
internal static class ThinkingBudget
{
    public static void Apply(ChatOptions options, double frustration, int baseTokens)
    {
        double f = 100 * frustration;
        if (f < 1)
        {
            return;
        }

        int budget = options.MaxOutputTokens ?? baseTokens;
        options.MaxOutputTokens = (int)Math.Min(int.MaxValue, Math.Round(budget * (1 + (f / 50))));

        if (options.Reasoning is { } reasoning)
        {
            int steps = f switch
            {
                >= 60 => 3,
                >= 30 => 2,
                >= 10 => 1,
                _ => 0,
            };
            var effort = reasoning.Effort ?? ReasoningEffort.Low;
            var raised = (ReasoningEffort)Math.Min((int)ReasoningEffort.ExtraHigh, (int)effort + steps);
            options.Reasoning = new ReasoningOptions { Effort = raised, Output = reasoning.Output };
        }
    }
}
