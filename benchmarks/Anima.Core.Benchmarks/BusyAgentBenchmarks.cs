using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Anima.Benchmarks;

/// <summary>
/// What a busy agent holds: 5,000 experiences lived, no memories. The time is that of one more experience of such an
/// agent; the "Retained" column is the heap the agent keeps (measured after a full collection), the figure that says
/// how many agents a host can keep awake.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RetainedConfig))]
public class BusyAgentBenchmarks
{
    private AnimaCore _agent = null!;

    [GlobalSetup]
    public void Setup() => _agent = Busy();

    [Benchmark(Description = "Experience of an agent that has lived 5,000")]
    public AnimaState Experience() => _agent.Experience(new Stimulus { Tension = 0.2, Satisfaction = -0.1 });

    /// <summary>Builds an agent and lives 5,000 experiences, some with a message, with desires rising as they would.</summary>
    public static AnimaCore Busy()
    {
        var agent = new AnimaCore(new AnimaOptions { Seed = 1 });
        var random = new Random(5);
        for (int i = 0; i < 5000; i++)
        {
            agent.Experience(new Stimulus { Tension = (random.NextDouble() * 2) - 1, Satisfaction = (random.NextDouble() * 2) - 1 }, i % 10 == 0 ? "I'm not sure about this, honestly." : null);
        }

        return agent;
    }

    /// <summary>The bytes a busy agent keeps alive: the heap after a full collection with it, less the heap without it.</summary>
    public static long Retained()
    {
        var warm = Busy();
        GC.KeepAlive(warm);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var agent = Busy();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(agent);
        return after - before;
    }

    private sealed class RetainedConfig : ManualConfig
    {
        public RetainedConfig() => AddColumn(new RetainedColumn());
    }

    private sealed class RetainedColumn : IColumn
    {
        private readonly Lazy<long> _bytes = new(Retained);

        public string Id => nameof(RetainedColumn);

        public string ColumnName => "Retained";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => "Bytes one agent that has lived 5,000 experiences keeps alive (heap after a full collection)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => $"{_bytes.Value / 1024.0:F1} KB";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
