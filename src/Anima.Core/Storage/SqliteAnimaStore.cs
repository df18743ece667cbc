using System.Globalization;
using Anima.Memory;
using Anima.Persistence;
using Anima.Storage;
using Microsoft.Data.Sqlite;

namespace Anima;

/// <summary>
/// An <see cref="IAnimaStore"/> in one SQLite file (Microsoft.Data.Sqlite): many agents per file, write-ahead
/// logging, one transaction per save, parameters only, and a schema version (<c>PRAGMA user_version</c>) that is
/// migrated forward when the file is opened.
/// </summary>
/// <remarks>
/// Thread-safe: each call opens a pooled connection of its own. Another process may read while one writes; a
/// second writer waits up to the lock timeout and then gets an <see cref="AnimaStoreException"/>.
/// </remarks>
public sealed class SqliteAnimaStore : IAnimaStore
{
    /// <summary>The schema version this library writes and the newest it opens.</summary>
    public const int SchemaVersion = 5;

    /// <summary>Marks a file as an Anima database (<c>PRAGMA application_id</c>): "ANIM".</summary>
    private const int ApplicationId = 0x414E494D;

    /// <summary>The schema, one step per version; step <c>i</c> takes a file from version <c>i</c> to <c>i + 1</c>.</summary>
    private static readonly Action<SqliteConnection, SqliteTransaction>[] Migrations =
    [
        Script("""
        CREATE TABLE agents (
            id TEXT NOT NULL PRIMARY KEY,
            saved_at TEXT NOT NULL,
            document_version INTEGER NOT NULL,
            state BLOB NOT NULL
        ) STRICT;
        """),
        Script("""
        CREATE TABLE memories (
            agent_id TEXT NOT NULL,
            id INTEGER NOT NULL,
            remembered_at TEXT NOT NULL,
            text TEXT NOT NULL,
            emotion TEXT NOT NULL,
            valence REAL NOT NULL,
            arousal REAL NOT NULL,
            dominance REAL NOT NULL,
            levels BLOB NOT NULL,
            importance REAL NOT NULL,
            embedding BLOB NOT NULL,
            PRIMARY KEY (agent_id, id)
        ) STRICT, WITHOUT ROWID;
        """),
        Script("""
        CREATE TABLE events (
            agent_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            occurred_at TEXT NOT NULL,
            occurred_ticks INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT,
            call_id TEXT,
            name TEXT,
            succeeded INTEGER,
            experience_count INTEGER,
            valence REAL,
            arousal REAL,
            dominance REAL,
            PRIMARY KEY (agent_id, sequence)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX events_by_time ON events (agent_id, occurred_ticks);
        """),
        MoveMemoriesIntoBlocks,
        Script("ALTER TABLE events ADD COLUMN strength REAL;"),
    ];

    private static readonly string[] EventColumns =
        ["$agent", "$sequence", "$at", "$ticks", "$kind", "$text", "$callId", "$name", "$succeeded", "$count", "$valence", "$arousal", "$dominance", "$strength"];

    private readonly string _connectionString;

