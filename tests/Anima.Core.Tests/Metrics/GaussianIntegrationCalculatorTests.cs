using Anima.Engine;
using Anima.Metrics;
using Anima.StateModel;
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

        Phi(samples, 4).Should().BeGreaterThan(0.5);
    }

    [Fact]
    public void Compute_IndependentChannels_IsNearlyFragmented()
    {
        var random = new Random(2);
        var samples = Rows(32, 4, _ => [random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble()]);

        Phi(samples, 4).Should().BeLessThan(0.15);
    }

    [Fact]
    public void Compute_TwoIndependentPairs_IsLowBecauseTheWeakestCutDecides()
    {
        var random = new Random(3);
        var samples = Rows(32, 4, _ => { double x = random.NextDouble(), y = random.NextDouble(); return [x, x, y, y]; });

        Phi(samples, 4).Should().BeLessThan(0.15);
    }

    [Fact]
    public void Compute_ConstantOrTooFewSamples_IsZero()
    {
        Phi(Rows(32, 4, _ => [0.2, 0.2, 0.5, 0.5]), 4).Should().Be(0);
        Phi(Rows(4, 4, i => [i, i, i, i]), 4).Should().Be(0);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void Compute_AStillChannel_DoesNotHideTheOthersIntegration(int channels)
    {
        var random = new Random(4);
        var samples = Rows(32, channels, _ =>
        {
            double x = random.NextDouble();
            var row = new double[channels];
            for (int c = 0; c < channels - 1; c++)
            {
                row[c] = c % 2 == 0 ? x : 1 - x;
            }

            row[channels - 1] = 0.3; // never moves
            return row;
        });

        Phi(samples, channels).Should().BeGreaterThan(0.5, "the moving channels move as one");
    }

    [Fact]
    public void Agent_HighlyIntegrated_IsReachableForEveryShippedProfile()
    {
        foreach (var profile in new[] { ChannelProfile.Default, ChannelProfile.Hormonal })
        {
            var agent = new AnimaCore(new AnimaOptions { Seed = 1, Profile = profile });
            AnimaState state = agent.State;
            for (int i = 0; i < 40; i++)
            {
                double x = i % 2 == 0 ? 0.9 : -0.9;
                var stimulus = new Stimulus { Tension = x, Arousal = x, Satisfaction = -x, Cohesion = -x };
                foreach (var channel in profile.Channels.Skip(4))
                {
                    stimulus = stimulus.With(channel.Name, x);
                }

                state = agent.Experience(stimulus);
            }

            state.PhiLabel.Should().Be("highly integrated", "{0} channels moving together ({1})", profile.Name, state.Phi);
        }
    }

    [Fact]
    public void Agent_YoungerThanPhiNeeds_SaysSo()
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 1 });
        for (int i = 0; i < 3; i++)
        {
            agent.Experience(new Stimulus { Tension = 0.5 });
        }

        agent.State.PhiLabel.Should().Be("too little history yet", "three states are too few to measure integration over");
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

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    public void Compute_EqualsTheDefinitionEvaluatedCutByCut(int channels)
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);

            // Channels mixed from a few shared sources, so the cuts differ in how much they sever.
            var mixing = new double[channels, 3];
            for (int c = 0; c < channels; c++)
            {
                for (int k = 0; k < 3; k++)
                {
                    mixing[c, k] = random.NextDouble() < 0.5 ? 0 : random.NextDouble();
                }
            }

            // Window lengths from 8 to 32, so whole blocks of four and leftover rows are both exercised.
            var samples = Rows(8 + (seed % 25), channels, _ =>
            {
                double[] sources = [random.NextDouble(), random.NextDouble(), random.NextDouble()];
                var row = new double[channels];
                for (int c = 0; c < channels; c++)
                {
                    row[c] = (0.3 * random.NextDouble()) + (mixing[c, 0] * sources[0]) + (mixing[c, 1] * sources[1]) + (mixing[c, 2] * sources[2]);
                }

                return row;
            });

            Phi(samples, channels).Should().BeApproximately(ReferencePhi(samples, channels), 1e-9, "seed {0}", seed);
        }
    }

    [Fact]
    public void Window_KeepsTheLatestStatesInOrderAndLosesNothingWhenAStepFails()
    {
        var profile = new ChannelProfile("two", ChannelProfile.Default.Channels.Take(2));
        var layout = new StateLayout();
        var metrics = new MetricsLayer(layout, profile, GaussianIntegrationCalculator.Instance, GaussianPredictionModel.Instance);
        var state = layout.Create();
        metrics.Reset(state, [0.5, 0.5]);
        for (int i = 1; i <= 40; i++)
        {
            // A step that failed wrote its newest state but never committed.
            _ = metrics.RecentStates(state, [-1, -1]);

            double[] felt = [i, -i];
            var window = metrics.RecentStates(state, felt);
            int length = Math.Min(i, MetricsLayer.WindowLength);
            window.Length.Should().Be(length);
            var first = window[0].ToArray();
            var second = window[1].ToArray();
            metrics.Commit(state, felt);

            for (int r = 0; r < length; r++)
            {
                double expected = i - length + 1 + r;
                first[r].Should().Be(expected);
                second[r].Should().Be(-expected);
            }
        }
    }

    [Fact]
    public void StateWindow_RejectsSeriesThatDoNotSplitIntoItsChannels()
    {
        Action act = () => _ = new StateWindow(new double[7], 2);
        act.Should().Throw<ArgumentException>().WithMessage("*7 levels*2 channels*");
        Action tooMany = () => _ = new StateWindow(new double[18], 9);
        tooMany.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("channels");
    }

    /// <summary>
    /// The definition, slowly: the ridged correlation matrix, then for every bipartition the determinants of
    /// both parts by Gaussian elimination, the weakest normalised cut, and 1 − e^(−x).
    /// </summary>
    private static double ReferencePhi(double[] samples, int n)
    {
        int rows = samples.Length / n;
        var mean = new double[n];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < n; i++)
            {
                mean[i] += samples[(r * n) + i] / rows;
            }
        }

        var cov = new double[n, n];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    cov[i, j] += (samples[(r * n) + i] - mean[i]) * (samples[(r * n) + j] - mean[j]);
                }
            }
        }

        var corr = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                corr[i, j] = i == j ? 1 : cov[i, j] / Math.Sqrt(cov[i, i] * cov[j, j]) / 1.05;
            }
        }

        // Normalised by the φ of channels moving exactly as one under the same ridge.
        var ideal = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                ideal[i, j] = i == j ? 1 : 1 / 1.05;
            }
        }

        return Math.Min(1, Raw(corr, n) / Raw(ideal, n));

        static double Raw(double[,] corr, int n)
        {
            int full = (1 << n) - 1;
            double best = double.MaxValue;
            for (int a = 1; a < full; a++)
            {
                int b = full & ~a;
                double information = 0.5 * Math.Log(Det(corr, a) * Det(corr, b) / Det(corr, full));
                best = Math.Min(best, Math.Max(0, information) / Math.Min(int.PopCount(a), int.PopCount(b)));
            }

            return 1 - Math.Exp(-best);
        }

        static double Det(double[,] m, int mask)
        {
            var pick = Enumerable.Range(0, m.GetLength(0)).Where(i => (mask & (1 << i)) != 0).ToArray();
            int k = pick.Length;
            var a = new double[k, k];
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    a[i, j] = m[pick[i], pick[j]];
                }
            }

            double det = 1;
            for (int c = 0; c < k; c++)
            {
                int pivot = c;
                for (int r = c + 1; r < k; r++)
                {
                    if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c]))
                    {
                        pivot = r;
                    }
                }

                if (pivot != c)
                {
                    det = -det;
                    for (int j = 0; j < k; j++)
                    {
                        (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
                    }
                }

                det *= a[c, c];
                for (int r = c + 1; r < k; r++)
                {
                    double f = a[r, c] / a[c, c];
                    for (int j = c; j < k; j++)
                    {
                        a[r, j] -= f * a[c, j];
                    }
                }
            }

            return det;
        }
    }

    /// <summary>φ of row-major samples, as the calculator sees them: one series per channel.</summary>
    private double Phi(double[] samples, int channels)
    {
        int rows = samples.Length / channels;
        var series = new double[samples.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < channels; c++)
            {
                series[(c * rows) + r] = samples[(r * channels) + c];
            }
        }

        return _phi.Compute(new StateWindow(series, channels));
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
