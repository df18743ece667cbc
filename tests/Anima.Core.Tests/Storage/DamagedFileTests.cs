using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Storage;

/// <summary>
/// A thousand copies of one store, each damaged at random: every one is refused with an <see cref="AnimaStoreException"/>
/// or loads exactly what was saved. None may load changed, and none may fail any other way.
/// </summary>
public sealed class DamagedFileTests : IDisposable
{
    private const int Files = 1000;
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Ids = ["ada", "bo", "cy"];
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("anima-damaged-");
    private readonly ITestOutputHelper _output;

    public DamagedFileTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ThousandRandomlyDamagedFiles_AreRefusedOrLoadExactly()
    {
        string original = Path.Combine(_folder.FullName, "original.db");
        var expected = await SaveAgents(original);
        byte[] pristine = await File.ReadAllBytesAsync(original);
        var random = new Random(20261201);
        int refusedOnOpen = 0, refusedOnLoad = 0, loadedExactly = 0;
        string path = Path.Combine(_folder.FullName, "damaged.db");
        for (int n = 0; n < Files; n++)
        {
            byte[] bytes = (byte[])pristine.Clone();
            Damage(bytes, random);
            SqliteConnection.ClearAllPools();
            await File.WriteAllBytesAsync(path, bytes);
            SqliteAnimaStore store;
            try
            {
                store = new SqliteAnimaStore(path);
            }
            catch (AnimaStoreException)
            {
                refusedOnOpen++;
                continue;
            }

            bool refused = false;
            foreach (string id in Ids)
            {
                var agent = Agent(id);
                try
                {
                    (await store.LoadAsync(id, agent)).Should().BeTrue($"file {n} lost agent '{id}' without an error");
                }
                catch (AnimaStoreException)
                {
                    refused = true;
                    continue;
                }

                agent.ExportState().Should().Be(expected[id], $"file {n} loaded agent '{id}' changed");
            }

            if (refused)
            {
                refusedOnLoad++;
            }
            else
            {
                loadedExactly++;
            }
        }

        _output.WriteLine($"{Files} damaged files: {refusedOnOpen} refused on open, {refusedOnLoad} refused on a load, {loadedExactly} loaded exactly.");
        (refusedOnOpen + refusedOnLoad + loadedExactly).Should().Be(Files);
        (refusedOnOpen + refusedOnLoad).Should().BeGreaterThan(Files / 4, "damage that reaches the data is found");
    }

    /// <summary>Damages a file as a failing disk or a careless copy would: bytes flipped, a run overwritten, or a page zeroed.</summary>
    private static void Damage(byte[] bytes, Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                for (int i = random.Next(1, 9); i > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                }

                break;
            case 1:
                int start = random.Next(bytes.Length);
                random.NextBytes(bytes.AsSpan(start, Math.Min(random.Next(1, 64), bytes.Length - start)));
                break;
            default:
                int page = random.Next(bytes.Length / 4096) * 4096;
                bytes.AsSpan(page, Math.Min(4096, bytes.Length - page)).Clear();
                break;
        }
    }

    /// <summary>Saves three agents with memories and a history into one file, folded out of write-ahead mode; returns what each exports.</summary>
    private static async Task<Dictionary<string, string>> SaveAgents(string path)
    {
        var store = new SqliteAnimaStore(path);
        var expected = new Dictionary<string, string>();
        foreach (string id in Ids)
        {
            var agent = Agent(id);
            for (int i = 0; i < 40; i++)
            {
                agent.Experience(new Stimulus { Tension = (i % 5) / 5.0, Satisfaction = (i % 3) / 3.0 }, i % 4 == 0 ? $"{id} says something, turn {i}" : null);
                if (i % 2 == 0)
                {
                    await agent.RememberAsync($"{id} remembers moment {i}");
                }
            }

            await store.SaveAsync(id, agent);
            expected[id] = agent.ExportState();
        }

        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        return expected;
    }

    private static AnimaCore Agent(string id) =>
        new(new AnimaOptions { Seed = id.Length + id[0], TimeProvider = new FakeTimeProvider(Start) });
}
