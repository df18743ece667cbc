using Anima.Numerics;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Numerics;

public sealed class SymmetricInverseTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    public void Invert_AgreesWithItsScalarTwin_AndInverts(int n)
    {
        var random = new Random(n);
        for (int trial = 0; trial < 200; trial++)
        {
            // A correlation-like matrix: B·Bᵀ scaled to a unit diagonal, plus a ridge.
            var b = new double[n * n];
            for (int i = 0; i < b.Length; i++)
            {
                b[i] = (random.NextDouble() * 2) - 1;
            }

            var a = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = 0;
                    for (int k = 0; k < n; k++)
                    {
                        sum += b[(i * n) + k] * b[(j * n) + k];
                    }

                    a[(i * n) + j] = sum + (i == j ? 0.05 : 0);
                }
            }

            var fast = new double[n * n];
            var slow = new double[n * n];
            SymmetricInverse.Invert(a, n, fast);
            SymmetricInverse.InvertScalar(a, n, slow);
            double largest = slow.Max(Math.Abs);
            for (int i = 0; i < fast.Length; i++)
            {
                fast[i].Should().BeApproximately(slow[i], 1e-9 * Math.Max(1, largest));
            }

            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double product = 0;
                    for (int k = 0; k < n; k++)
                    {
                        product += a[(i * n) + k] * slow[(k * n) + j];
                    }

                    product.Should().BeApproximately(i == j ? 1 : 0, 1e-8 * Math.Max(1, largest));
                }
            }
        }
    }
}
