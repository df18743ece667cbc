using FluentAssertions;
using Xunit;

namespace Anima.Tests.Metrics;

public class GaussianIntegrationCalculatorTests
{
    private readonly GaussianIntegrationCalculator _phi = GaussianIntegrationCalculator.Instance;

    [Fact]
    public void Compute_ChannelsMovingAsOne_IsHighlyIntegrated()
    {
        var random = new Random(1);
        var samples = Rows(32, 4, _ => { double x = random.NextDouble(); return [x, 1 - x, x * 0.5, 0.2 + (x * 0.3)]; });

        _phi.Compute(samples, 4).Should().BeGreaterThan(0.5);
    }

    [Fact]
    public void Compute_IndependentChannels_IsNearlyFragmented()
    {
        var random = new Random(2);
        var samples = Rows(32, 4, _ => [random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble()]);

        _phi.Compute(samples, 4).Should().BeLessThan(0.15);
    }

    [Fact]
    public void Compute_TwoIndependentPairs_IsLowBecauseTheWeakestCutDecides()
    {
        var random = new Random(3);
        var samples = Rows(32, 4, _ => { double x = random.NextDouble(), y = random.NextDouble(); return [x, x, y, y]; });

        _phi.Compute(samples, 4).Should().BeLessThan(0.15);
    }

    [Fact]
    public void Compute_ConstantOrTooFewSamples_IsZero()
    {
        _phi.Compute(Rows(32, 4, _ => [0.2, 0.2, 0.5, 0.5]), 4).Should().Be(0);
        _phi.Compute(Rows(4, 4, i => [i, i, i, i]), 4).Should().Be(0);
    }

    [Fact]
    public void Agent_Phi_RisesWhenExperienceMovesItsChannelsTogether()
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 1 });
        AnimaState state = agent.State;
        for (int i = 0; i < 40; i++)
        {
            double x = i % 2 == 0 ? 0.8 : -0.8;
            state = agent.Experience(new Stimulus { Tension = x, Arousal = x, Satisfaction = -x, Cohesion = -x });
        }

        state.Phi.Should().BeGreaterThan(0.5);
        state.PhiLabel.Should().BeOneOf("integrated", "highly integrated");
    }

    private static double[] Rows(int rows, int channels, Func<int, double[]> row)
    {
        var samples = new double[rows * channels];
        for (int r = 0; r < rows; r++)
        {
            row(r).CopyTo(samples, r * channels);
        }

        return samples;
    }
}
