using Anima.Metrics;
using BenchmarkDotNet.Attributes;

namespace Anima.Benchmarks;

/// <summary>φ over a full window of 32 recent states, for four and six channels.</summary>
[MemoryDiagnoser]
public class IntegrationBenchmarks
{
    private readonly double[] _four = Window(4);
    private readonly double[] _six = Window(6);

    [Benchmark(Description = "φ, 4 channels × 32 states")]
    public double FourChannels() => GaussianIntegrationCalculator.Instance.Compute(new StateWindow(_four, 4));

    [Benchmark(Description = "φ, 6 channels × 32 states")]
    public double SixChannels() => GaussianIntegrationCalculator.Instance.Compute(new StateWindow(_six, 6));

    private static double[] Window(int channels)
    {
        var random = new Random(1);
        var samples = new double[32 * channels];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = random.NextDouble();
        }

        return samples;
    }
}
