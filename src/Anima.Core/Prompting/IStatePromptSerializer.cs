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

    /// <summary>Writes the state as prompt text for a chat turn, with who is speaking and what the message brought back.</summary>
    /// <param name="state">The state to describe.</param>
    /// <param name="context">The person and the recollections of the turn.</param>
    /// <returns>The text to send with the request, as part of its instructions.</returns>
    /// <remarks>The default ignores the context and calls <see cref="Serialize(AnimaState)"/>; implement it to show relationships and memories.</remarks>
    string Serialize(AnimaState state, StatePromptContext context) => Serialize(state);
}
