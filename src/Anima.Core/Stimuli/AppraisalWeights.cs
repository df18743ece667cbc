namespace Anima;

/// <summary>
/// How strongly each of the four appraisal dimensions of a <see cref="Stimulus"/> moves one channel.
/// These are the channel's base row of the soul matrix, before personality gains.
/// </summary>
/// <param name="Tension">The coefficient of <see cref="Stimulus.Tension"/>.</param>
/// <param name="Arousal">The coefficient of <see cref="Stimulus.Arousal"/>.</param>
/// <param name="Satisfaction">The coefficient of <see cref="Stimulus.Satisfaction"/>.</param>
/// <param name="Cohesion">The coefficient of <see cref="Stimulus.Cohesion"/>.</param>
public readonly record struct AppraisalWeights(double Tension, double Arousal, double Satisfaction, double Cohesion);
