namespace Anima;

/// <summary>
/// Layer 2 of the pipeline: finds the emotions nearest a point in valence-arousal-dominance space and
/// adapts the map to experience.
/// </summary>
/// <remarks>
/// The agent owns the adaptation (one offset per entry of the table) and passes it in; an implementation
/// keeps no per-agent state, so one instance can serve many agents and threads.
/// </remarks>
public interface IEmotionMap
{
    /// <summary>
    /// Writes the nearest emotions to <paramref name="indices"/> and their blend weights to
    /// <paramref name="weights"/>, nearest first.
    /// </summary>
    /// <param name="point">The agent's current point.</param>
    /// <param name="table">The emotion table.</param>
    /// <param name="offsets">The current adaptation of each entry of <paramref name="table"/>.</param>
    /// <param name="indices">Receives the table indices of the blend, nearest first.</param>
    /// <param name="weights">Receives the weights, each in (0, 1], summing to 1, largest first.</param>
    /// <returns>The number of emotions written, at least 1 and at most the length of the destinations.</returns>
    int Read(Vad point, EmotionTable table, ReadOnlySpan<Vad> offsets, Span<int> indices, Span<double> weights);

    /// <summary>
    /// Adapts the map after an experience whose primary emotion was <paramref name="primary"/>; offsets
    /// must stay bounded and relax back toward zero.
    /// </summary>
    /// <param name="point">The point that was felt.</param>
    /// <param name="table">The emotion table.</param>
    /// <param name="primary">The index of the primary emotion.</param>
    /// <param name="offsets">The adaptation of each entry, updated in place.</param>
    void Adapt(Vad point, EmotionTable table, int primary, Span<Vad> offsets);
}
