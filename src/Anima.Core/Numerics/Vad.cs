using System.Globalization;
using Anima.Numerics;

namespace Anima;

/// <summary>
/// A point in valence-arousal-dominance space (also called pleasure-arousal-dominance, PAD).
/// Each coordinate lies in [−1, 1].
/// </summary>
/// <param name="Valence">How pleasant: −1 is utterly unpleasant, 1 utterly pleasant.</param>
/// <param name="Arousal">How activated: −1 is asleep, 1 frantic.</param>
/// <param name="Dominance">How much in control: −1 is helpless, 1 in command.</param>
public readonly record struct Vad(double Valence, double Arousal, double Dominance)
{
    /// <summary>Gets the neutral point (0, 0, 0).</summary>
    public static Vad Neutral => default;

    /// <summary>Gets the Euclidean distance from the neutral point, in [0, √3].</summary>
    public double Magnitude => Math.Sqrt((Valence * Valence) + (Arousal * Arousal) + (Dominance * Dominance));

    /// <summary>Gets the Euclidean distance between two points.</summary>
    /// <param name="other">The other point.</param>
    /// <returns>The distance, in [0, 2√3].</returns>
    public double DistanceTo(Vad other) => Math.Sqrt(SquaredDistanceTo(other));

    /// <summary>Gets the squared Euclidean distance between two points.</summary>
    /// <param name="other">The other point.</param>
    /// <returns>The squared distance.</returns>
    public double SquaredDistanceTo(Vad other)
    {
        double dv = Valence - other.Valence, da = Arousal - other.Arousal, dd = Dominance - other.Dominance;
        return (dv * dv) + (da * da) + (dd * dd);
    }

    /// <summary>Returns the point moved toward <paramref name="target"/> by the fraction <paramref name="amount"/>.</summary>
    /// <param name="target">The point to move toward.</param>
    /// <param name="amount">The fraction of the way to move, usually in [0, 1].</param>
    /// <returns>The interpolated point.</returns>
    public Vad Lerp(Vad target, double amount) => new(
        Valence + ((target.Valence - Valence) * amount),
        Arousal + ((target.Arousal - Arousal) * amount),
        Dominance + ((target.Dominance - Dominance) * amount));

    /// <summary>Returns this point with every coordinate clamped to [−1, 1].</summary>
    /// <returns>The clamped point.</returns>
    public Vad Clamp() => new(Math.Clamp(Valence, -1, 1), Math.Clamp(Arousal, -1, 1), Math.Clamp(Dominance, -1, 1));

    /// <summary>Squashes three coordinates into [−1, 1] by tanh, all three at once (<see cref="Exponentials.Tanh"/>).</summary>
    internal static Vad Tanh(double valence, double arousal, double dominance)
    {
        var (v, a, d) = Exponentials.Tanh(valence, arousal, dominance);
        return new Vad(v, a, d);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"(V {Valence:0.000}, A {Arousal:0.000}, D {Dominance:0.000})");
}
