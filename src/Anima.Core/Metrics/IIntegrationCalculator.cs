namespace Anima;

/// <summary>
/// Layer 3 of the pipeline: measures how integrated the agent's recent states are (its φ).
/// </summary>
/// <remarks>Implementations keep no per-agent state; one instance can serve many agents and threads.</remarks>
public interface IIntegrationCalculator
{
    /// <summary>Measures integration over a window of recent reactor states.</summary>
    /// <param name="window">The recent states, one series per channel, the newest state last.</param>
    /// <returns>φ in [0, 1]: 0 when the channels move independently (or there is too little data), toward 1 as they move as one.</returns>
    double Compute(StateWindow window);
}
