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
    public const int SchemaVersion = SqliteSchema.Version;

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
        Run("open", SqliteSchema.Migrate);
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
        await RunAsync($"save agent '{agentId}'", async connection =>
        {
            // The checkpoint carries only the events this file lacks; a save racing in between is caught by the
            // events' own numbers, which are written only once each.
            var checkpoint = agent.CreateCheckpoint(await SqliteEvents.NewestAsync(connection, null, agentId, cancellationToken).ConfigureAwait(false));
            var memories = checkpoint.Memories;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await SaveMemoriesAsync(connection, transaction, agentId, checkpoint.MemoryEpoch, memories, cancellationToken).ConfigureAwait(false);
            await SqliteEvents.SaveAsync(connection, transaction, agentId, checkpoint.Events, cancellationToken).ConfigureAwait(false);
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
            command.Parameters.Add("$state", SqliteType.Blob).Value = checkpoint.Document.ToArray();
            command.Parameters.Add("$epoch", SqliteType.Blob).Value = checkpoint.MemoryEpoch.ToByteArray();
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

        agent.RestoreCheckpoint(new AnimaCheckpoint(saved.State, saved.Memories, saved.Epoch));
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
                events.Add(SqliteEvents.Read(reader));
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

    private T Run<T>(string what, Func<SqliteConnection, T> action)
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            SqliteSchema.Execute(connection, "PRAGMA synchronous = NORMAL;");
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
            SqliteSchema.Execute(connection, "PRAGMA synchronous = NORMAL;");
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
