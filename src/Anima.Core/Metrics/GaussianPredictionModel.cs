namespace Anima.Metrics;

/// <summary>
/// The default prediction model: each channel is predicted by an exponential moving average of its
/// level (rate 0.3), with the expected squared error learned by a slower average (rate 0.05) and
/// floored at 0.02², so precision (1/σ²) stays finite. State per channel: the prediction and σ². Before an
/// experience after time has passed, each prediction relaxes toward its baseline as the level did, so the model
/// expects the agent's own relaxation.
/// </summary>
internal sealed class GaussianPredictionModel : IPredictionModel, IAnticipatingPredictionModel
{
    private const double LevelRate = 0.3;
    private const double VarianceRate = 0.05;
    private const double MinVariance = 0.02 * 0.02;
    private const double InitialVariance = 0.05 * 0.05;
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    public static GaussianPredictionModel Instance { get; } = new();

    public int StateLength(int channels) => 2 * channels;

    public void Initialize(Span<double> state, ReadOnlySpan<double> levels)
    {
        for (int i = 0; i < levels.Length; i++)
        {
            state[2 * i] = levels[i];
            state[(2 * i) + 1] = InitialVariance;
        }
    }

    /// <inheritdoc />
    /// <remarks>Each prediction is a level, in [0, 1]; each variance is at least the floor of 0.02² and at most 1, the largest squared error of a level.</remarks>
    public bool IsValidState(ReadOnlySpan<double> state)
    {
        for (int i = 0; i + 1 < state.Length; i += 2)
        {
            if (state[i] is not (>= 0 and <= 1) || state[i + 1] is not (>= MinVariance and <= 1))
            {
                return false;
            }
        }

        return state.Length % 2 == 0;
    }

    /// <summary>Each prediction relaxes toward its baseline as the level did: by the share kept.</summary>
    public void Anticipate(Span<double> state, ReadOnlySpan<double> baselines, ReadOnlySpan<double> keep)
    {
        for (int i = 0; i < keep.Length; i++)
        {
            state[2 * i] = baselines[i] + ((state[2 * i] - baselines[i]) * keep[i]);
        }
    }

    public PredictionOutcome Observe(Span<double> state, ReadOnlySpan<double> observation)
    {
        double weighted = 0;
        double surprise = 0;

        // Σ ln σᵢ² as ln Π σᵢ²: one logarithm per observation instead of one per channel. Variances are at least
        // MinVariance and at most a few units, so the product of eight cannot underflow or overflow.
        double variances = 1;
        for (int i = 0; i < observation.Length; i++)
        {
            double predicted = state[2 * i];
            double variance = state[(2 * i) + 1];
            double e = observation[i] - predicted;
            double z2 = e * e / variance;
            weighted += z2;
            variances *= variance;
            surprise += 0.5 * (z2 + LogTwoPi);

            state[2 * i] = predicted + (LevelRate * e);
            state[(2 * i) + 1] = Math.Max(MinVariance, variance + (VarianceRate * ((e * e) - variance)));
        }

        surprise += 0.5 * Math.Log(variances);
        return new PredictionOutcome(Math.Sqrt(weighted / observation.Length), surprise);
    }
}
