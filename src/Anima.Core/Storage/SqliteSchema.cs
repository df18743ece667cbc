using System.Globalization;
using Anima.Memory;
using Microsoft.Data.Sqlite;

namespace Anima.Storage;

/// <summary>
/// The SQLite store's schema: one step per version, all the steps a file needs run in one transaction (so a refused
/// migration leaves the file as it was), and the checks that a file is an Anima store of a version this library opens.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The schema version this library writes and the newest it opens.</summary>
    public const int Version = 6;

    /// <summary>The first bytes of every SQLite database file.</summary>
    private static ReadOnlySpan<byte> Header => "SQLite format 3\0"u8;

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
        AddChecksumsAndEventMarks,
    ];

    /// <summary>Takes a file of schema version 5 to checksummed rows and blocks, with the mark of each agent's saved events.</summary>
    private static void AddChecksumsAndEventMarks(SqliteConnection connection, SqliteTransaction transaction)
    {
        // The tables are built anew rather than altered, so that the small columns come before the large blob: SQLite
        // keeps a row's columns in order, and a column after a blob is read only by walking the blob's overflow pages.
        Execute(connection, """
            CREATE TABLE agents_v6 (
                id TEXT NOT NULL PRIMARY KEY,
                saved_at TEXT NOT NULL,
                document_version INTEGER NOT NULL,
                memory_epoch BLOB NOT NULL,
                memory_count INTEGER NOT NULL,
                memory_last_id INTEGER NOT NULL,
                id_check INTEGER NOT NULL,
                checksum INTEGER NOT NULL,
                event_journal BLOB NOT NULL,
                event_mark INTEGER NOT NULL,
                state BLOB NOT NULL
            ) STRICT;
            INSERT INTO agents_v6 SELECT id, saved_at, document_version, memory_epoch, memory_count, memory_last_id, 0, 0,
                x'00000000000000000000000000000000', 0, state FROM agents;
            DROP TABLE agents;
            ALTER TABLE agents_v6 RENAME TO agents;
            CREATE TABLE memory_blocks_v6 (
                agent_id TEXT NOT NULL,
                block INTEGER NOT NULL,
                checksum INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (agent_id, block)
            ) STRICT;
            INSERT INTO memory_blocks_v6 SELECT agent_id, block, 0, data FROM memory_blocks;
            DROP TABLE memory_blocks;
            ALTER TABLE memory_blocks_v6 RENAME TO memory_blocks;
            """, transaction);
        var agents = new List<(long RowId, long IdCheck, long Checksum)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT rowid, id, document_version, saved_at, state, memory_epoch, memory_count, memory_last_id FROM agents;";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                string id = reader.GetString(1);
                agents.Add((reader.GetInt64(0), StoreChecksum.Id(id), StoreChecksum.Agent(id, reader.GetInt64(2), reader.GetString(3), (byte[])reader[4], (byte[])reader[5], reader.GetInt64(6), reader.GetInt64(7))));
            }
        }

        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE agents SET id_check = $idCheck, checksum = $checksum WHERE rowid = $row;";
            var row = update.Parameters.Add("$row", SqliteType.Integer);
            var idCheck = update.Parameters.Add("$idCheck", SqliteType.Integer);
            var checksum = update.Parameters.Add("$checksum", SqliteType.Integer);
            foreach (var agent in agents)
            {
                (row.Value, idCheck.Value, checksum.Value) = (agent.RowId, agent.IdCheck, agent.Checksum);
                update.ExecuteNonQuery();
            }
        }

        var blocks = new List<(long RowId, long Checksum)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT rowid, agent_id, block, data FROM memory_blocks;";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                blocks.Add((reader.GetInt64(0), StoreChecksum.Block(reader.GetString(1), reader.GetInt64(2), (byte[])reader[3])));
            }
        }

        using var mark = connection.CreateCommand();
        mark.Transaction = transaction;
        mark.CommandText = "UPDATE memory_blocks SET checksum = $checksum WHERE rowid = $row;";
        var blockRow = mark.Parameters.Add("$row", SqliteType.Integer);
        var blockChecksum = mark.Parameters.Add("$checksum", SqliteType.Integer);
        foreach (var block in blocks)
        {
            (blockRow.Value, blockChecksum.Value) = (block.RowId, block.Checksum);
            mark.ExecuteNonQuery();
        }
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

    public static double[] Doubles(byte[] bytes)
    {
        var values = new double[bytes.Length / sizeof(double)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
        }

        return values;
    }

    /// <summary>
    /// Refuses a file that is there but does not begin as a SQLite database (a truncated or foreign file, which SQLite
    /// would otherwise take for an empty new database and overwrite).
    /// </summary>
    public static void CheckHeader(string path)
    {
        byte[] first = new byte[Header.Length];
        int read;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = file.ReadAtLeast(first, first.Length, throwOnEndOfStream: false);
        }
        catch (FileNotFoundException)
        {
            return;
        }
        catch (DirectoryNotFoundException)
        {
            return;
        }
        catch (IOException exception)
        {
            throw new AnimaStoreException($"'{path}' could not be read: {exception.Message}", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new AnimaStoreException($"'{path}' could not be read: {exception.Message}", exception);
        }

        if (read > 0 && (read < first.Length || !Header.SequenceEqual(first)))
        {
            throw new AnimaStoreException($"'{path}' is not a database or is corrupt ({(read < first.Length ? "it is shorter than a database header" : "it does not begin with a SQLite header")}); it was left as it was.");
        }
    }

    /// <summary>
    /// Checks that the file is an Anima store this library opens, and migrates it to <see cref="Version"/> in one
    /// immediate transaction; several processes opening a new file at once take turns, and all but the first find it
    /// done.
    /// </summary>
    public static void Migrate(SqliteConnection connection)
    {
        // One read transaction, so the checks see one moment and not another opener's migration half-committed.
        int version;
        using (var read = connection.BeginTransaction(deferred: true))
        {
            version = Check(connection, read);
        }

        if (version == Version)
        {
            return;
        }

        // A new file is put in write-ahead mode once (the mode is stored in the file); an existing one is not
        // written to at all when it needs no migration, so a damaged file is never made worse by opening it.
        if (version == 0 && Text(connection, "PRAGMA journal_mode;") != "wal")
        {
            Execute(connection, "PRAGMA journal_mode = WAL;");
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        version = Check(connection, transaction);
        for (int from = version; from < Version; from++)
        {
            Migrations[from](connection, transaction);
        }

        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {Version};"), transaction);
        transaction.Commit();
    }

    /// <summary>Returns the file's schema version, refusing a foreign, newer or impossible one.</summary>
    private static int Check(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        int application = Scalar(connection, "PRAGMA application_id;", transaction);
        int version = Scalar(connection, "PRAGMA user_version;", transaction);
        if (application != ApplicationId)
        {
            bool empty = application == 0 && version == 0 && Scalar(connection, "SELECT count(*) FROM sqlite_schema;", transaction) == 0;
            if (!empty)
            {
                throw new AnimaStoreException($"'{connection.DataSource}' is a SQLite database of another application, not an Anima store; it was left as it was.");
            }
        }

        if (version > Version)
        {
            throw new AnimaStoreException($"'{connection.DataSource}' has schema version {version}, newer than this library opens ({Version}); it was left as it was.");
        }

        if (version < 1 && application == ApplicationId)
        {
            throw new AnimaStoreException($"'{connection.DataSource}' has schema version {version}, which no Anima store has; it is damaged and was left as it was.");
        }

        return version;
    }

    public static Action<SqliteConnection, SqliteTransaction> Script(string sql) => (connection, transaction) => Execute(connection, sql, transaction);

    public static int Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string? Text(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

}
