using Anima.Numerics;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Numerics;

public sealed class CoMomentsTests
{
    [Theory]
    [InlineData(2, 8)]
    [InlineData(4, 32)]
    [InlineData(6, 31)]
    [InlineData(8, 13)]
    [InlineData(3, 3)]
    [InlineData(5, 45)]
    public void Compute_AgreesWithTheTwoPassScalarDefinition(int channels, int rows)
    {
        var random = new Random((channels * 100) + rows);
        int stride = 2 * rows;
        var series = new double[channels * stride];
        for (int i = 0; i < series.Length; i++)
        {
            series[i] = 0.4 + (0.2 * random.NextDouble());
        }

        var fast = new double[channels * channels];
        var slow = new double[channels * channels];
        CoMoments.Compute(series, stride, channels, rows, fast);
        CoMoments.ComputeScalar(series, stride, channels, rows, slow);

        for (int i = 0; i < channels; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                fast[(i * channels) + j].Should().BeApproximately(slow[(i * channels) + j], 1e-13, "pair ({0}, {1})", i, j);
            }
        }
    }

    [Fact]
    public void FourChannelBlocks_SumsWholeBlocksLikeTheScalarLoop()
    {
        var random = new Random(14);
        const int Rows = 29, Stride = 40;
        var series = new double[4 * Stride];
        for (int i = 0; i < series.Length; i++)
        {
            series[i] = random.NextDouble();
        }

        double[] shift = [series[0], series[Stride], series[2 * Stride], series[3 * Stride]];
        var sums = new double[4];
        var raw = new double[10];
        int consumed = CoMoments.FourChannelBlocks(series, Stride, Rows, shift, sums, raw);

        consumed.Should().Be(28, "whole blocks of four rows");
        for (int i = 0, k = 0; i < 4; i++)
        {
            double sum = 0;
            for (int r = 0; r < consumed; r++)
            {
                sum += series[(i * Stride) + r] - shift[i];
            }

            sums[i].Should().BeApproximately(sum, 1e-12);
            for (int j = 0; j <= i; j++, k++)
            {
                double product = 0;
                for (int r = 0; r < consumed; r++)
                {
                    product += (series[(i * Stride) + r] - shift[i]) * (series[(j * Stride) + r] - shift[j]);
                }

                raw[k].Should().BeApproximately(product, 1e-12);
            }
        }
    }
}
