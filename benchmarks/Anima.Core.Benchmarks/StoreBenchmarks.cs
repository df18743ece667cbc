using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Anima.Benchmarks;

/// <summary>Saving one agent to a SQLite store and loading it back, and the JSON export beneath both.</summary>
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

    [Benchmark(Description = "export one agent as JSON")]
    public string Export() => _agent.ExportState();

    [Benchmark(Description = "import one agent from JSON")]
    public void Import() => _target.ImportState(_json);

    [Benchmark(Description = "save one agent (SQLite, committed)")]
    public Task Save() => _store.SaveAsync("agent", _agent);

    [Benchmark(Description = "load one agent (SQLite)")]
    public Task<bool> Load() => _store.LoadAsync("agent", _target);
}
