using System.Globalization;
using Microsoft.Extensions.AI.Evaluation;

namespace Anima.Evaluation;

/// <summary>
/// The inner state a reply was written from, for the evaluators of this package: pass it in <c>additionalContext</c>.
/// Its contents describe the state in words (what the agent feels, how strongly, what it shows and its narrative), which
/// is what a judge model reads; the evaluators read <see cref="State"/> itself.
/// </summary>
public sealed class AnimaStateContext : EvaluationContext
{
    /// <summary>The name of this context in evaluation results.</summary>
    public const string ContextName = "Anima inner state";

    /// <summary>Initializes the context from the state the agent was in when it replied.</summary>
    /// <param name="state">The state, for example <see cref="AnimaCore.State"/> right after the turn.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    public AnimaStateContext(AnimaState state)
        : base(ContextName, Describe(state))
    {
        State = state;
    }

    /// <summary>Gets the state the reply was written from.</summary>
    public AnimaState State { get; }

    /// <summary>The state in words, as a judge reads it.</summary>
    internal static string Describe(AnimaState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        string strength = state.Intensity switch
        {
            >= 0.66 => "strongly",
            >= 0.33 => "clearly",
            _ => "faintly",
        };
        string shown = string.Equals(state.Expressed, state.Primary, StringComparison.Ordinal)
            ? "and shows it"
            : string.Create(CultureInfo.InvariantCulture, $"but shows {state.Expressed.ToLowerInvariant()}");
        return $"The speaker {strength} feels {state.Primary.ToLowerInvariant()} {shown}. In its own words: {state.Narrative}";
    }
}
