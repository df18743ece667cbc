namespace Anima.Metrics;

/// <summary>
/// The smaller parts of three or four channels of the bipartitions of up to eight channels, worked out once, so φ does
/// not walk every subset of the channels at every step.
/// </summary>
internal static class Bipartitions
{
    /// <summary>Where a part's size sits in a packed part, above its channels' four bits apiece.</summary>
    public const int SizeShift = 16;

    private static readonly int[][] Parts = Build();

    /// <summary>
    /// The smaller parts of three or four channels of the bipartitions of <paramref name="n"/> channels, each cut once
    /// (of equal halves, the one holding the highest channel), in the order of their bit masks: the channels four bits
    /// apiece from the lowest, the size above them at <see cref="SizeShift"/>. Empty below six channels.
    /// </summary>
    public static ReadOnlySpan<int> LargerParts(int n) => Parts[n];

    private static int[][] Build()
    {
        var parts = new int[ChannelProfile.MaxChannels + 1][];
        for (int n = 0; n < parts.Length; n++)
        {
            var list = new List<int>();
            for (int size = 3; size <= n / 2; size++)
            {
                for (int a = 1; a < 1 << n; a++)
                {
                    if (int.PopCount(a) != size || (2 * size == n && (a >> (n - 1)) == 0))
                    {
                        continue;
                    }

                    int packed = size << SizeShift;
                    int k = 0;
                    for (int bits = a; bits != 0; bits &= bits - 1)
                    {
                        packed |= int.TrailingZeroCount(bits) << (4 * k++);
                    }

                    list.Add(packed);
                }
            }

            parts[n] = [.. list];
        }

        return parts;
    }
}
