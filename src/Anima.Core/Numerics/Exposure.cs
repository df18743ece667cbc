namespace Anima.Numerics;

/// <summary>
/// What one experience teaches about a threat: whether the threat it carried met safety. Repeated safe exposure
/// lowers a fear response (habituation and extinction, the principle of exposure therapy; Rescorla and Wagner 1972:
/// learning follows what the outcome was, not only what came together); a threat that meets no safety still binds.
/// </summary>
internal static class Exposure
{
    /// <summary>How strongly safety shown in an experience counts against the threat it carried.</summary>
    public const double ExtinctionWeight = 2;

    /// <summary>
    /// The safety an appraisal (tension, arousal, satisfaction, cohesion) shows: its reward plus half its closeness,
    /// in [0, 1]. A feared thing met with fascination and calm is safe; one met with pain is not.
    /// </summary>
    public static double Safety(ReadOnlySpan<double> appraisal) =>
        Math.Clamp(Math.Max(0, appraisal[2]) + (0.5 * Math.Max(0, appraisal[3])), 0, 1);

    /// <summary>
    /// The threat an experience teaches: its tension, less <see cref="ExtinctionWeight"/> times the part of it that met
    /// safety. Negative when a feared thing keeps proving safe.
    /// </summary>
    public static double LearnedThreat(ReadOnlySpan<double> appraisal) =>
        appraisal[0] - (ExtinctionWeight * Math.Min(Math.Max(0, appraisal[0]), Safety(appraisal)));
}
