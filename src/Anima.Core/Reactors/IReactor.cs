namespace Anima;

/// <summary>
/// Layer 1 of the pipeline: moves reactor levels with a response and relaxes them toward their baselines.
/// </summary>
/// <remarks>
/// The agent owns the levels and passes them in; an implementation keeps no per-agent state, so one
/// instance can serve many agents and threads. Levels must stay within [0, 1].
/// </remarks>
public interface IReactor
{
    /// <summary>Relaxes every level toward its baseline for a span of elapsed time.</summary>
    /// <param name="levels">The levels, one per channel of <paramref name="profile"/>, updated in place.</param>
    /// <param name="profile">The channel profile.</param>
    /// <param name="personality">The agent's current personality.</param>
    /// <param name="elapsed">The time since the previous relaxation; zero or positive.</param>
    void Relax(Span<double> levels, ChannelProfile profile, Personality personality, TimeSpan elapsed);

    /// <summary>
    /// Applies one experience: moves each level by its response (already scaled by the soul matrix),
    /// then takes the per-experience step toward baseline.
    /// </summary>
    /// <param name="levels">The levels, one per channel of <paramref name="profile"/>, updated in place.</param>
    /// <param name="response">The response of each channel, in [−1, 1].</param>
    /// <param name="profile">The channel profile.</param>
    /// <param name="personality">The agent's current personality.</param>
    void Excite(Span<double> levels, ReadOnlySpan<double> response, ChannelProfile profile, Personality personality);
}
