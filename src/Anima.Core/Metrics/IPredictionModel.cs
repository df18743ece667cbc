namespace Anima;

/// <summary>
/// Layer 3 of the pipeline: predicts the next reactor state and measures how wrong the prediction was.
/// </summary>
/// <remarks>
/// The agent owns the model's state (a span of <see cref="StateLength"/> numbers) and passes it in, so the
/// model can be saved with the agent; an implementation keeps no per-agent state.
/// </remarks>
public interface IPredictionModel
{
    /// <summary>Gets how many numbers of state the model needs for a number of channels.</summary>
    /// <param name="channels">The number of channels.</param>
    /// <returns>The state length.</returns>
    int StateLength(int channels);

    /// <summary>Initializes the model's state for an agent at rest at <paramref name="levels"/>.</summary>
    /// <param name="state">The state to initialize, of length <see cref="StateLength"/>.</param>
    /// <param name="levels">The initial levels.</param>
    void Initialize(Span<double> state, ReadOnlySpan<double> levels);

    /// <summary>Compares an observation with the model's prediction, then learns from it.</summary>
    /// <param name="state">The model's state, updated in place.</param>
    /// <param name="observation">The observed levels.</param>
    /// <returns>The precision-weighted error and the surprise of the observation.</returns>
    PredictionOutcome Observe(Span<double> state, ReadOnlySpan<double> observation);

    /// <summary>
    /// Checks a state read from an agent document before the agent takes it, so a damaged or hostile document cannot
    /// leave the model unable to go on (every number is already finite and at most a million in magnitude).
    /// </summary>
    /// <param name="state">The state, of length <see cref="StateLength"/>.</param>
    /// <returns><see langword="true"/> if the model can go on from the state; the default accepts any.</returns>
    bool IsValidState(ReadOnlySpan<double> state) => true;
}
