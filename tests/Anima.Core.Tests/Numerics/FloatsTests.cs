using System.Buffers.Binary;
using Anima.Numerics;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Numerics;

public sealed class FloatsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(33)]
    [InlineData(384)]
    [InlineData(385)]
    public void CopySquares_CopiesEveryFloatExactly_AndSumsTheirSquares(int length)
    {
        var random = new Random(length);
        var values = new float[length];
        var bytes = new byte[(length * sizeof(float)) + 3];
        double expected = 0;
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
            expected += (double)values[i] * values[i];
        }

        // Written at an odd offset: a block's floats sit wherever the texts before them end.
        var source = bytes.AsSpan(3, length * sizeof(float));
        for (int i = 0; i < length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(source[(i * sizeof(float))..], values[i]);
        }

        var destination = new float[length];
        float sum = Floats.CopySquares(source, destination);

        destination.Should().Equal(values);
        ((double)sum).Should().BeApproximately(expected, 1e-5 * Math.Max(1, expected));
    }

    [Fact]
    public void CopySquares_RefusesBytesThatAreNotFourAFloat()
    {
        var act = () => Floats.CopySquares(new byte[10], new float[3]);

        act.Should().Throw<ArgumentException>().WithParameterName("source").WithMessage("10 bytes cannot hold 3 floats.*");
    }
}
