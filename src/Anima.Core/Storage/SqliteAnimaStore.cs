using System.Globalization;
using Anima.Memory;
using Anima.Persistence;
using Anima.Storage;
using Microsoft.Data.Sqlite;

namespace Anima;

/// <summary>
/// An <see cref="IAnimaStore"/> in one SQLite file (Microsoft.Data.Sqlite): many agents per file, write-ahead
/// logging, one transaction per save, parameters only, a checksum over every saved document and block of memories,
/// an event log kept within a retention (<see cref="SqliteAnimaStoreOptions"/>), and a schema version
/// (<c>PRAGMA user_version</c>) migrated forward in one transaction when the file is opened.
/// </summary>
/// <remarks>
/// <para>Thread-safe: each call opens a pooled connection of its own. Another process may read while one writes; a
/// second writer waits up to the lock timeout and then gets an <see cref="AnimaStoreException"/>. Any number of
/// processes may open a new file at once.</para>
/// <para>Every failure of the file — locked, damaged, truncated, foreign, newer — is an <see cref="AnimaStoreException"/>
/// that names the cause and keeps the underlying exception; damaged data is refused, never loaded changed.</para>
/// <para>An agent id is any text of 1 to <see cref="MaxAgentIdLength"/> characters that is valid UTF-16 and holds no
/// control characters; it is stored exactly.</para>
/// </remarks>
public sealed class SqliteAnimaStore : IAnimaStore
{
    /// <summary>The schema version this library writes and the newest it opens.</summary>
    public const int SchemaVersion = SqliteSchema.Version;

    /// <summary>The longest agent id, in UTF-16 characters.</summary>
    public const int MaxAgentIdLength = 256;

    private readonly string _connectionString;
    private readonly SqliteAnimaStoreOptions _options;

    /// <summary>Opens (creating it if missing) the store in a SQLite file with the default options, and migrates its schema to <see cref="SchemaVersion"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="AnimaStoreException">The file is not an Anima database, is truncated or corrupt, is locked, or was made by a newer version; nothing is written.</exception>
    public SqliteAnimaStore(string path)
        : this(path, new SqliteAnimaStoreOptions())
    {
    }

    /// <summary>Opens (creating it if missing) the store in a SQLite file, and migrates its schema to <see cref="SchemaVersion"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="lockTimeout">How long to wait for another writer before giving up.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or <paramref name="lockTimeout"/> is negative.</exception>
    /// <exception cref="AnimaStoreException">The file is not an Anima database, is truncated or corrupt, is locked, or was made by a newer version; nothing is written.</exception>
    public SqliteAnimaStore(string path, TimeSpan lockTimeout)
        : this(path, new SqliteAnimaStoreOptions
        {
            LockTimeout = lockTimeout >= TimeSpan.Zero ? lockTimeout : throw new ArgumentOutOfRangeException(nameof(lockTimeout), lockTimeout, "The lock timeout must be zero or positive."),
        })
    {
    }

