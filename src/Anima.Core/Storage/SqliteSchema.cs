using System.Globalization;
using Anima.Memory;
using Microsoft.Data.Sqlite;

namespace Anima.Storage;

/// <summary>
/// The SQLite store's schema: one step per version, each migrating a file forward inside one transaction, and the
/// checks that a file is an Anima store of a version this library opens.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The schema version this library writes and the newest it opens.</summary>
    public const int Version = 5;

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

    public static int Migrate(SqliteConnection connection)
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

        if (version > Version)
        {
            throw new AnimaStoreException($"'{connection.DataSource}' has schema version {version}, newer than this library opens ({Version}); it was left as it was.");
        }

        // A new file is put in write-ahead mode once (the mode is stored in the file); an existing one is not
        // written to at all when it needs no migration, so a damaged file is never made worse by opening it.
        if (version == 0)
        {
            Execute(connection, "PRAGMA journal_mode = WAL;");
        }

        for (int from = version; from < Version; from++)
        {
            using var transaction = connection.BeginTransaction();
            Migrations[from](connection, transaction);
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {from + 1};"), transaction);
            transaction.Commit();
        }

        return version;
    }

    public static Action<SqliteConnection, SqliteTransaction> Script(string sql) => (connection, transaction) => Execute(connection, sql, transaction);

    public static int Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

}
