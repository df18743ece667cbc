using System.Runtime.Intrinsics;

namespace Anima.Numerics;

/// <summary>
/// Exponentials of three values in one vector, for the hot path of an experience; each has a scalar twin on
/// <see cref="Math"/> that is its definition, and a test holds each pair within a few units in the last place.
/// </summary>
internal static class Exponentials
{
    /// <summary>
    /// e^x of three exponents at once, exactly one where an exponent is zero (so no time passed means no change,
    /// whatever the last bit of the vectorised exponential).
    /// </summary>
    public static (double A, double B, double C) ExpOrOne(double a, double b, double c)
    {
        var exponents = Vector256.Create(a, b, c, 0);
        var e = Vector256.ConditionalSelect(Vector256.Equals(exponents, Vector256<double>.Zero), Vector256<double>.One, Vector256.Exp(exponents));
        return (e.GetElement(0), e.GetElement(1), e.GetElement(2));
    }

    /// <summary>The scalar definition of <see cref="ExpOrOne"/>.</summary>
    public static (double A, double B, double C) ExpOrOneScalar(double a, double b, double c) =>
        (a == 0 ? 1 : Math.Exp(a), b == 0 ? 1 : Math.Exp(b), c == 0 ? 1 : Math.Exp(c));

    /// <summary>e^x of two exponents at once.</summary>
    public static (double A, double B) Exp(double a, double b)
    {
        var e = Vector128.Exp(Vector128.Create(a, b));
        return (e.GetElement(0), e.GetElement(1));
    }

    /// <summary>The scalar definition of <see cref="Exp(double, double)"/>.</summary>
    public static (double A, double B) ExpScalar(double a, double b) => (Math.Exp(a), Math.Exp(b));

    /// <summary>tanh of three values at once.</summary>
    /// <remarks>
    /// tanh |x| = (1 − e^(−2|x|)) / (1 + e^(−2|x|)), which cannot overflow; below 10⁻⁸, where that difference loses
    /// its digits, tanh x is x to double precision. The sign is put back after.
    /// </remarks>
    public static (double A, double B, double C) Tanh(double a, double b, double c)
    {
        var x = Vector256.Create(a, b, c, 0);
        var abs = Vector256.Abs(x);
        var t = Vector256.Exp(abs * -2.0);
        var y = Vector256.ConditionalSelect(
            Vector256.LessThan(abs, Vector256.Create(1e-8)),
            abs,
            (Vector256<double>.One - t) / (Vector256<double>.One + t));
        y = Vector256.CopySign(y, x);
        return (y.GetElement(0), y.GetElement(1), y.GetElement(2));
    }

    /// <summary>The scalar definition of <see cref="Tanh"/>.</summary>
    public static (double A, double B, double C) TanhScalar(double a, double b, double c) => (Math.Tanh(a), Math.Tanh(b), Math.Tanh(c));
}
