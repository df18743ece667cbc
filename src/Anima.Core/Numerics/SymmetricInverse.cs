using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Anima.Numerics;

/// <summary>
/// The inverse of a small symmetric positive definite matrix (up to eight rows), by Gauss–Jordan elimination with
/// four-wide vector row operations; <see cref="InvertScalar"/> is its scalar twin, and a test holds the two equal.
/// </summary>
internal static class SymmetricInverse
{
    /// <summary>The largest matrix handled: as many rows as a profile has channels at most.</summary>
    public const int Max = ChannelNumbers.Capacity;

    /// <summary>The least pivot divided by, so a degenerate matrix cannot divide by zero.</summary>
    public const double MinPivot = 1e-12;

    /// <summary>
    /// The inverse of a symmetric positive definite <paramref name="n"/> × <paramref name="n"/> matrix (row-major), by
    /// Gauss–Jordan elimination in place. Positive definiteness makes every pivot positive without exchanging rows;
    /// the ridge keeps them well above zero, and a pivot is still floored, so a degenerate matrix cannot divide by
    /// zero. Rows are padded to eight numbers, so each row operation is two four-wide vector steps.
    /// </summary>
    [SkipLocalsInit]
    public static void Invert(ReadOnlySpan<double> a, int n, Span<double> inverse)
    {
        const int Stride = Max;
        var buffer = default(MatrixNumbers);
        Span<double> m = buffer;
        for (int r = 0; r < n; r++)
        {
            a.Slice(r * n, n).CopyTo(m.Slice(r * Stride, n));
        }

        // Column p of the pivot row becomes 1 and of every other row 0 before the row operation; that is done in
        // registers with a mask, never by writing one number into a row about to be read whole (a narrow store
        // followed by a wide load of the same place cannot be forwarded, and stalls).
        ref double first = ref MemoryMarshal.GetReference(m);
        var lanes = Vector256.Create(0.0, 1, 2, 3);
        for (int p = 0; p < n; p++)
        {
            var atLow = Vector256.Equals(lanes, Vector256.Create((double)p));
            var atHigh = Vector256.Equals(lanes, Vector256.Create((double)(p - 4)));
            ref double pivotRow = ref Unsafe.Add(ref first, p * Stride);
            double reciprocal = 1 / Math.Max(Unsafe.Add(ref pivotRow, p), MinPivot);
            var low = Vector256.ConditionalSelect(atLow, Vector256<double>.One, Vector256.LoadUnsafe(ref pivotRow)) * reciprocal;
            var high = Vector256.ConditionalSelect(atHigh, Vector256<double>.One, Vector256.LoadUnsafe(ref pivotRow, 4)) * reciprocal;
            low.StoreUnsafe(ref pivotRow);
            high.StoreUnsafe(ref pivotRow, 4);
            for (int r = 0; r < n; r++)
            {
                if (r == p)
                {
                    continue;
                }

                ref double row = ref Unsafe.Add(ref first, r * Stride);
                var factor = Vector256.Create(Unsafe.Add(ref row, p));
                var rowLow = Vector256.ConditionalSelect(atLow, Vector256<double>.Zero, Vector256.LoadUnsafe(ref row));
                var rowHigh = Vector256.ConditionalSelect(atHigh, Vector256<double>.Zero, Vector256.LoadUnsafe(ref row, 4));
                (rowLow - (factor * low)).StoreUnsafe(ref row);
                (rowHigh - (factor * high)).StoreUnsafe(ref row, 4);
            }
        }

        for (int r = 0; r < n; r++)
        {
            m.Slice(r * Stride, n).CopyTo(inverse.Slice(r * n, n));
        }
    }

    /// <summary>The scalar definition of <see cref="Invert"/>: Gauss–Jordan elimination one number at a time.</summary>
    public static void InvertScalar(ReadOnlySpan<double> a, int n, Span<double> inverse)
    {
        var m = a[..(n * n)].ToArray();
        var x = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            x[(i * n) + i] = 1;
        }

        for (int p = 0; p < n; p++)
        {
            double reciprocal = 1 / Math.Max(m[(p * n) + p], MinPivot);
            for (int c = 0; c < n; c++)
            {
                m[(p * n) + c] *= reciprocal;
                x[(p * n) + c] *= reciprocal;
            }

            for (int r = 0; r < n; r++)
            {
                if (r == p)
                {
                    continue;
                }

                double factor = m[(r * n) + p];
                for (int c = 0; c < n; c++)
                {
                    m[(r * n) + c] -= factor * m[(p * n) + c];
                    x[(r * n) + c] -= factor * x[(p * n) + c];
                }
            }
        }

        x.CopyTo(inverse);
    }
}
