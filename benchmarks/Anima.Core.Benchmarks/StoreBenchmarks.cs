using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Anima.Benchmarks;

/// <summary>Saving one agent with 1,000 memories to a SQLite store and loading it back, and the JSON export and import.</summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "anima-store-bench-" + Environment.ProcessId);
    private AnimaCore _agent = null!;
    private AnimaCore _target = null!;
    private SqliteAnimaStore _store = null!;
    private string _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        _agent = new AnimaCore(new AnimaOptions { Seed = 1 });
        _target = new AnimaCore(new AnimaOptions { Seed = 1 });
        var random = new Random(1);
        for (int i = 0; i < 500; i++)
        {
            _agent.Experience(new Stimulus { Tension = (random.NextDouble() * 2) - 1, Satisfaction = (random.NextDouble() * 2) - 1 }, i % 10 == 0 ? "that went badly" : null);
        }

        for (int i = 0; i < 1000; i++)
        {
            _agent.RememberAsync($"memory number {i} of a long and eventful life").GetAwaiter().GetResult();
        }

        _store = new SqliteAnimaStore(Path.Combine(_folder, "bench.db"));
        _store.SaveAsync("agent", _agent).GetAwaiter().GetResult();
        _json = _agent.ExportState();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "export one agent with 1,000 memories as JSON")]
    public string Export() => _agent.ExportState();

    [Benchmark(Description = "import one agent with 1,000 memories from JSON")]
    public void Import() => _target.ImportState(_json);

    /// <summary>A save after one new memory: the state and the one new row, committed.</summary>
    [Benchmark(Description = "save one agent with 1,000 memories (SQLite, committed)")]
    public Task Save()
    {
        _agent.RememberAsync("one more thing").GetAwaiter().GetResult();
        return _store.SaveAsync("agent", _agent);
    }

    [Benchmark(Description = "load one agent with its 1,000 memories (SQLite)")]
    public Task<bool> Load() => _store.LoadAsync("agent", _target);
}
