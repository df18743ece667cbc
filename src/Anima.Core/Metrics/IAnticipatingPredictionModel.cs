namespace Anima.Metrics;

/// <summary>A prediction model that can expect the relaxation time brings, so a long quiet is no surprise.</summary>
internal interface IAnticipatingPredictionModel
{
    /// <summary>Moves each channel's prediction toward its baseline by the share of its distance the level kept.</summary>
    /// <param name="state">The model's state.</param>
    /// <param name="baselines">Each channel's baseline.</param>
    /// <param name="keep">The share of its distance from baseline each level kept, in [0, 1].</param>
    void Anticipate(Span<double> state, ReadOnlySpan<double> baselines, ReadOnlySpan<double> keep);
}