    /// <summary>Opens (creating it if missing) the store in a SQLite file, and migrates its schema to <see cref="SchemaVersion"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="lockTimeout">How long to wait for another writer before giving up. The default is five seconds.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or <paramref name="lockTimeout"/> is negative.</exception>
    /// <exception cref="AnimaStoreException">The file is not an Anima database, is corrupt, is locked, or was made by a newer version; nothing is written.</exception>
    public SqliteAnimaStore(string path, TimeSpan? lockTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var timeout = lockTimeout ?? TimeSpan.FromSeconds(5);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero, nameof(lockTimeout));
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
            Pooling = true,
        }.ToString();
        Run("open", Migrate);
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Memories never change once made, so a save writes only the blocks of <see cref="MemoryBlock.Size"/> memories
    /// that gained one since the previous save; when the agent's memories are no longer a continuation of the
    /// saved ones (after <see cref="AnimaCore.Reset"/>, an import, or another agent saved under the id) they are
    /// written afresh.
    /// </remarks>
    public async Task SaveAsync(string agentId, AnimaCore agent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(agent);
        byte[] document = agent.ExportStateWithoutMemories();
        var (epoch, memories) = agent.MemoriesForStore();
        await RunAsync($"save agent '{agentId}'", async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await SaveMemoriesAsync(connection, transaction, agentId, epoch, memories, cancellationToken).ConfigureAwait(false);
            await SaveEventsAsync(connection, transaction, agentId, agent, cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO agents (id, saved_at, document_version, state, memory_epoch, memory_count, memory_last_id)
                VALUES ($id, $savedAt, $version, $state, $epoch, $count, $lastId)
                ON CONFLICT (id) DO UPDATE SET saved_at = excluded.saved_at, document_version = excluded.document_version, state = excluded.state,
                    memory_epoch = excluded.memory_epoch, memory_count = excluded.memory_count, memory_last_id = excluded.memory_last_id;
                """;
            command.Parameters.AddWithValue("$id", agentId);
            command.Parameters.AddWithValue("$savedAt", agent.State.Timestamp.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$version", AgentDocument.CurrentVersion);
            command.Parameters.Add("$state", SqliteType.Blob).Value = document;
            command.Parameters.Add("$epoch", SqliteType.Blob).Value = epoch.ToByteArray();
            command.Parameters.AddWithValue("$count", memories.Count);
            command.Parameters.AddWithValue("$lastId", memories.Count > 0 ? memories[^1].Id : 0);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The saved state does not fit <paramref name="agent"/> (see <see cref="AnimaCore.ImportState(Stream)"/>); the agent is unchanged.</exception>
    /// <exception cref="AnimaStoreException">The file is locked or damaged, or the agent's saved memories are; the agent is unchanged.</exception>
    public async Task<bool> LoadAsync(string agentId, AnimaCore agent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(agent);
        var saved = await RunAsync($"load agent '{agentId}'", async connection =>
        {
            // One read transaction, so the state and its memories come from the same save.
            using var transaction = connection.BeginTransaction(deferred: true);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT state, memory_epoch, memory_count FROM agents WHERE id = $id;";
            command.Parameters.AddWithValue("$id", agentId);
            byte[] state;
            Guid epoch;
            int count;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                state = (byte[])reader[0];
                epoch = new Guid((byte[])reader[1]);
                count = reader.GetInt32(2);
            }

            var memories = await LoadMemoriesAsync(connection, transaction, agentId, count, cancellationToken).ConfigureAwait(false);
            return new SavedAgent(state, epoch, memories);
        }).ConfigureAwait(false);
        if (saved is null)
        {
            return false;
        }

        agent.ImportFromStore(saved.State, saved.Memories, saved.Epoch);
        return true;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AnimaEvent>> ReadEventsAsync(string agentId, DateTimeOffset? since = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        return RunAsync<IReadOnlyList<AnimaEvent>>($"read the events of agent '{agentId}'", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT sequence, occurred_at, kind, text, call_id, name, succeeded, experience_count, valence, arousal, dominance, strength
                FROM events WHERE agent_id = $id AND occurred_ticks >= $from AND occurred_ticks < $to ORDER BY sequence;
                """;
            command.Parameters.AddWithValue("$id", agentId);
            command.Parameters.AddWithValue("$from", since?.UtcTicks ?? long.MinValue);
            command.Parameters.AddWithValue("$to", until?.UtcTicks ?? long.MaxValue);
            var events = new List<AnimaEvent>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(ReadEvent(reader));
            }

            return events;
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<string>>("list agents", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM agents ORDER BY id COLLATE BINARY;";
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        });

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        return RunAsync($"delete agent '{agentId}'", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM events WHERE agent_id = $id; DELETE FROM memory_blocks WHERE agent_id = $id; DELETE FROM agents WHERE id = $id;";
            command.Parameters.AddWithValue("$id", agentId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        });
    }

    /// <summary>Writes the blocks of memories that changed since the agent's previous save, or all of them when the saved ones are not a prefix of the agent's.</summary>
    private static async Task SaveMemoriesAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, Guid epoch, IReadOnlyList<EmotionalMemory> memories, CancellationToken cancellationToken)
    {
        await using var previous = connection.CreateCommand();
        previous.Transaction = transaction;
        previous.CommandText = "SELECT memory_epoch, memory_count, memory_last_id FROM agents WHERE id = $id;";
        previous.Parameters.AddWithValue("$id", agentId);
        int kept = 0;
        bool any = false;
        await using (var reader = await previous.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                int count = reader.GetInt32(1);
                any = count > 0;
                bool continues = new Guid((byte[])reader[0]) == epoch && count <= memories.Count && (count == 0 || memories[count - 1].Id == reader.GetInt64(2));
                kept = continues ? count : 0;
            }
        }

        if (any && kept == 0)
        {
            await using var clear = connection.CreateCommand();
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM memory_blocks WHERE agent_id = $id;";
            clear.Parameters.AddWithValue("$id", agentId);
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (kept == memories.Count)
        {
            return;
        }

        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "INSERT OR REPLACE INTO memory_blocks (agent_id, block, data) VALUES ($agent, $block, $data);";
        write.Parameters.Add("$agent", SqliteType.Text).Value = agentId;
        var block = write.Parameters.Add("$block", SqliteType.Integer);
        var data = write.Parameters.Add("$data", SqliteType.Blob);
        for (int b = kept / MemoryBlock.Size; b * MemoryBlock.Size < memories.Count; b++)
        {
            int start = b * MemoryBlock.Size;
            block.Value = b;
            data.Value = MemoryBlock.Encode(memories, start, Math.Min(MemoryBlock.Size, memories.Count - start));
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<EmotionalMemory>> LoadMemoriesAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, int count, CancellationToken cancellationToken)
    {
        var memories = new List<EmotionalMemory>(count);
        if (count == 0)
        {
            return memories;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // With the rowid in the row, the reader streams a blob (incremental blob I/O) instead of copying it to an array.
        command.CommandText = "SELECT block, data, rowid FROM memory_blocks WHERE agent_id = $id ORDER BY block;";
        command.Parameters.AddWithValue("$id", agentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        int expected = 0;
        float[]? chunk = null;
        int dimensions = 0;
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                long block = reader.GetInt64(0);
                if (block != expected || memories.Count != expected * MemoryBlock.Size)
                {
                    throw Damaged(agentId, $"block {expected} is missing or short");
                }

                // Read into a pooled buffer: a block is tens of kilobytes, and a load reads dozens.
                await using var stream = reader.GetStream(1);
                int length = checked((int)stream.Length);
                if (length > buffer.Length)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
                }

                await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                try
                {
                    MemoryBlock.Decode(buffer.AsSpan(0, length), memories, ref chunk, ref dimensions);
                }
                catch (InvalidDataException exception)
                {
                    throw Damaged(agentId, $"block {block} is damaged: {exception.Message}", exception);
                }

                expected++;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        if (memories.Count != count)
        {
            throw Damaged(agentId, $"{memories.Count} memories were found where {count} were saved");
        }

        return memories;
    }

    /// <summary>Takes a file of schema version 3, whose memories were one row each, to blocks of <see cref="MemoryBlock.Size"/>.</summary>
    private static void MoveMemoriesIntoBlocks(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, """
            ALTER TABLE agents ADD COLUMN memory_epoch BLOB NOT NULL DEFAULT x'00000000000000000000000000000000';
            ALTER TABLE agents ADD COLUMN memory_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE agents ADD COLUMN memory_last_id INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE memory_blocks (
                agent_id TEXT NOT NULL,
                block INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (agent_id, block)
            ) STRICT;
            """, transaction);

        var byAgent = new Dictionary<string, List<EmotionalMemory>>(StringComparer.Ordinal);
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """
                SELECT agent_id, id, remembered_at, text, emotion, valence, arousal, dominance, levels, importance, embedding
                FROM memories ORDER BY agent_id, id;
                """;
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                string agentId = reader.GetString(0);
                long id = reader.GetInt64(1);
                var embedding = EmbeddingBytes.From((byte[])reader[10])
                    ?? throw new AnimaStoreException($"Memory {id} of agent '{agentId}' has an embedding that is not a whole number of floats; the file was left as it was.");
                if (!byAgent.TryGetValue(agentId, out var list))
                {
                    byAgent[agentId] = list = [];
                }

                list.Add(new EmotionalMemory(
                    id,
                    reader.GetString(3),
                    DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    reader.GetString(4),
                    new Vad(reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7)),
                    Doubles((byte[])reader[8]),
                    reader.GetDouble(9),
                    embedding));
            }
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO memory_blocks (agent_id, block, data) VALUES ($agent, $block, $data);";
        var agent = insert.Parameters.Add("$agent", SqliteType.Text);
        var block = insert.Parameters.Add("$block", SqliteType.Integer);
        var data = insert.Parameters.Add("$data", SqliteType.Blob);
        using var mark = connection.CreateCommand();
        mark.Transaction = transaction;
        mark.CommandText = "UPDATE agents SET memory_epoch = $epoch, memory_count = $count, memory_last_id = $lastId WHERE id = $agent;";
        var markAgent = mark.Parameters.Add("$agent", SqliteType.Text);
        var epoch = mark.Parameters.Add("$epoch", SqliteType.Blob);
        var count = mark.Parameters.Add("$count", SqliteType.Integer);
        var lastId = mark.Parameters.Add("$lastId", SqliteType.Integer);
        foreach (var (agentId, memories) in byAgent)
        {
            agent.Value = agentId;
            for (int b = 0; b * MemoryBlock.Size < memories.Count; b++)
            {
                block.Value = b;
                data.Value = MemoryBlock.Encode(memories, b * MemoryBlock.Size, Math.Min(MemoryBlock.Size, memories.Count - (b * MemoryBlock.Size)));
                insert.ExecuteNonQuery();
            }

            markAgent.Value = agentId;
            epoch.Value = Guid.NewGuid().ToByteArray();
            count.Value = memories.Count;
            lastId.Value = memories[^1].Id;
            mark.ExecuteNonQuery();
        }

        Execute(connection, "DROP TABLE memories;", transaction);
    }

    /// <summary>Writes the agent's kept events newer than the newest saved.</summary>
    private static async Task SaveEventsAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, AnimaCore agent, CancellationToken cancellationToken)
    {
        await using var newest = connection.CreateCommand();
        newest.Transaction = transaction;
        newest.CommandText = "SELECT coalesce(max(sequence), 0) FROM events WHERE agent_id = $id;";
        newest.Parameters.AddWithValue("$id", agentId);
        long saved = Convert.ToInt64(await newest.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var events = agent.EventsAfter(saved);
        if (events.Count == 0)
        {
            return;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO events (agent_id, sequence, occurred_at, occurred_ticks, kind, text, call_id, name, succeeded, experience_count, valence, arousal, dominance, strength)
            VALUES ($agent, $sequence, $at, $ticks, $kind, $text, $callId, $name, $succeeded, $count, $valence, $arousal, $dominance, $strength);
            """;
        // No declared type: each value binds as what it is (text, integer, real or null).
        var parameters = EventColumns.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        foreach (var e in events)
        {
            object?[] values = e switch
            {
                SystemMessageEvent m => [m.Text, null, null, null, null, null, null, null, null],
                UserMessageEvent m => [m.Text, null, null, null, null, null, null, null, null],
                AgentMessageEvent m => [m.Text, null, null, null, null, null, null, null, null],
                ToolCallEvent c => [c.Arguments, c.CallId, c.Name, null, null, null, null, null, null],
                ToolResponseEvent r => [r.Result, r.CallId, null, r.Succeeded ? 1 : 0, null, null, null, null, null],
                StateChangedEvent c => [c.Primary, null, null, null, c.ExperienceCount, c.Vad.Valence, c.Vad.Arousal, c.Vad.Dominance, null],
                DesireArisenEvent d => [d.Text, null, d.Need.ToString(), null, null, null, null, null, d.Strength],
                _ => throw new InvalidOperationException($"Unknown event type {e.GetType().Name}."),
            };
            parameters[0].Value = agentId;
            parameters[1].Value = e.Sequence;
            parameters[2].Value = e.Timestamp.ToString("O", CultureInfo.InvariantCulture);
            parameters[3].Value = e.Timestamp.UtcTicks;
            parameters[4].Value = e.Kind.ToString();
            for (int i = 0; i < values.Length; i++)
            {
                parameters[5 + i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static AnimaEvent ReadEvent(SqliteDataReader reader)
    {
        long sequence = reader.GetInt64(0);
        var at = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        return Enum.Parse<AnimaEventKind>(reader.GetString(2)) switch
        {
            AnimaEventKind.SystemMessage => new SystemMessageEvent(sequence, at, Text(3) ?? string.Empty),
            AnimaEventKind.UserMessage => new UserMessageEvent(sequence, at, Text(3) ?? string.Empty),
            AnimaEventKind.AgentMessage => new AgentMessageEvent(sequence, at, Text(3) ?? string.Empty),
            AnimaEventKind.ToolCall => new ToolCallEvent(sequence, at, Text(4) ?? string.Empty, Text(5) ?? string.Empty, Text(3)),
            AnimaEventKind.ToolResponse => new ToolResponseEvent(sequence, at, Text(4) ?? string.Empty, reader.GetInt64(6) != 0, Text(3)),
            AnimaEventKind.DesireArisen => new DesireArisenEvent(sequence, at, Enum.Parse<Need>(Text(5) ?? nameof(Need.Connection)), reader.GetDouble(11), Text(3) ?? string.Empty),
            _ => new StateChangedEvent(sequence, at, reader.GetInt64(7), Text(3) ?? string.Empty, new Vad(reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10))),
        };
    }

    private static double[] Doubles(byte[] bytes)
    {
        var values = new double[bytes.Length / sizeof(double)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
        }

        return values;
    }

    private static int Migrate(SqliteConnection connection)
    {
        int application = Scalar(connection, "PRAGMA application_id;");
        int version = Scalar(connection, "PRAGMA user_version;");
        if (application != ApplicationId)
        {
            bool empty = application == 0 && version == 0 && Scalar(connection, "SELECT count(*) FROM sqlite_schema;") == 0;
            if (!empty)
            {
                throw new AnimaStoreException($"'{connection.DataSource}' is a SQLite database of another application, not an Anima store; it was left as it was.");
            }
        }

        if (version > SchemaVersion)
        {
            throw new AnimaStoreException($"'{connection.DataSource}' has schema version {version}, newer than this library opens ({SchemaVersion}); it was left as it was.");
        }

        // A new file is put in write-ahead mode once (the mode is stored in the file); an existing one is not
        // written to at all when it needs no migration, so a damaged file is never made worse by opening it.
        if (version == 0)
        {
            Execute(connection, "PRAGMA journal_mode = WAL;");
        }

        for (int from = version; from < SchemaVersion; from++)
        {
            using var transaction = connection.BeginTransaction();
            Migrations[from](connection, transaction);
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {from + 1};"), transaction);
            transaction.Commit();
        }

        return version;
    }

    private static Action<SqliteConnection, SqliteTransaction> Script(string sql) => (connection, transaction) => Execute(connection, sql, transaction);

    private static int Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private T Run<T>(string what, Func<SqliteConnection, T> action)
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            Execute(connection, "PRAGMA synchronous = NORMAL;");
            return action(connection);
        }
        catch (SqliteException exception)
        {
            throw Translate(what, exception);
        }
    }

    private async Task<T> RunAsync<T>(string what, Func<SqliteConnection, Task<T>> action)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            Execute(connection, "PRAGMA synchronous = NORMAL;");
            return await action(connection).ConfigureAwait(false);
        }
        catch (SqliteException exception)
        {
            throw Translate(what, exception);
        }
    }

    private AnimaStoreException Damaged(string agentId, string problem, Exception? inner = null)
    {
        string message = $"Could not load agent '{agentId}': its memories in '{Path}' are damaged ({problem}); the file was left as it was.";
        return inner is null ? new AnimaStoreException(message) : new AnimaStoreException(message, inner);
    }

    /// <summary>What a load read in its one transaction.</summary>
    private sealed record SavedAgent(byte[] State, Guid Epoch, List<EmotionalMemory> Memories);

    private AnimaStoreException Translate(string what, SqliteException exception) => exception.SqliteErrorCode switch
    {
        // SQLITE_BUSY, SQLITE_LOCKED
        5 or 6 => new AnimaStoreException($"Could not {what}: '{Path}' is locked by another writer.", exception),

        // SQLITE_CORRUPT, SQLITE_NOTADB
        11 or 26 => new AnimaStoreException($"Could not {what}: '{Path}' is not a database or is corrupt; it was left as it was.", exception),
        _ => new AnimaStoreException($"Could not {what} in '{Path}': {exception.Message}", exception),
    };
}
