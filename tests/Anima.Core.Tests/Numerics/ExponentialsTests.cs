using Anima.Numerics;
using FluentAssertions;
using Xunit;

namespace Anima.Tests.Numerics;

public sealed class ExponentialsTests
{
    [Fact]
    public void ExpOrOne_AgreesWithItsScalarTwin_AndIsExactlyOneAtZero()
    {
        var random = new Random(11);
        for (int i = 0; i < 10_000; i++)
        {
            double a = -random.NextDouble() * 40, b = -random.NextDouble() * 0.01, c = i % 7 == 0 ? 0 : -random.NextDouble() * 3;
            var vector = Exponentials.ExpOrOne(a, b, c);
            var scalar = Exponentials.ExpOrOneScalar(a, b, c);
            vector.A.Should().BeApproximately(scalar.A, 4e-16 + (1e-15 * scalar.A));
            vector.B.Should().BeApproximately(scalar.B, 1e-15);
            vector.C.Should().BeApproximately(scalar.C, 1e-15);
        }

        Exponentials.ExpOrOne(0, 0, 0).Should().Be((1.0, 1.0, 1.0));
    }

    [Fact]
    public void Tanh_AgreesWithItsScalarTwin_KeepingTheSign()
    {
        var random = new Random(12);
        for (int i = 0; i < 10_000; i++)
        {
            double scale = Math.Pow(10, (random.NextDouble() * 12) - 9);
            double a = ((random.NextDouble() * 2) - 1) * scale, b = -a / 3, c = random.NextDouble() * 20;
            var vector = Exponentials.Tanh(a, b, c);
            var scalar = Exponentials.TanhScalar(a, b, c);
            vector.A.Should().BeApproximately(scalar.A, 4e-16 + (4e-16 * Math.Abs(scalar.A)));
            vector.B.Should().BeApproximately(scalar.B, 4e-16 + (4e-16 * Math.Abs(scalar.B)));
            vector.C.Should().BeApproximately(scalar.C, 4e-16);
            Math.Sign(vector.A).Should().Be(Math.Sign(a));
        }
    }

    [Fact]
    public void Exp_OfTwo_AgreesWithItsScalarTwin()
    {
        var random = new Random(15);
        for (int i = 0; i < 10_000; i++)
        {
            double a = -random.NextDouble() * 30, b = -random.NextDouble() * 5;
            var vector = Exponentials.Exp(a, b);
            var scalar = Exponentials.ExpScalar(a, b);
            vector.A.Should().BeApproximately(scalar.A, 1e-15 * Math.Max(scalar.A, 1e-300));
            vector.B.Should().BeApproximately(scalar.B, 1e-15 * scalar.B);
        }
    }
}
