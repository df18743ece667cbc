using Anima.Numerics;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Numerics;

public sealed class ThresholdsTests
{
    [Fact]
    public void SmoothAndCompare_IsBitForBitItsScalarTwin()
    {
        var random = new Random(13);
        var vector = new double[Thresholds.Slots];
        var scalar = new double[Thresholds.Slots];
        var targets = new double[Thresholds.Slots];
        for (int step = 0; step < 5_000; step++)
        {
            for (int k = 0; k < targets.Length; k++)
            {
                targets[k] = random.NextDouble();
            }

            var fast = Thresholds.SmoothAndCompare(vector, targets, 0.1, 0.5, 0.15);
            var slow = Thresholds.SmoothAndCompareScalar(scalar, targets, 0.1, 0.5, 0.15);
            fast.Should().Be(slow, "step {0}", step);
            vector.Should().Equal(scalar);
        }
    }

    [Fact]
    public void SmoothAndCompare_ReportsEachSlotByItsBit()
    {
        var values = new double[Thresholds.Slots];
        var targets = new double[Thresholds.Slots];
        targets[3] = 10;
        values[9] = 0.9;
        targets[9] = 0.9;

        var (high, low) = Thresholds.SmoothAndCompare(values, targets, 0.1, 0.5, 0.15);

        high.Should().Be((1 << 3) | (1 << 9), "slot 3 jumped to one, slot 9 stayed high");
        low.Should().Be(0xFFFF & ~((1 << 3) | (1 << 9)));
    }
}
