using BenchmarkDotNet.Attributes;

namespace Anima.Benchmarks;

/// <summary>Writing one state as the first-person inner-state block (SPEC.md: ≤ 5 µs).</summary>
[MemoryDiagnoser]
public class PromptBenchmarks
{
    private AnimaState _calm = null!;
    private AnimaState _troubled = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calm = new AnimaCore(new AnimaOptions { Seed = 1 }).State;
        var agent = new AnimaCore(new AnimaOptions { Seed = 1, Personality = new Personality { Neuroticism = 0.8 } });
        for (int i = 0; i < 20; i++)
        {
            agent.Experience(new Stimulus { Tension = 0.8, Arousal = 0.6, Satisfaction = -0.5, Cohesion = -0.4 }, "You never listen to me, this is hopeless!");
            agent.ExperienceToolResult(succeeded: false);
        }

        _troubled = agent.State;
    }

    [Benchmark(Baseline = true, Description = "prompt, agent at rest")]
    public string Calm() => StatePrompt.Default.Serialize(_calm);

    [Benchmark(Description = "prompt, troubled agent (drives, intention, defense, inner voice)")]
    public string Troubled() => StatePrompt.Default.Serialize(_troubled);
}
