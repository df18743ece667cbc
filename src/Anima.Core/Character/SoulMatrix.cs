using Anima.Numerics;

namespace Anima;

/// <summary>
/// The soul matrix (F15): how strongly each of the agent's channels answers each appraisal dimension of a
/// stimulus (tension, arousal, satisfaction, cohesion). A snapshot; <see cref="AnimaCore.Soul"/> returns the
/// agent's matrix as it is now.
/// </summary>
/// <remarks>
/// <para>
/// The base comes from the channel profile's response weights scaled by the Big Five: each channel's gain trait
/// (neuroticism for tension and cortisol, extraversion for arousal, dopamine and testosterone, agreeableness
/// for cohesion and oxytocin) raises or lowers its whole row. It follows the personality as that grows.
/// </para>
/// <para>
/// The soul also learns from experience, Hebbian fashion: each coefficient keeps a latent value λ that every
/// experience moves by η·s·d − κ·λ, with s the appraisal on its dimension and d how far its channel then
/// stands from baseline (η = 0.005, κ = 0.0002): what keeps stirring a channel binds to it more strongly, what
/// stops doing so fades back — slowly, so a long regime's lesson is consolidated (about half of it is still there
/// three thousand quiet experiences later). A threat channel learns against its distance less the safety the same
/// experience showed, so a threat that keeps meeting safety (reward, closeness) weakens its response: habituation
/// and extinction, as in exposure therapy. The coefficient is its base plus b·λ/(1 + |λ|), with b = ½·|base| + 0.1, so it
/// can never move by more than b from its base however long the agent lives, and the pull of κ brings it
/// back when experience stops pushing.
/// </para>
/// </remarks>
public sealed class SoulMatrix
{
    /// <summary>The names of the appraisal dimensions, the matrix's columns.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = ["tension", "arousal", "satisfaction", "cohesion"];

    private const double Rate = 0.005;
    private const double Reversion = 0.0002;

    private readonly double[] _now;
    private readonly double[] _base;
    private readonly string[] _channels;

    internal SoulMatrix(ChannelProfile profile, ReadOnlySpan<double> now, ReadOnlySpan<double> @base, Personality personality)
    {
        _channels = [.. profile.Channels.Select(c => c.Name)];
        _now = now.ToArray();
        _base = @base.ToArray();
        FrustrationSensitivity = Sensitivity(personality);
    }

    /// <summary>Gets the names of the channels, the matrix's rows, in profile order.</summary>
    public IReadOnlyList<string> Channels => _channels;

    /// <summary>
    /// Gets how easily this soul is frustrated: the factor on the tenth a tool failure adds to frustration,
    /// 1 + 0.8·(N − 0.5) − 0.4·(C − 0.5) from neuroticism and conscientiousness, kept within [0.5, 1.5].
    /// </summary>
    public double FrustrationSensitivity { get; }

    /// <summary>Gets how strongly a channel answers an appraisal dimension now.</summary>
    /// <param name="channel">The channel's name (case-insensitive).</param>
    /// <param name="dimension">One of <see cref="Dimensions"/> (case-insensitive).</param>
    /// <returns>The coefficient.</returns>
    /// <exception cref="ArgumentException">The channel or the dimension is unknown.</exception>
    public double this[string channel, string dimension] => _now[Index(channel, dimension)];

    /// <summary>Gets the coefficient the Big Five alone would give, before learning.</summary>
    /// <param name="channel">The channel's name (case-insensitive).</param>
    /// <param name="dimension">One of <see cref="Dimensions"/> (case-insensitive).</param>
    /// <returns>The base coefficient.</returns>
    /// <exception cref="ArgumentException">The channel or the dimension is unknown.</exception>
    public double Base(string channel, string dimension) => _base[Index(channel, dimension)];

    /// <summary>Gets the furthest a coefficient can move from its base: ½·|base| + 0.1.</summary>
    /// <param name="channel">The channel's name (case-insensitive).</param>
    /// <param name="dimension">One of <see cref="Dimensions"/> (case-insensitive).</param>
    /// <returns>The bound.</returns>
    /// <exception cref="ArgumentException">The channel or the dimension is unknown.</exception>
    public double Bound(string channel, string dimension) => BoundOf(_base[Index(channel, dimension)]);

    internal static double Sensitivity(Personality p) =>
        Math.Clamp(1 + (0.8 * (p.Neuroticism - 0.5)) - (0.4 * (p.Conscientiousness - 0.5)), 0.5, 1.5);

    internal static double BoundOf(double @base) => BoundedLearning.Bound(@base);

    /// <summary>
    /// One experience's learning, <paramref name="appraisal"/> (four dimensions) against each channel's distance
    /// from its baseline, and the coefficients it gives with <paramref name="base"/> (see <see cref="Apply"/>).
    /// </summary>
    internal static void Learn(Span<double> learning, ReadOnlySpan<double> appraisal, ReadOnlySpan<double> deviations, ReadOnlySpan<double> @base, Span<double> soul) =>
        BoundedLearning.Learn(learning, appraisal, deviations, @base, soul, Rate, Reversion);

    /// <summary>The coefficients now: base plus the bounded learning.</summary>
    internal static void Apply(ReadOnlySpan<double> @base, ReadOnlySpan<double> learning, Span<double> soul)
    {
        for (int k = 0; k < soul.Length; k++)
        {
            soul[k] = Coefficient(@base[k], learning[k]);
        }
    }

    private static double Coefficient(double @base, double learning) => BoundedLearning.Coefficient(@base, learning);

    private int Index(string channel, string dimension)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(dimension);
        int row = Array.FindIndex(_channels, c => c.Equals(channel, StringComparison.OrdinalIgnoreCase));
        if (row < 0)
        {
            throw new ArgumentException($"The soul has no channel '{channel}'; its channels are {string.Join(", ", _channels)}.", nameof(channel));
        }

        int column = -1;
        for (int j = 0; j < Dimensions.Count; j++)
        {
            if (Dimensions[j].Equals(dimension, StringComparison.OrdinalIgnoreCase))
            {
                column = j;
            }
        }

        return column < 0
            ? throw new ArgumentException($"'{dimension}' is not an appraisal dimension; they are {string.Join(", ", Dimensions)}.", nameof(dimension))
            : (row * 4) + column;
    }
}
