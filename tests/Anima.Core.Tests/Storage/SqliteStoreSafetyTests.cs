using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Storage;

/// <summary>
/// The store tried as a careless host and a hostile file would: ids reused, old exports restored, files damaged,
/// truncated or opened by many at once. Nothing saved may be lost, and nothing damaged may load changed.
/// </summary>
public sealed class SqliteStoreSafetyTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("anima-safety-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Save_IdReusedByAnotherAgent_KeepsEveryEventOfBoth()
    {
        var store = new SqliteAnimaStore(File("reuse.db"));
        var first = Agent(1);
        Live(first, 30, "first");
        await store.SaveAsync("kim", first);

        var second = Agent(2);
        Live(second, 10, "second");
        await store.SaveAsync("kim", second);

        (await Lived(store, "kim")).Should().Equal([.. Counts(1, 30), .. Counts(1, 10)], "the second agent's events are kept though its numbers were the first's");
        (await store.ReadEventsAsync("kim")).Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Save_OlderExportRestoredAndLivedOn_KeepsTheNewLife()
    {
        var store = new SqliteAnimaStore(File("older.db"));
        var agent = Agent(1);
        Live(agent, 5, "early");
        string older = agent.ExportState();
        Live(agent, 20, "later");
        await store.SaveAsync("lee", agent);

        agent.ImportState(older);
        Live(agent, 30, "again");
        await store.SaveAsync("lee", agent);

        (await Lived(store, "lee")).Should().Equal([.. Counts(1, 25), .. Counts(6, 35)], "the life after the restore is saved though its numbers were used before");
    }

    [Fact]
    public async Task Save_OfASaveLoadedBeforeTheAgentMovedOn_KeepsWhatFollows()
    {
        var store = new SqliteAnimaStore(File("reload.db"));
        var agent = Agent(1);
        Live(agent, 5, "saved");
        await store.SaveAsync("max", agent);
        var copy = Agent(1);
        (await store.LoadAsync("max", copy)).Should().BeTrue();

        Live(agent, 10, "moved on");
        await store.SaveAsync("max", agent);
        Live(copy, 3, "resumed");
        await store.SaveAsync("max", copy);
        Live(copy, 2, "and then");
        await store.SaveAsync("max", copy);

        (await Lived(store, "max")).Should().Equal([.. Counts(1, 15), .. Counts(6, 10)]);
    }

    [Fact]
    public async Task Save_WithRetention_KeepsTheNewestEvents_AndHandsThePrunedToTheArchiveFirst()
    {
        var archived = new List<AnimaEvent>();
        var store = new SqliteAnimaStore(File("retention.db"), new SqliteAnimaStoreOptions
        {
            MaxEventsPerAgent = 50,
            EventsPruning = (id, events, _) =>
            {
                id.Should().Be("ora");
                archived.AddRange(events);
                return Task.CompletedTask;
            },
        });
        var agent = Agent(1);
        for (int round = 0; round < 10; round++)
        {
            Live(agent, 20, $"round {round}");
            await store.SaveAsync("ora", agent);
        }

        var kept = await store.ReadEventsAsync("ora");
        kept.Should().HaveCount(50);
        archived.Concat(kept).Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, archived.Count + 50).Select(i => (long)i), "every event was either kept or archived, once");
    }

    [Fact]
    public async Task Save_ArchiveFails_SavesNothingAndPrunesNothing()
    {
        var store = new SqliteAnimaStore(File("archive.db"), new SqliteAnimaStoreOptions
        {
            MaxEventsPerAgent = 10,
            EventsPruning = (_, _, _) => throw new IOException("the archive disk is full"),
        });
        var agent = Agent(1);
        Live(agent, 4, "kept");
        await store.SaveAsync("pia", agent);
        Live(agent, 20, "more");

        await store.Invoking(s => s.SaveAsync("pia", agent)).Should().ThrowAsync<AnimaStoreException>().WithMessage("*the archive disk is full*");
        (await Lived(store, "pia")).Should().Equal(Counts(1, 4));
    }

    [Fact]
    public async Task Save_DefaultRetention_BoundsTheEventsOfALongLife()
    {
        var store = new SqliteAnimaStore(File("long.db"), new SqliteAnimaStoreOptions { MaxEventsPerAgent = 300 });
        var agent = Agent(1);
        for (int i = 0; i < 3000; i++)
        {
            agent.Experience(new Stimulus { Tension = (i % 7) / 10.0 });
            if (i % 100 == 99)
            {
                await store.SaveAsync("quin", agent);
            }
        }

        (await store.ReadEventsAsync("quin")).Should().HaveCount(300);
        new SqliteAnimaStoreOptions().MaxEventsPerAgent.Should().Be(SqliteAnimaStoreOptions.DefaultMaxEventsPerAgent);
    }

    [Fact]
    public async Task Open_NegativeSchemaVersion_IsRefusedAsDamaged()
    {
        string path = File("negative.db");
        var store = new SqliteAnimaStore(path);
        await store.SaveAsync("rae", Agent(1));
        Execute(path, "PRAGMA user_version = -3;");
        string before = Hash(path);

        FluentActions.Invoking(() => new SqliteAnimaStore(path)).Should().Throw<AnimaStoreException>().WithMessage("*schema version -3*");
        Hash(path).Should().Be(before);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(100)]
    public async Task Open_FileTruncated_IsRefusedAndNotRecreated(int length)
    {
        string path = File("truncated.db");
        await new SqliteAnimaStore(path).SaveAsync("sam", Agent(1));
        Checkpoint(path);
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(length);
        }

        string before = Hash(path);

        FluentActions.Invoking(() => new SqliteAnimaStore(path)).Should().Throw<AnimaStoreException>().WithMessage("*not a database or is corrupt*");
        Hash(path).Should().Be(before, "a damaged file is never replaced by an empty store");
    }

    [Fact]
    public async Task ReadEvents_DamagedRow_IsAStoreError()
    {
        string path = File("rows.db");
        var store = new SqliteAnimaStore(path);
        var agent = Agent(1);
        Live(agent, 3, "hello");
        await store.SaveAsync("tia", agent);
        Execute(path, "UPDATE events SET occurred_at = 'yesterday' WHERE sequence = 2; UPDATE events SET kind = '7' WHERE sequence = 3;");

        await store.Invoking(s => s.ReadEventsAsync("tia")).Should().ThrowAsync<AnimaStoreException>().WithMessage("*damaged*");
    }

    [Fact]
    public async Task Load_StateChangedBehindTheStoresBack_IsRefusedByItsChecksum()
    {
        string path = File("checksum.db");
        var store = new SqliteAnimaStore(path);
        var agent = Agent(1);
        agent.Experience(new Stimulus { Tension = 0.5 });
        await store.SaveAsync("uma", agent);
        Execute(path, "UPDATE agents SET state = CAST(replace(CAST(state AS TEXT), '\"seed\":1', '\"seed\":2') AS BLOB);");
        var target = Agent(1);
        string before = target.ExportState();

        await target.Invoking(t => store.LoadAsync("uma", t)).Should().ThrowAsync<AnimaStoreException>().WithMessage("*saved state is damaged*checksum*");
        target.ExportState().Should().Be(before);
    }

    [Fact]
    public async Task Load_IdDamagedInTheFile_IsRefusedNotReportedMissing()
    {
        string path = File("id.db");
        var store = new SqliteAnimaStore(path);
        await store.SaveAsync("vic", Agent(1));
        Execute(path, "UPDATE agents SET id = 'vik';");

        await store.Invoking(s => s.LoadAsync("vic", Agent(1))).Should().ThrowAsync<AnimaStoreException>().WithMessage("*'vik'*checksum*");
        await store.Invoking(s => s.ListAsync()).Should().ThrowAsync<AnimaStoreException>();
    }

    [Fact]
    public async Task Open_NewFileByManyAtOnce_AllSucceedAndShareOneStore()
    {
        for (int round = 0; round < 10; round++)
        {
            string path = File($"race{round}.db");
            using var ready = new Barrier(8);
            var errors = new List<Exception>();
            var threads = Enumerable.Range(0, 8).Select(n => new Thread(() =>
            {
                try
                {
                    ready.SignalAndWait();
                    var store = new SqliteAnimaStore(path, TimeSpan.FromSeconds(30));
                    store.SaveAsync($"agent{n}", Agent(n)).GetAwaiter().GetResult();
                }
                catch (Exception exception)
                {
                    lock (errors)
                    {
                        errors.Add(exception);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            errors.Should().BeEmpty("round {0}", round);
            (await new SqliteAnimaStore(path).ListAsync()).Should().HaveCount(8);
        }
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("line\nbreak")]
    [InlineData("lone surrogate")]
    public async Task AgentIds_TheFileCouldNotKeepExactly_AreRefusedByName(string id)
    {
        // An attribute cannot carry a lone surrogate (its text is stored as UTF-8), so the test puts it in.
        id = id.Replace(" surrogate", "\ud800", StringComparison.Ordinal);
        var store = new SqliteAnimaStore(File("ids.db"));

        (await store.Invoking(s => s.SaveAsync(id, Agent(1))).Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("agentId");
        await store.Invoking(s => s.SaveAsync(new string('x', SqliteAnimaStore.MaxAgentIdLength + 1), Agent(1))).Should().ThrowAsync<ArgumentException>();
        await store.SaveAsync("ok 😀 id", Agent(1));
        (await store.ListAsync()).Should().Equal("ok 😀 id");
    }

    [Fact]
    public void Options_OutOfRange_AreRefusedByName()
    {
        FluentActions.Invoking(() => new SqliteAnimaStore(File("o.db"), new SqliteAnimaStoreOptions { MaxEventsPerAgent = 0 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options.MaxEventsPerAgent");
        FluentActions.Invoking(() => new SqliteAnimaStore(File("o.db"), new SqliteAnimaStoreOptions { MaxEventAge = TimeSpan.Zero }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options.MaxEventAge");
        FluentActions.Invoking(() => new SqliteAnimaStore(File("o.db"), (SqliteAnimaStoreOptions)null!)).Should().Throw<ArgumentNullException>();
    }

    private static AnimaCore Agent(int seed) =>
        new(new AnimaOptions { Seed = seed, TimeProvider = new FakeTimeProvider(Start) });

    /// <summary>Lives a few experiences, each with a message the store keeps as an event of its own.</summary>
    private static void Live(AnimaCore agent, int count, string label)
    {
        for (int i = 0; i < count; i++)
        {
            agent.Experience(new Stimulus { Tension = 0.1 * (i % 5) }, $"{label} {i}");
        }
    }

    /// <summary>The experience counts of the changes of state a store holds, in its order.</summary>
    private static async Task<List<long>> Lived(SqliteAnimaStore store, string id) =>
        [.. (await store.ReadEventsAsync(id)).OfType<StateChangedEvent>().Select(e => e.ExperienceCount)];

    private static IEnumerable<long> Counts(long first, long last) => Enumerable.Range((int)first, (int)(last - first + 1)).Select(i => (long)i);

    private string File(string name) => Path.Combine(_folder.FullName, name);

    private static void Execute(string path, string sql)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Folds the write-ahead log into the file and leaves it in rollback mode, so the file alone holds everything.</summary>
    private static void Checkpoint(string path) => Execute(path, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");

    private static string Hash(string path)
    {
        SqliteConnection.ClearAllPools();
        return Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(path)));
    }
}
