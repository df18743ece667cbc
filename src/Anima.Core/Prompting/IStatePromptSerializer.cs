namespace Anima;

/// <summary>
/// Layer 6 of the pipeline: turns a state into the text a language model reads before it replies.
/// </summary>
/// <remarks>
/// The default writes an <c>&lt;anima_inner_state&gt;</c> block of first-person feelings and desires, with
/// no digits and no field names, quantised into bands so the text changes only when the state really moves.
/// Implementations must be thread-safe and keep no per-agent state.
/// </remarks>
public interface IStatePromptSerializer
{
    /// <summary>Writes the state as prompt text.</summary>
    /// <param name="state">The state to describe.</param>
    /// <returns>The text to send with the next request, as part of its instructions.</returns>
    string Serialize(AnimaState state);
}
