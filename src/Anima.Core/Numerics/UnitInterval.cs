using System.Globalization;

namespace Anima.Numerics;

/// <summary>Validation of values that must lie in a closed interval.</summary>
internal static class UnitInterval
{
    /// <summary>Returns <paramref name="value"/> if it is a finite number in [0, 1]; throws otherwise.</summary>
    public static double Require(double value, string name, string kind)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{kind} '{name}' must be a finite number in [0, 1], but was {value}."));
        }

        return value;
    }

    /// <summary>Returns <paramref name="value"/> if it is a finite number in [-1, 1]; throws otherwise.</summary>
    public static double RequireSigned(double value, string name, string kind)
    {
        if (!double.IsFinite(value) || value < -1 || value > 1)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Create(CultureInfo.InvariantCulture, $"{kind} '{name}' must be a finite number in [-1, 1], but was {value}."));
        }

        return value;
    }
}