    /// <summary>Opens (creating it if missing) the store in a SQLite file with options, and migrates its schema to <see cref="SchemaVersion"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="options">The lock timeout and the event retention, copied so later changes do not reach the store.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or an option is out of range (named in the message).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="AnimaStoreException">The file is not an Anima database, is truncated or corrupt, is locked, or was made by a newer version; nothing is written.</exception>
    public SqliteAnimaStore(string path, SqliteAnimaStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Checked();
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(_options.LockTimeout.TotalSeconds),
            Pooling = true,
        }.ToString();
        SqliteSchema.CheckHeader(Path);
        Run("open", connection =>
        {
            SqliteSchema.Migrate(connection);
            return 0;
        });
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Memories never change once made, so a save writes only the blocks of memories that gained one since the
    /// previous save; when the agent's memories are no longer a continuation of the saved ones (after
    /// <see cref="AnimaCore.Reset"/>, an import, or another agent saved under the id) they are written afresh. Events
    /// are appended after those the file holds, numbered by the store, whatever the agent's own numbering (which
    /// starts again from its document's on an import or load); then the retention removes the oldest.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="agentId"/> is not a valid agent id.</exception>
    /// <exception cref="AnimaStoreException">The file is locked or damaged, or <see cref="SqliteAnimaStoreOptions.EventsPruning"/> failed; nothing was saved.</exception>
    public async Task SaveAsync(string agentId, AnimaCore agent, CancellationToken cancellationToken = default)
    {
        CheckId(agentId);
        ArgumentNullException.ThrowIfNull(agent);
        await RunAsync($"save agent '{agentId}'", async connection =>
        {
            // The write lock first, then the mark and the checkpoint: two saves of one agent cannot both write the
            // same events.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var previous = await ReadMarkAsync(connection, transaction, agentId, cancellationToken).ConfigureAwait(false);
            var checkpoint = agent.CreateCheckpoint(previous.Events);
            var memories = checkpoint.Memories;
            await SqliteMemories.SaveAsync(connection, transaction, agentId, previous, checkpoint.MemoryEpoch, memories, cancellationToken).ConfigureAwait(false);
            await SqliteEvents.SaveAsync(connection, transaction, agentId, checkpoint.Events, _options, cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO agents (id, saved_at, document_version, state, memory_epoch, memory_count, memory_last_id, id_check, checksum, event_journal, event_mark)
                VALUES ($id, $savedAt, $version, $state, $epoch, $count, $lastId, $idCheck, $checksum, $journal, $mark)
                ON CONFLICT (id) DO UPDATE SET saved_at = excluded.saved_at, document_version = excluded.document_version, state = excluded.state,
                    memory_epoch = excluded.memory_epoch, memory_count = excluded.memory_count, memory_last_id = excluded.memory_last_id,
                    id_check = excluded.id_check, checksum = excluded.checksum, event_journal = excluded.event_journal, event_mark = excluded.event_mark;
                """;
            string savedAt = agent.State.Timestamp.ToString("O", CultureInfo.InvariantCulture);
            byte[] state = checkpoint.Document.ToArray();
            byte[] epoch = checkpoint.MemoryEpoch.ToByteArray();
            long lastId = memories.Count > 0 ? memories[^1].Id : 0;
            command.Parameters.AddWithValue("$id", agentId);
            command.Parameters.AddWithValue("$savedAt", savedAt);
            command.Parameters.AddWithValue("$version", AgentDocument.CurrentVersion);
            command.Parameters.Add("$state", SqliteType.Blob).Value = state;
            command.Parameters.Add("$epoch", SqliteType.Blob).Value = epoch;
            command.Parameters.AddWithValue("$count", memories.Count);
            command.Parameters.AddWithValue("$lastId", lastId);
            command.Parameters.AddWithValue("$idCheck", StoreChecksum.Id(agentId));
            command.Parameters.AddWithValue("$checksum", StoreChecksum.Agent(agentId, AgentDocument.CurrentVersion, savedAt, state, epoch, memories.Count, lastId));
            command.Parameters.Add("$journal", SqliteType.Blob).Value = checkpoint.EventMark.Journal.ToByteArray();
            command.Parameters.AddWithValue("$mark", checkpoint.EventMark.Sequence);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="agentId"/> is not a valid agent id.</exception>
    /// <exception cref="InvalidDataException">The saved state does not fit <paramref name="agent"/> (see <see cref="AnimaCore.ImportState(Stream)"/>); the agent is unchanged.</exception>
    /// <exception cref="AnimaStoreException">The file is locked or damaged, or the agent's saved state or memories do not match their checksums; the agent is unchanged.</exception>
    public async Task<bool> LoadAsync(string agentId, AnimaCore agent, CancellationToken cancellationToken = default)
    {
        CheckId(agentId);
        ArgumentNullException.ThrowIfNull(agent);
        var saved = await RunAsync($"load agent '{agentId}'", async connection =>
        {
            // One read transaction, so the state and its memories come from the same save.
            using var transaction = connection.BeginTransaction(deferred: true);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT document_version, saved_at, state, memory_epoch, memory_count, memory_last_id, checksum FROM agents WHERE id = $id;";
            command.Parameters.AddWithValue("$id", agentId);
            byte[] state;
            byte[] epoch;
            long count;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    await CheckMissAsync(connection, transaction, agentId, cancellationToken).ConfigureAwait(false);
                    return null;
                }

                state = (byte[])reader[2];
                epoch = (byte[])reader[3];
                count = reader.GetInt64(4);
                if (StoreChecksum.Agent(agentId, reader.GetInt64(0), reader.GetString(1), state, epoch, count, reader.GetInt64(5)) != reader.GetInt64(6) || epoch.Length != 16)
                {
                    throw Damaged(agentId, "saved state is", "it does not match its checksum");
                }
            }

            var memories = await SqliteMemories.LoadAsync(connection, transaction, agentId, count, (problem, inner) => Damaged(agentId, "memories are", problem, inner), cancellationToken).ConfigureAwait(false);
            return new SavedAgent(state, new Guid(epoch), memories);
        }).ConfigureAwait(false);
        if (saved is null)
        {
            return false;
        }

        agent.RestoreCheckpoint(new AnimaCheckpoint(saved.State, saved.Memories, saved.Epoch));
        return true;
    }

    /// <inheritdoc />
    /// <remarks>The events come numbered by the store, in the order they were saved, within its retention.</remarks>
    /// <exception cref="AnimaStoreException">The file is locked or an event row is damaged.</exception>
    public Task<IReadOnlyList<AnimaEvent>> ReadEventsAsync(string agentId, DateTimeOffset? since = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default)
    {
        CheckId(agentId);
        return RunAsync<IReadOnlyList<AnimaEvent>>($"read the events of agent '{agentId}'", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {SqliteEvents.Columns} FROM events WHERE agent_id = $id AND occurred_ticks >= $from AND occurred_ticks < $to ORDER BY sequence;";
            command.Parameters.AddWithValue("$id", agentId);
            command.Parameters.AddWithValue("$from", since?.UtcTicks ?? long.MinValue);
            command.Parameters.AddWithValue("$to", until?.UtcTicks ?? long.MaxValue);
            var events = new List<AnimaEvent>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(SqliteEvents.Read(reader));
            }

            return events;
        });
    }

    /// <inheritdoc />
    /// <exception cref="AnimaStoreException">The file is locked, or an agent's id is damaged.</exception>
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<string>>("list agents", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, id_check FROM agents ORDER BY id COLLATE BINARY;";
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string id = reader.GetString(0);
                if (StoreChecksum.Id(id) != reader.GetInt64(1))
                {
                    throw new InvalidDataException($"the id of a saved agent ('{id}') does not match its checksum");
                }

                ids.Add(id);
            }

            return ids;
        });

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string agentId, CancellationToken cancellationToken = default)
    {
        CheckId(agentId);
        return RunAsync($"delete agent '{agentId}'", async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM events WHERE agent_id = $id; DELETE FROM memory_blocks WHERE agent_id = $id; DELETE FROM agents WHERE id = $id;";
            command.Parameters.AddWithValue("$id", agentId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        });
    }

    /// <summary>Refuses an agent id the file could not keep exactly.</summary>
    private static void CheckId(string agentId, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(agentId))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId, name);
        if (agentId.Length > MaxAgentIdLength)
        {
            throw new ArgumentException($"An agent id is at most {MaxAgentIdLength} characters; this one has {agentId.Length}.", name);
        }

        for (int i = 0; i < agentId.Length; i++)
        {
            char c = agentId[i];
            if (char.IsControl(c))
            {
                throw new ArgumentException($"An agent id may not hold control characters (U+{(int)c:X4} at {i}).", name);
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < agentId.Length && char.IsLowSurrogate(agentId[++i])))
            {
                throw new ArgumentException($"An agent id must be valid UTF-16; it has a lone surrogate at {i}.", name);
            }
        }
    }

    /// <summary>Reads what the agent's row says about its previous save; all zero when there is none.</summary>
    private static async Task<SavedMark> ReadMarkAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT memory_epoch, memory_count, memory_last_id, event_journal, event_mark FROM agents WHERE id = $id;";
        command.Parameters.AddWithValue("$id", agentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return default;
        }

        return new SavedMark(new Guid((byte[])reader[0]), reader.GetInt64(1), reader.GetInt64(2), new AnimaEventMark(new Guid((byte[])reader[3]), reader.GetInt64(4)));
    }

    /// <summary>Tells an agent never saved from one whose row is there but cannot be found by its id (a damaged id or index).</summary>
    private static async Task CheckMissAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, id_check FROM agents NOT INDEXED;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string id = reader.GetString(0);
            if (id == agentId)
            {
                throw new InvalidDataException("its row is there but the index of agent ids does not find it");
            }

            if (StoreChecksum.Id(id) != reader.GetInt64(1))
            {
                throw new InvalidDataException($"the id of a saved agent ('{id}') does not match its checksum");
            }
        }
    }

    private T Run<T>(string what, Func<SqliteConnection, T> action)
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            SqliteSchema.Execute(connection, "PRAGMA synchronous = NORMAL;");
            return action(connection);
        }
        catch (Exception exception) when (Translate(what, exception) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<T> RunAsync<T>(string what, Func<SqliteConnection, Task<T>> action)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            SqliteSchema.Execute(connection, "PRAGMA synchronous = NORMAL;");
            return await action(connection).ConfigureAwait(false);
        }
        catch (Exception exception) when (Translate(what, exception) is { } translated)
        {
            throw translated;
        }
    }

    private AnimaStoreException Damaged(string agentId, string what, string problem, Exception? inner = null)
    {
        string message = $"Could not load agent '{agentId}': its {what} damaged, in '{Path}' ({problem}); the file was left as it was.";
        return inner is null ? new AnimaStoreException(message) : new AnimaStoreException(message, inner);
    }

    /// <summary>What a load read in its one transaction.</summary>
    private sealed record SavedAgent(byte[] State, Guid Epoch, List<EmotionalMemory> Memories);

    /// <summary>
    /// The store's exception for a failure of the file, or <see langword="null"/> for one that is not the file's: a
    /// cancellation, an <see cref="AnimaStoreException"/> already made, or a failure of the caller's archive.
    /// </summary>
    private AnimaStoreException? Translate(string what, Exception exception) => exception switch
    {
        OperationCanceledException or AnimaStoreException => null,

        // SQLITE_BUSY, SQLITE_LOCKED
        SqliteException { SqliteErrorCode: 5 or 6 } => new AnimaStoreException($"Could not {what}: '{Path}' is locked by another writer.", exception),

        // SQLITE_CORRUPT, SQLITE_NOTADB
        SqliteException { SqliteErrorCode: 11 or 26 } => new AnimaStoreException($"Could not {what}: '{Path}' is not a database or is corrupt; it was left as it was.", exception),
        SqliteException => new AnimaStoreException($"Could not {what} in '{Path}': {exception.Message}", exception),

        // A value of the wrong type, size or form where the schema allows only one: the file was changed under us.
        InvalidDataException or InvalidCastException or FormatException or OverflowException or ArgumentException or IndexOutOfRangeException or InvalidOperationException =>
            new AnimaStoreException($"Could not {what}: '{Path}' holds damaged data ({exception.Message}); it was left as it was.", exception),
        _ => new AnimaStoreException($"Could not {what} in '{Path}': {exception.Message}", exception),
    };
}
