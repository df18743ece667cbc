using System.Diagnostics;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Storage;

/// <summary>
/// A process saving an agent in a loop, killed (SIGKILL) at a random moment, ten times: the file always opens, and
/// the agent loads as one whole save — its memories and its state from the same commit.
/// </summary>
public sealed class KillDuringSaveTests : IDisposable
{
    private const string StoreVariable = "ANIMA_KILL_TEST_STORE";
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("anima-kill-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task KilledWhileSaving_TenTimes_TheFileOpensAndTheAgentLoadsAsOneWholeSave()
    {
        string path = Path.Combine(_folder.FullName, "killed.db");
        var random = new Random(9);
        for (int round = 0; round < 10; round++)
        {
            using var child = StartChild(path);
            await WaitForSaves(path, child);
            await Task.Delay(random.Next(20, 200));
            child.Kill();
            await child.WaitForExitAsync();
            SqliteConnection.ClearAllPools();

            var store = new SqliteAnimaStore(path);
            var agent = Agent();
            (await store.LoadAsync("survivor", agent)).Should().BeTrue("round {0}", round);
            agent.Memory.Count.Should().Be((int)agent.State.ExperienceCount, "round {0}: the memories and the state come from one save", round);
            (await store.ReadEventsAsync("survivor")).Should().NotBeEmpty();
        }
    }

    /// <summary>The child's side: experiences, remembers and saves until it is killed. Runs only when started by the test above.</summary>
    [Fact]
    public async Task Child_SavesUntilKilled()
    {
        string? path = Environment.GetEnvironmentVariable(StoreVariable);
        Assert.SkipWhen(path is null, "Run by KilledWhileSaving_TenTimes_TheFileOpensAndTheAgentLoadsAsOneWholeSave in a process of its own.");
        var store = new SqliteAnimaStore(path!);
        var agent = Agent();
        await store.LoadAsync("survivor", agent);
        for (int i = 0; ; i++)
        {
            agent.Experience(new Stimulus { Tension = (i % 7) / 7.0 }, i % 3 == 0 ? "still here" : null);
            await agent.RememberAsync($"moment {agent.State.ExperienceCount}");
            await store.SaveAsync("survivor", agent);
        }
    }

    private static Process StartChild(string path)
    {
        string assembly = typeof(KillDuringSaveTests).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("-method");
        start.ArgumentList.Add($"{typeof(KillDuringSaveTests).FullName}.{nameof(Child_SavesUntilKilled)}");
        start.Environment[StoreVariable] = path;
        var child = Process.Start(start)!;
        child.OutputDataReceived += (_, _) => { };
        child.ErrorDataReceived += (_, _) => { };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until the child has saved a few times more than the file held when it began.</summary>
    private static async Task WaitForSaves(string path, Process child)
    {
        long before = await Saved(path);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await Saved(path) < before + 5)
        {
            child.HasExited.Should().BeFalse("the child saves until it is killed");
            DateTime.UtcNow.Should().BeBefore(deadline, "the child should have saved by now");
            await Task.Delay(20);
        }
    }

    private static async Task<long> Saved(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT coalesce(max(memory_count), 0) FROM agents;";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    private static AnimaCore Agent() => new(new AnimaOptions { Seed = 4, TimeProvider = new FakeTimeProvider(Start) });
}
