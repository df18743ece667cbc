using Anima.Numerics;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Numerics;

public sealed class BoundedLearningTests
{
    [Fact]
    public void Learn_IsBitForBitItsScalarTwin_AndNeverLeavesTheBound()
    {
        var random = new Random(16);
        const int Rows = 6;
        var @base = new double[Rows * 4];
        for (int i = 0; i < @base.Length; i++)
        {
            @base[i] = (random.NextDouble() * 2) - 1;
        }

        var learningVector = new double[Rows * 4];
        var learningScalar = new double[Rows * 4];
        var vector = new double[Rows * 4];
        var scalar = new double[Rows * 4];
        var deviations = new double[Rows];
        for (int step = 0; step < 20_000; step++)
        {
            double[] signal = [(random.NextDouble() * 2) - 1, (random.NextDouble() * 2) - 1, (random.NextDouble() * 2) - 1, (random.NextDouble() * 2) - 1];
            for (int r = 0; r < Rows; r++)
            {
                deviations[r] = (random.NextDouble() * 2) - 1;
            }

            BoundedLearning.Learn(learningVector, signal, deviations, @base, vector, 0.5, 0.002);
            BoundedLearning.LearnScalar(learningScalar, signal, deviations, @base, scalar, 0.5, 0.002);
            vector.Should().Equal(scalar);
        }

        learningVector.Should().Equal(learningScalar);
        for (int k = 0; k < vector.Length; k++)
        {
            Math.Abs(vector[k] - @base[k]).Should().BeLessThan(BoundedLearning.Bound(@base[k]));
        }
    }
}
