using Anima.Numerics;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Numerics;

public sealed class ShrinkTests
{
    [Theory]
    [InlineData(45)]
    [InlineData(3)]
    [InlineData(1)]
    public void ScaleAndClamp_IsBitForBitItsScalarTwin(int length)
    {
        var random = new Random(length);
        var vector = new double[length];
        for (int i = 0; i < length; i++)
        {
            vector[i] = (random.NextDouble() * 0.4) - 0.2;
        }

        var scalar = (double[])vector.Clone();
        Shrink.ScaleAndClamp(vector, 0.998, 0.12);
        Shrink.ScaleAndClampScalar(scalar, 0.998, 0.12);

        vector.Should().Equal(scalar);
        vector.Should().OnlyContain(v => Math.Abs(v) <= 0.12);
    }
}
