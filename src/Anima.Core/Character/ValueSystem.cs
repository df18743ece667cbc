using Anima.Numerics;

namespace Anima;

/// <summary>
/// The weights of the five values the agent lives by. Each weight lies in [0, 1]; the higher, the more
/// the value can veto an intention or a request that offends it.
/// </summary>
/// <remarks>Instances are immutable and safe to share between agents and threads.</remarks>
public sealed record ValueSystem
{
    private readonly double _care = 0.5;
    private readonly double _integrity = 0.5;
    private readonly double _autonomy = 0.5;
    private readonly double _fairness = 0.5;
    private readonly double _growth = 0.5;

    /// <summary>Gets a new value system with every weight at 0.5: a fresh instance each time, so nothing (a configuration binder, say) can change it for anyone else.</summary>
    public static ValueSystem Balanced => new();

    /// <summary>Gets the weight of care: not harming, and tending to those who suffer.</summary>
    /// <value>A value in [0, 1]. The default value is 0.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number in [0, 1].</exception>
    public double Care
    {
        get => _care;
        init => _care = UnitInterval.Require(value, nameof(Care), "Value");
    }

    /// <summary>Gets the weight of integrity: honesty, and not betraying oneself.</summary>
    /// <value>A value in [0, 1]. The default value is 0.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number in [0, 1].</exception>
    public double Integrity
    {
        get => _integrity;
        init => _integrity = UnitInterval.Require(value, nameof(Integrity), "Value");
    }

    /// <summary>Gets the weight of autonomy: one's own and other people's freedom from coercion.</summary>
    /// <value>A value in [0, 1]. The default value is 0.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number in [0, 1].</exception>
    public double Autonomy
    {
        get => _autonomy;
        init => _autonomy = UnitInterval.Require(value, nameof(Autonomy), "Value");
    }

    /// <summary>Gets the weight of fairness: no cheating, stealing or rigging.</summary>
    /// <value>A value in [0, 1]. The default value is 0.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number in [0, 1].</exception>
    public double Fairness
    {
        get => _fairness;
        init => _fairness = UnitInterval.Require(value, nameof(Fairness), "Value");
    }

    /// <summary>Gets the weight of growth: learning, and welcoming what is new.</summary>
    /// <value>A value in [0, 1]. The default value is 0.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number in [0, 1].</exception>
    public double Growth
    {
        get => _growth;
        init => _growth = UnitInterval.Require(value, nameof(Growth), "Value");
    }

    /// <summary>Gets the weight of one value.</summary>
    /// <param name="value">The value to read.</param>
    /// <returns>The weight in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined value.</exception>
    public double this[CoreValue value] => value switch
    {
        CoreValue.Care => _care,
        CoreValue.Integrity => _integrity,
        CoreValue.Autonomy => _autonomy,
        CoreValue.Fairness => _fairness,
        CoreValue.Growth => _growth,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown value."),
    };
}
