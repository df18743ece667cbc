using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Anima.Numerics;

/// <summary>
/// Values scaled toward zero and clamped to a band, four at a time (the emotion map's offsets relaxing back);
/// <see cref="ScaleAndClampScalar"/> is its scalar twin, and a test holds the two bit for bit equal.
/// </summary>
internal static class Shrink
{
    /// <summary>Multiplies every value by <paramref name="keep"/> and clamps it to [−<paramref name="bound"/>, <paramref name="bound"/>].</summary>
    public static void ScaleAndClamp(Span<double> values, double keep, double bound)
    {
        ref double first = ref MemoryMarshal.GetReference(values);
        var k = Vector256.Create(keep);
        var low = Vector256.Create(-bound);
        var high = Vector256.Create(bound);
        int i = 0;
        for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            Vector256.Min(Vector256.Max(Vector256.LoadUnsafe(ref first, (nuint)i) * k, low), high).StoreUnsafe(ref first, (nuint)i);
        }

        for (; i < values.Length; i++)
        {
            values[i] = Math.Clamp(values[i] * keep, -bound, bound);
        }
    }

    /// <summary>The scalar definition of <see cref="ScaleAndClamp"/>.</summary>
    public static void ScaleAndClampScalar(Span<double> values, double keep, double bound)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Clamp(values[i] * keep, -bound, bound);
        }
    }
}
