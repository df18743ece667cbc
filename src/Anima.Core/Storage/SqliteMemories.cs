using System.Buffers;
using Anima.Memory;
using Microsoft.Data.Sqlite;

namespace Anima.Storage;

/// <summary>The SQLite store's memory blocks: written only where they changed, each with its checksum, and verified as they are read.</summary>
internal static class SqliteMemories
{
    /// <summary>Writes the blocks of memories that changed since the agent's previous save, or all of them when the saved ones are not a prefix of the agent's.</summary>
    public static async Task SaveAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, SavedMark previous, Guid epoch, IReadOnlyList<EmotionalMemory> memories, CancellationToken cancellationToken)
    {
        bool continues = previous.MemoryEpoch == epoch && previous.MemoryCount <= memories.Count
            && (previous.MemoryCount == 0 || memories[(int)previous.MemoryCount - 1].Id == previous.MemoryLastId);
        int kept = continues ? (int)previous.MemoryCount : 0;
        if (previous.MemoryCount > 0 && kept == 0)
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
        write.CommandText = "INSERT OR REPLACE INTO memory_blocks (agent_id, block, data, checksum) VALUES ($agent, $block, $data, $checksum);";
        write.Parameters.Add("$agent", SqliteType.Text).Value = agentId;
        var block = write.Parameters.Add("$block", SqliteType.Integer);
        var data = write.Parameters.Add("$data", SqliteType.Blob);
        var checksum = write.Parameters.Add("$checksum", SqliteType.Integer);
        for (int b = kept / MemoryBlock.Size; b * MemoryBlock.Size < memories.Count; b++)
        {
            int start = b * MemoryBlock.Size;
            byte[] bytes = MemoryBlock.Encode(memories, start, Math.Min(MemoryBlock.Size, memories.Count - start));
            block.Value = b;
            data.Value = bytes;
            checksum.Value = StoreChecksum.Block(agentId, b, bytes);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads an agent's memories, refusing a block that is missing, short, damaged or not the one its checksum was made for.</summary>
    public static async Task<DecodedMemories> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, long count, Func<string, Exception?, AnimaStoreException> damaged, CancellationToken cancellationToken)
    {
        var memories = new DecodedMemories((int)Math.Min(count, 1 << 20));
        if (count == 0)
        {
            return memories;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The blocks' data is not selected: a row that selects it has SQLite gather the whole blob from its overflow pages
        // at every step, and the blob handle opened by rowid below reads it again. Only the handle reads it.
        command.CommandText = "SELECT block, checksum, rowid FROM memory_blocks WHERE agent_id = $id ORDER BY block;";
        command.Parameters.AddWithValue("$id", agentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        int expected = 0;
        float[]? chunk = null;
        int dimensions = 0;
        var names = new MemoryBlock.Names();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                long block = reader.GetInt64(0);
                if (block != expected || memories.Count != expected * MemoryBlock.Size)
                {
                    throw damaged($"block {expected} is missing or short", null);
                }

                long checksum = reader.GetInt64(1);

                // Read into a pooled buffer: a block is tens of kilobytes, and a load reads dozens.
                // Read synchronously: SQLite's I/O is synchronous, and the blob stream's asynchronous read would hop to the
                // thread pool for every block (a load of a thousand memories spent most of its time switching threads).
                using var stream = OpenBlock(connection, reader.GetInt64(2), block, damaged);
                int length = checked((int)stream.Length);
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                stream.ReadExactly(buffer.AsSpan(0, length));
                if (StoreChecksum.Block(agentId, block, buffer.AsSpan(0, length)) != checksum)
                {
                    throw damaged($"block {block} does not match its checksum", null);
                }

                try
                {
                    MemoryBlock.Decode(buffer.AsSpan(0, length), memories, ref chunk, ref dimensions, names);
                }
                catch (InvalidDataException exception)
                {
                    throw damaged($"block {block} is damaged: {exception.Message}", exception);
                }

                expected++;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (memories.Count != count)
        {
            throw damaged($"{memories.Count} memories were found where {count} were saved", null);
        }

        return memories;
    }

    /// <summary>Opens a block's data for reading, refusing a value that is not a blob (a damaged record can read as a number or NULL).</summary>
    private static SqliteBlob OpenBlock(SqliteConnection connection, long rowid, long block, Func<string, Exception?, AnimaStoreException> damaged)
    {
        try
        {
            return new SqliteBlob(connection, "memory_blocks", "data", rowid, readOnly: true);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 1)
        {
            // SQLITE_ERROR: "cannot open value of type integer" (or null, or real).
            throw damaged($"block {block} is not stored as bytes: {exception.Message}", exception);
        }
    }
}

/// <summary>What an agent's row says about its previous save: the run and extent of its memories and where its events end.</summary>
internal readonly record struct SavedMark(Guid MemoryEpoch, long MemoryCount, long MemoryLastId, AnimaEventMark Events);
