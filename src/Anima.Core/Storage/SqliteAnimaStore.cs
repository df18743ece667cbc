using System.Globalization;
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
    public const int SchemaVersion = 3;

    /// <summary>Marks a file as an Anima database (<c>PRAGMA application_id</c>): "ANIM".</summary>
    private const int ApplicationId = 0x414E494D;

    /// <summary>The schema, one script per version; script <c>i</c> takes a file from version <c>i</c> to <c>i + 1</c>.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE agents (
            id TEXT NOT NULL PRIMARY KEY,
            saved_at TEXT NOT NULL,
            document_version INTEGER NOT NULL,
            state BLOB NOT NULL
        ) STRICT;
        """,
        """
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
        """,
        """
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
        """,
    ];

    private static readonly string[] EventColumns =
        ["$agent", "$sequence", "$at", "$ticks", "$kind", "$text", "$callId", "$name", "$succeeded", "$count", "$valence", "$arousal", "$dominance"];

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
    public async Task SaveAsync(string agentId, AnimaCore agent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(agent);
        byte[] document = agent.ExportStateWithoutMemories();
        var memories = agent.Memory.GetAll();
        await RunAsync($"save agent '{agentId}'", async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await SaveMemoriesAsync(connection, transaction, agentId, memories, cancellationToken).ConfigureAwait(false);
            await SaveEventsAsync(connection, transaction, agentId, agent, cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO agents (id, saved_at, document_version, state) VALUES ($id, $savedAt, $version, $state)
                ON CONFLICT (id) DO UPDATE SET saved_at = excluded.saved_at, document_version = excluded.document_version, state = excluded.state;
                """;
            command.Parameters.AddWithValue("$id", agentId);
            command.Parameters.AddWithValue("$savedAt", agent.State.Timestamp.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$version", AgentDocument.CurrentVersion);
            command.Parameters.Add("$state", SqliteType.Blob).Value = document;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The saved state does not fit <paramref name="agent"/> (see <see cref="AnimaCore.ImportState(Stream)"/>); the agent is unchanged.</exception>
    public async Task<bool> LoadAsync(string agentId, AnimaCore agent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(agent);
        (byte[]? state, List<EmotionalMemory>? memories) = await RunAsync($"load agent '{agentId}'", async connection =>
        {
            // One read transaction, so the state and its memories come from the same save.
            using var transaction = connection.BeginTransaction(deferred: true);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT state FROM agents WHERE id = $id;";
            command.Parameters.AddWithValue("$id", agentId);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not byte[] saved)
            {
                return ((byte[]?)null, (List<EmotionalMemory>?)null);
            }

            return (saved, await LoadMemoriesAsync(connection, transaction, agentId, cancellationToken).ConfigureAwait(false));
        }).ConfigureAwait(false);
        if (state is null)
        {
            return false;
        }

        agent.ImportFromStore(state, memories!);
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
                SELECT sequence, occurred_at, kind, text, call_id, name, succeeded, experience_count, valence, arousal, dominance
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
            command.CommandText = "DELETE FROM events WHERE agent_id = $id; DELETE FROM memories WHERE agent_id = $id; DELETE FROM agents WHERE id = $id;";
            command.Parameters.AddWithValue("$id", agentId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        });
    }

    /// <summary>Writes the memories newer than the newest already saved for the agent (memories never change once made).</summary>
    private static async Task SaveMemoriesAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, IReadOnlyList<EmotionalMemory> memories, CancellationToken cancellationToken)
    {
        await using var newest = connection.CreateCommand();
        newest.Transaction = transaction;
        newest.CommandText = "SELECT coalesce(max(id), 0) FROM memories WHERE agent_id = $id;";
        newest.Parameters.AddWithValue("$id", agentId);
        long saved = Convert.ToInt64(await newest.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (memories.Count > 0 && memories[^1].Id < saved)
        {
            // The agent was reset or given other memories since the last save: start the agent's memories afresh.
            await using var clear = connection.CreateCommand();
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM memories WHERE agent_id = $id;";
            clear.Parameters.AddWithValue("$id", agentId);
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            saved = 0;
        }
        else if (memories.Count == 0 && saved > 0)
        {
            await using var clear = connection.CreateCommand();
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM memories WHERE agent_id = $id;";
            clear.Parameters.AddWithValue("$id", agentId);
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO memories (agent_id, id, remembered_at, text, emotion, valence, arousal, dominance, levels, importance, embedding)
            VALUES ($agent, $id, $at, $text, $emotion, $valence, $arousal, $dominance, $levels, $importance, $embedding);
            """;
        var agent = insert.Parameters.Add("$agent", SqliteType.Text);
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        var emotion = insert.Parameters.Add("$emotion", SqliteType.Text);
        var valence = insert.Parameters.Add("$valence", SqliteType.Real);
        var arousal = insert.Parameters.Add("$arousal", SqliteType.Real);
        var dominance = insert.Parameters.Add("$dominance", SqliteType.Real);
        var levels = insert.Parameters.Add("$levels", SqliteType.Blob);
        var importance = insert.Parameters.Add("$importance", SqliteType.Real);
        var embedding = insert.Parameters.Add("$embedding", SqliteType.Blob);
        agent.Value = agentId;
        foreach (var memory in memories)
        {
            if (memory.Id <= saved)
            {
                continue;
            }

            id.Value = memory.Id;
            at.Value = memory.Timestamp.ToString("O", CultureInfo.InvariantCulture);
            text.Value = memory.Text;
            emotion.Value = memory.Emotion;
            valence.Value = memory.Feeling.Valence;
            arousal.Value = memory.Feeling.Arousal;
            dominance.Value = memory.Feeling.Dominance;
            levels.Value = Doubles(memory.Levels);
            importance.Value = memory.Importance;
            embedding.Value = AnimaCore.EmbeddingBytes(memory.Embedding.Span);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<EmotionalMemory>> LoadMemoriesAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT id, remembered_at, text, emotion, valence, arousal, dominance, levels, importance, embedding
            FROM memories WHERE agent_id = $id ORDER BY id;
            """;
        command.Parameters.AddWithValue("$id", agentId);
        var memories = new List<EmotionalMemory>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            long id = reader.GetInt64(0);
            var embedding = AnimaCore.EmbeddingFrom((byte[])reader[9])
                ?? throw new InvalidDataException($"Memory {id} of agent '{agentId}' has an embedding that is not a whole number of floats.");
            memories.Add(new EmotionalMemory(
                id,
                reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(3),
                new Vad(reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6)),
                Doubles((byte[])reader[7]),
                reader.GetDouble(8),
                embedding));
        }

        return memories;
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
            INSERT OR IGNORE INTO events (agent_id, sequence, occurred_at, occurred_ticks, kind, text, call_id, name, succeeded, experience_count, valence, arousal, dominance)
            VALUES ($agent, $sequence, $at, $ticks, $kind, $text, $callId, $name, $succeeded, $count, $valence, $arousal, $dominance);
            """;
        // No declared type: each value binds as what it is (text, integer, real or null).
        var parameters = EventColumns.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        foreach (var e in events)
        {
            object?[] values = e switch
            {
                SystemMessageEvent m => [m.Text, null, null, null, null, null, null, null],
                UserMessageEvent m => [m.Text, null, null, null, null, null, null, null],
                AgentMessageEvent m => [m.Text, null, null, null, null, null, null, null],
                ToolCallEvent c => [c.Arguments, c.CallId, c.Name, null, null, null, null, null],
                ToolResponseEvent r => [r.Result, r.CallId, null, r.Succeeded ? 1 : 0, null, null, null, null],
                StateChangedEvent c => [c.Primary, null, null, null, c.ExperienceCount, c.Vad.Valence, c.Vad.Arousal, c.Vad.Dominance],
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
            _ => new StateChangedEvent(sequence, at, reader.GetInt64(7), Text(3) ?? string.Empty, new Vad(reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10))),
        };
    }

    private static byte[] Doubles(IReadOnlyList<double> values)
    {
        var bytes = new byte[values.Count * sizeof(double)];
        for (int i = 0; i < values.Count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        }

        return bytes;
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
            Execute(connection, Migrations[from], transaction);
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {from + 1};"), transaction);
            transaction.Commit();
        }

        return version;
    }

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

    private AnimaStoreException Translate(string what, SqliteException exception) => exception.SqliteErrorCode switch
    {
        // SQLITE_BUSY, SQLITE_LOCKED
        5 or 6 => new AnimaStoreException($"Could not {what}: '{Path}' is locked by another writer.", exception),

        // SQLITE_CORRUPT, SQLITE_NOTADB
        11 or 26 => new AnimaStoreException($"Could not {what}: '{Path}' is not a database or is corrupt; it was left as it was.", exception),
        _ => new AnimaStoreException($"Could not {what} in '{Path}': {exception.Message}", exception),
    };
}
