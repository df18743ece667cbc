namespace Anima;

/// <summary>How an observation compared with the prediction.</summary>
/// <param name="Error">
/// The precision-weighted prediction error: the root mean square, over channels, of each error divided by
/// its expected spread (a z-score); 0 is exactly as expected, above 3 is far outside what was expected.
/// </param>
/// <param name="Surprise">
/// The Gaussian surprise of the observation in nats, Σ ½·(e²/σ² + ln 2πσ²) over channels (Friston 2010).
/// </param>
public readonly record struct PredictionOutcome(double Error, double Surprise);
