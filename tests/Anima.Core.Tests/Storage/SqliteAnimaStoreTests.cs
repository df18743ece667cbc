using System.Security.Cryptography;
using Anima.Tests.Support;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Anima.Tests.Storage;

public sealed class SqliteAnimaStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("anima-store-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task SaveThenLoad_IntoANewAgent_ContinuesExactly()
    {
        var store = new SqliteAnimaStore(File("agents.db"));
        var (original, clock) = Agent(1);
        var random = new Random(3);
        for (int i = 0; i < 500; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(random.Next(0, 300)));
            original.Experience(Random(random), i % 5 == 0 ? "I'm worried this will fail again." : null);
        }

        await original.SaveAsync(store, "ada");
        var reopened = new SqliteAnimaStore(store.Path);
        var (copy, copyClock) = Agent(1);
        copyClock.SetUtcNow(clock.GetUtcNow());
        (await copy.LoadAsync(reopened, "ada")).Should().BeTrue();

        copy.ExportState().Should().Be(original.ExportState());
        var a = new Random(9);
        var b = new Random(9);
        for (int i = 0; i < 100; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            copyClock.Advance(TimeSpan.FromSeconds(30));
            var expected = original.Experience(Random(a));
            var actual = copy.Experience(Random(b));
            actual.Narrative.Should().Be(expected.Narrative);
            copy.ExportState().Should().Be(original.ExportState(), "step {0} after loading", i);
        }
    }

    [Fact]
    public async Task TwoHundredAgents_InOneDatabase_KeepSeparateExactStates()
    {
        var store = new SqliteAnimaStore(File("many.db"));
        var saved = new Dictionary<string, string>();
        for (int n = 0; n < 200; n++)
        {
            var (agent, clock) = Agent(n);
            var random = new Random(n);
            for (int i = 0; i < n % 17; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                agent.Experience(Random(random));
            }

            string id = $"agent-{n:000}";
            await store.SaveAsync(id, agent);
            saved[id] = agent.ExportState();
        }

        (await store.ListAsync()).Should().Equal(saved.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, expected) in saved)
        {
            var (agent, _) = Agent(int.Parse(id[6..], System.Globalization.CultureInfo.InvariantCulture));
            (await store.LoadAsync(id, agent)).Should().BeTrue();
            agent.ExportState().Should().Be(expected, id);
        }

        (await store.DeleteAsync("agent-007")).Should().BeTrue();
        (await store.DeleteAsync("agent-007")).Should().BeFalse();
        (await store.LoadAsync("agent-007", Agent(7).Agent)).Should().BeFalse();
        (await store.ListAsync()).Should().HaveCount(199);
    }

    [Fact]
    public async Task Save_ReplacesThePreviousSaveOfTheSameAgent()
    {
        var store = new SqliteAnimaStore(File("replace.db"));
        var (agent, _) = Agent(5);
        await store.SaveAsync("bo", agent);
        agent.Experience(new Stimulus { Tension = 0.9 });
        await store.SaveAsync("bo", agent);

        var (copy, _) = Agent(5);
        await store.LoadAsync("bo", copy);

        copy.State.ExperienceCount.Should().Be(1);
        (await store.ListAsync()).Should().Equal("bo");
    }

    [Fact]
    public async Task SaveAndLoad_KeepsMemories_AndForgetsThemAfterAReset()
    {
        var store = new SqliteAnimaStore(File("memories.db"));
        var (agent, clock) = Agent(4);
        for (int i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            agent.Experience(new Stimulus { Tension = i / 10.0 }, $"moment number {i}");
            await agent.RememberAsync($"I remember moment number {i}");
            if (i is 4 or 9)
            {
                await store.SaveAsync("dee", agent);
            }
        }

        var (copy, _) = Agent(4);
        await store.LoadAsync("dee", copy);
        copy.ExportState().Should().Be(agent.ExportState());
        copy.Memory.Count.Should().Be(10);

        agent.Reset();
        await agent.RememberAsync("a fresh start");
        await store.SaveAsync("dee", agent);
        var (afterReset, _) = Agent(4);
        await store.LoadAsync("dee", afterReset);
        afterReset.Memory.GetAll().Select(m => m.Text).Should().Equal("a fresh start");
    }

    [Fact]
    public async Task Save_AfterAResetWithMoreMemoriesThanBefore_KeepsOnlyTheNewOnes()
    {
        var store = new SqliteAnimaStore(File("reset.db"));
        var (agent, clock) = Agent(5);
        for (int i = 0; i < 40; i++)
        {
            await agent.RememberAsync($"before the reset {i}");
        }

        await store.SaveAsync("eve", agent);
        agent.Reset();
        for (int i = 0; i < 45; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await agent.RememberAsync($"after the reset {i}");
        }

        await store.SaveAsync("eve", agent);
        var (copy, _) = Agent(5);
        await store.LoadAsync("eve", copy);
        copy.Memory.GetAll().Select(m => m.Text).Should().Equal(Enumerable.Range(0, 45).Select(i => $"after the reset {i}"), "ids restart after a reset, so the old memories must not survive under them");

        var (other, _) = Agent(5);
        for (int i = 0; i < 50; i++)
        {
            await other.RememberAsync($"another agent's memory {i}");
        }

        await store.SaveAsync("eve", other);
        await store.LoadAsync("eve", copy);
        copy.Memory.GetAll().Select(m => m.Text).Should().Equal(other.Memory.GetAll().Select(m => m.Text), "another agent saved under the id replaces every memory");
    }

    [Fact]
    public async Task Save_MemoriesInBlocks_AppendsAcrossBlockBoundariesAndLoadsWhatWasSaved()
    {
        string path = File("blocks.db");
        var store = new SqliteAnimaStore(path);
        var (agent, clock) = Agent(6);
        int[] savePoints = [1, 31, 32, 33, 64, 65, 100];
        for (int i = 1; i <= 100; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(7));
            agent.Experience(new Stimulus { Tension = (i % 7) / 7.0 }, null);
            await agent.RememberAsync($"memory {i}: the {(i % 2 == 0 ? "quiet" : "loud")} day");
            if (savePoints.Contains(i))
            {
                await store.SaveAsync("fay", agent);
                var (copy, copyClock) = Agent(6);
                copyClock.SetUtcNow(clock.GetUtcNow());
                (await store.LoadAsync("fay", copy)).Should().BeTrue();
                copy.ExportState().Should().Be(agent.ExportState(), "after saving {0} memories", i);
                Scalar(path, "SELECT count(*) FROM memory_blocks WHERE agent_id = 'fay';").Should().Be((i + 31) / 32, "one block per 32 memories");
                if (i == 100)
                {
                    var expected = await agent.RecallAsync("a quiet day", 5);
                    var actual = await copy.RecallAsync("a quiet day", 5);
                    actual.Select(r => (r.Memory.Id, r.Score)).Should().Equal(expected.Select(r => (r.Memory.Id, r.Score)), "a loaded bank ranks as the one it was saved from");
                    await copy.RememberAsync("one more after loading");
                    copy.Memory.Count.Should().Be(101);
                }
            }
        }
    }

    [Fact]
    public async Task Load_DamagedMemoryBlock_IsRefusedAndTheAgentIsUnchanged()
    {
        string path = File("damaged.db");
        var (store, _) = await SavedWithFortyMemories(path, "gus");
        Execute(path, "UPDATE memory_blocks SET data = substr(data, 1, 300) WHERE agent_id = 'gus' AND block = 1;").Should().Be(1);
        var (target, before) = LivedTarget();

        await target.Invoking(t => t.LoadAsync(store, "gus")).Should().ThrowAsync<AnimaStoreException>()
            .WithMessage("*agent 'gus'*memories*damaged*block 1*");
        target.ExportState().Should().Be(before);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("NULL")]
    [InlineData("'not a block'")]
    public async Task Load_ABlockThatIsNoLongerABlob_IsRefusedAndTheAgentIsUnchanged(string value)
    {
        string path = File("retyped.db");
        var (store, _) = await SavedWithFortyMemories(path, "ida");

        // A file damaged below SQLite's type checks: the table's declaration loses STRICT and NOT NULL, so a block's data
        // can be stored as something other than a blob, as a damaged record can read.
        Execute(path, """
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = replace(replace(sql, ') STRICT', ')'), 'data BLOB NOT NULL', 'data BLOB')
                WHERE name = 'memory_blocks';
            PRAGMA writable_schema = RESET;
            """);
        Execute(path, $"UPDATE memory_blocks SET data = {value} WHERE agent_id = 'ida' AND block = 1;").Should().Be(1);
        var (target, before) = LivedTarget();

        await target.Invoking(t => t.LoadAsync(store, "ida")).Should().ThrowAsync<AnimaStoreException>().WithMessage($"*agent 'ida'*memories*damaged*'{path}'*block 1*");
        target.ExportState().Should().Be(before);
    }

    [Fact]
    public async Task Load_ABlockWhoseChecksumHoldsButWhoseEmbeddingIsNotOfUnitLength_IsRefusedNamingIt()
    {
        string path = File("stretched.db");
        var (store, agent) = await SavedWithFortyMemories(path, "hal");

        // A block written by a faulty writer: consistent with its checksum, and one embedding twice as long as it should be.
        var memories = agent.Memory.GetAll().ToList();
        memories[33] = memories[33] with { Embedding = memories[33].Embedding.ToArray().Select(x => x * 2).ToArray() };
        byte[] block = Anima.Storage.MemoryBlock.Encode(memories, 32, 8);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var write = connection.CreateCommand();
            write.CommandText = "UPDATE memory_blocks SET data = $data, checksum = $checksum WHERE agent_id = 'hal' AND block = 1;";
            write.Parameters.AddWithValue("$data", block);
            write.Parameters.AddWithValue("$checksum", Anima.Storage.StoreChecksum.Block("hal", 1, block));
            write.ExecuteNonQuery().Should().Be(1);
        }

        var (target, _) = Agent(7);
        string before = target.ExportState();

        await target.Invoking(t => t.LoadAsync(store, "hal")).Should().ThrowAsync<AnimaStoreException>()
            .WithMessage("*agent 'hal'*block 1*embedding of length 2*unit length*");
        target.ExportState().Should().Be(before);
    }

    /// <summary>A store holding an agent of forty memories (two blocks), saved as <paramref name="id"/>.</summary>
    private static async Task<(SqliteAnimaStore Store, AnimaCore Agent)> SavedWithFortyMemories(string path, string id)
    {
        var store = new SqliteAnimaStore(path);
        var (agent, _) = Agent(7);
        for (int i = 0; i < 40; i++)
        {
            await agent.RememberAsync($"memory {i}");
        }

        await store.SaveAsync(id, agent);
        return (store, agent);
    }

    /// <summary>An agent that has lived a moment, and its export, to show that a refused load left it as it was.</summary>
    private static (AnimaCore Agent, string Export) LivedTarget()
    {
        var (target, _) = Agent(7);
        target.Experience(new Stimulus { Tension = 0.5 });
        return (target, target.ExportState());
    }

    /// <summary>Runs SQL on the file behind the store's back; returns the rows it changed.</summary>
    private static int Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion3_MovesItsMemoriesIntoBlocksAndLoadsThemExactly()
    {
        string path = File("v3.db");
        System.IO.File.Copy(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "schema-v3.db"), path);

        var store = new SqliteAnimaStore(path);

        Scalar(path, "PRAGMA user_version;").Should().Be(SqliteAnimaStore.SchemaVersion);
        Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'memories';").Should().Be(0, "the row-per-memory table is gone");
        foreach (var (id, seed, memories) in new[] { ("cleo", 3, 70), ("dov", 4, 0) })
        {
            var agent = new AnimaCore(new AnimaOptions { Seed = seed, Personality = new Personality { Neuroticism = 0.6 }, TimeProvider = new FakeTimeProvider(Start) });
            (await store.LoadAsync(id, agent)).Should().BeTrue();
            agent.Memory.Count.Should().Be(memories);
            var saved = System.Text.Json.Nodes.JsonNode.Parse(await System.IO.File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", $"schema-v3.{id}.json")));
            // Exported as version 2 today, laid out as version 1 to be compared with the fixture.
            var loaded = VersionOneShape.Of(agent.ExportState());
            WithoutFieldsNewerThanTheFixture(loaded);
            System.Text.Json.Nodes.JsonNode.DeepEquals(loaded, saved).Should().BeTrue(id);
            (await store.ReadEventsAsync(id)).Should().NotBeEmpty("the events of version 3 are kept");
            await agent.RememberAsync("the first memory after the migration");
            await store.SaveAsync(id, agent);
            var again = new AnimaCore(new AnimaOptions { Seed = seed, Personality = new Personality { Neuroticism = 0.6 }, TimeProvider = new FakeTimeProvider(Start) });
            await store.LoadAsync(id, again);
            again.Memory.GetAll().Select(m => m.Text).Should().Equal(agent.Memory.GetAll().Select(m => m.Text));
        }
    }

    [Fact]
    public async Task Open_FileOfSchemaVersion1_MigratesAndLoadsItsAgentsAsSaved()
    {
        string path = File("old.db");
        System.IO.File.Copy(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", "schema-v1.db"), path);

        var store = new SqliteAnimaStore(path);

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version;";
            Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(SqliteAnimaStore.SchemaVersion);
        }

        (await store.ListAsync()).Should().Equal("ada", "bo");
        foreach (var (id, seed) in new[] { ("ada", 1), ("bo", 2) })
        {
            var agent = new AnimaCore(new AnimaOptions { Seed = seed, Personality = new Personality { Neuroticism = 0.6 }, TimeProvider = new FakeTimeProvider(Start) });
            (await store.LoadAsync(id, agent)).Should().BeTrue();
            // Exported as version 2 today, laid out as version 1 to be compared with the fixture.
            var loaded = VersionOneShape.Of(agent.ExportState());
            loaded["memories"]!.AsArray().Should().BeEmpty("schema version 1 had no memories");
            loaded.Remove("memories");
            ((long)loaded["eventSequence"]!).Should().Be(0, "schema version 1 had no events");
            loaded.Remove("eventSequence");
            WithoutFieldsNewerThanTheFixture(loaded);
            var saved = System.Text.Json.Nodes.JsonNode.Parse(await System.IO.File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", $"schema-v1.{id}.json")));
            System.Text.Json.Nodes.JsonNode.DeepEquals(loaded, saved).Should().BeTrue(id);
            await agent.RememberAsync("the first memory after the migration");
            await store.SaveAsync(id, agent);
        }
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_IsRefusedAndLeftAlone()
    {
        string path = File("notes.db");
        System.IO.File.WriteAllText(path, "These are my notes, not a database. " + new string('x', 5000));
        string before = Hash(path);

        var act = () => new SqliteAnimaStore(path);

        act.Should().Throw<AnimaStoreException>().WithMessage("*is not a database or is corrupt*");
        Hash(path).Should().Be(before);
    }

    [Fact]
    public async Task Load_CorruptDatabase_IsRefusedAndLeftAlone()
    {
        string path = File("corrupt.db");
        var store = new SqliteAnimaStore(path);
        for (int n = 0; n < 20; n++)
        {
            await store.SaveAsync($"a{n}", Agent(n).Agent);
        }

        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            checkpoint.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var bytes = await System.IO.File.ReadAllBytesAsync(path);
        for (int i = 4096; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        await System.IO.File.WriteAllBytesAsync(path, bytes);
        string before = Hash(path);

        var act = async () =>
        {
            var reopened = new SqliteAnimaStore(path);
            await reopened.LoadAsync("a3", Agent(3).Agent);
        };

        await act.Should().ThrowAsync<AnimaStoreException>().WithMessage("*is not a database or is corrupt*");
        Hash(path).Should().Be(before);
    }

    [Fact]
    public async Task Save_WhileAnotherWriterHoldsTheLock_FailsClearlyThenWorks()
    {
        string path = File("locked.db");
        var store = new SqliteAnimaStore(path, lockTimeout: TimeSpan.FromSeconds(1));
        var (agent, _) = Agent(2);
        await store.SaveAsync("cy", agent);

        using (var writer = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            writer.Open();
            using var transaction = writer.BeginTransaction(deferred: false);
            using var command = writer.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM agents;";
            command.ExecuteNonQuery();

            agent.Experience(new Stimulus { Cohesion = 0.5 });
            var act = () => store.SaveAsync("cy", agent);
            (await act.Should().ThrowAsync<AnimaStoreException>()).WithMessage("*is locked by another writer*");
        }

        await store.SaveAsync("cy", agent);
        var (copy, _) = Agent(2);
        (await store.LoadAsync("cy", copy)).Should().BeTrue();
        copy.State.ExperienceCount.Should().Be(1);
    }

    [Fact]
    public void Open_DatabaseOfAnotherApplication_IsRefused()
    {
        string path = File("other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);";
            command.ExecuteNonQuery();
        }

        string before = Hash(path);

        var act = () => new SqliteAnimaStore(path);

        act.Should().Throw<AnimaStoreException>().WithMessage("*another application*");
        Hash(path).Should().Be(before);
    }

    [Fact]
    public void Open_DatabaseFromANewerVersion_IsRefused()
    {
        string path = File("newer.db");
        _ = new SqliteAnimaStore(path);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {SqliteAnimaStore.SchemaVersion + 1};";
            command.ExecuteNonQuery();
        }

        var act = () => new SqliteAnimaStore(path);

        act.Should().Throw<AnimaStoreException>().WithMessage($"*schema version {SqliteAnimaStore.SchemaVersion + 1}, newer than this library opens*");
    }

    [Fact]
    public async Task BadArguments_AreRefused()
    {
        var store = new SqliteAnimaStore(File("args.db"));
        var agent = Agent(1).Agent;

        await store.Invoking(s => s.SaveAsync("", agent)).Should().ThrowAsync<ArgumentException>();
        await store.Invoking(s => s.SaveAsync("x", null!)).Should().ThrowAsync<ArgumentNullException>();
        await agent.Invoking(a => a.SaveAsync(null!, "x")).Should().ThrowAsync<ArgumentNullException>();
        FluentActions.Invoking(() => new SqliteAnimaStore(" ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new SqliteAnimaStore(File("t.db"), TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>();
    }

    private string File(string name) => Path.Combine(_folder.FullName, name);

    /// <summary>
    /// Checks, then removes, what documents gained after the fixtures were made: the soul's learning (none yet),
    /// the time of the last contact (the last experience) and the desires felt (none).
    /// </summary>
    private static void WithoutFieldsNewerThanTheFixture(System.Text.Json.Nodes.JsonObject loaded)
    {
        loaded["soulLearning"]!.AsArray().Select(n => (double)n!).Should().OnlyContain(v => v == 0);
        loaded["lastContact"]!.ToJsonString().Should().Be(loaded["lastTime"]!.ToJsonString());
        ((int)loaded["desiresFelt"]!).Should().Be(0);
        loaded.Remove("soulLearning");
        loaded.Remove("lastContact");
        loaded.Remove("desiresFelt");
        loaded["desirePressure"]!.AsArray().Select(n => (double)n!).Should().OnlyContain(v => v == 0);
        loaded.Remove("desirePressure");
    }

    private static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(path)));

    private static (AnimaCore Agent, FakeTimeProvider Clock) Agent(int seed)
    {
        var clock = new FakeTimeProvider(Start);
        return (new AnimaCore(new AnimaOptions { Seed = seed, Personality = new Personality { Neuroticism = 0.6 }, TimeProvider = clock }), clock);
    }

    private static Stimulus Random(Random random) => new()
    {
        Tension = (random.NextDouble() * 2) - 1,
        Arousal = (random.NextDouble() * 2) - 1,
        Satisfaction = (random.NextDouble() * 2) - 1,
        Cohesion = (random.NextDouble() * 2) - 1,
    };
}
