using BenchmarkDotNet.Attributes;

namespace Anima.Benchmarks;

/// <summary>One <see cref="AnimaCore.Experience"/> through the whole L1–L5 pipeline.</summary>
[MemoryDiagnoser]
public class ExperienceBenchmarks
{
    private readonly Stimulus[] _stimuli = new Stimulus[64];
    private AnimaCore _agent = null!;
    private AnimaCore _hormonal = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _agent = new AnimaCore(new AnimaOptions { Seed = 1, Personality = new Personality { Neuroticism = 0.7, Openness = 0.8 } });
        _hormonal = new AnimaCore(new AnimaOptions { Seed = 1, Profile = ChannelProfile.Hormonal });
        var random = new Random(1);
        for (int i = 0; i < _stimuli.Length; i++)
        {
            _stimuli[i] = new Stimulus
            {
                Tension = (random.NextDouble() * 2) - 1,
                Arousal = (random.NextDouble() * 2) - 1,
                Satisfaction = (random.NextDouble() * 2) - 1,
                Cohesion = (random.NextDouble() * 2) - 1,
            };
        }

        // Warm the history so φ is computed over a full window.
        for (int i = 0; i < 100; i++)
        {
            Experience();
            ExperienceHormonal();
        }
    }

    [Benchmark(Baseline = true, Description = "Experience (default profile)")]
    public AnimaState Experience() => _agent.Experience(_stimuli[_next++ & 63]);

    [Benchmark(Description = "Experience (hormonal profile, six channels)")]
    public AnimaState ExperienceHormonal() => _hormonal.Experience(_stimuli[_next++ & 63]);

    [Benchmark(Description = "Experience with a one-sentence message")]
    public AnimaState ExperienceWithMessage() => _agent.Experience(_stimuli[_next++ & 63], "I'm really worried that something went wrong with the release today!");
}
