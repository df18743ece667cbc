using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Anima.Storage;

/// <summary>The SQLite store's events table: an agent's events numbered by the store as they are saved, kept within a retention, read back by time.</summary>
internal static class SqliteEvents
{
    private static readonly string[] EventColumns =
        ["$agent", "$sequence", "$at", "$ticks", "$kind", "$text", "$callId", "$name", "$succeeded", "$count", "$valence", "$arousal", "$dominance", "$strength"];

    /// <summary>
    /// Writes an agent's new events, numbered by the store after the newest it holds for the agent (so an agent's own
    /// numbering, which restarts on an import, never makes an event collide with one already kept), then applies the
    /// retention of <paramref name="options"/>.
    /// </summary>
    public static async Task SaveAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, IReadOnlyList<AnimaEvent> events, SqliteAnimaStoreOptions options, CancellationToken cancellationToken)
    {
        long newest = await NewestAsync(connection, transaction, agentId, cancellationToken).ConfigureAwait(false);
        if (events.Count > 0)
        {
            await InsertAsync(connection, transaction, agentId, newest, events, cancellationToken).ConfigureAwait(false);
            newest += events.Count;
        }

        if (options.MaxEventsPerAgent is null && options.MaxEventAge is null)
        {
            return;
        }

        var (where, bind) = Pruned(connection, transaction, agentId, newest, options);
        if (where is null)
        {
            return;
        }

        if (options.EventsPruning is { } archive)
        {
            var pruned = new List<AnimaEvent>();
            await using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = $"SELECT {Columns} FROM events WHERE agent_id = $id AND ({where}) ORDER BY sequence;";
                bind(select);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    pruned.Add(Read(reader));
                }
            }

            if (pruned.Count == 0)
            {
                return;
            }

            await archive(agentId, pruned, cancellationToken).ConfigureAwait(false);
        }

        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = $"DELETE FROM events WHERE agent_id = $id AND ({where});";
        bind(delete);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The columns <see cref="Read"/> reads, in its order.</summary>
    public const string Columns = "sequence, occurred_at, kind, text, call_id, name, succeeded, experience_count, valence, arousal, dominance, strength";

    /// <summary>The condition that picks the events retention removes, and what binds its parameters; no condition when nothing is due.</summary>
    private static (string? Where, Action<SqliteCommand> Bind) Pruned(SqliteConnection connection, SqliteTransaction transaction, string agentId, long newest, SqliteAnimaStoreOptions options)
    {
        long belowSequence = options.MaxEventsPerAgent is int max ? newest - max + 1 : long.MinValue;
        long belowTicks = long.MinValue;
        if (options.MaxEventAge is TimeSpan age)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT max(occurred_ticks) FROM events WHERE agent_id = $id;";
            command.Parameters.AddWithValue("$id", agentId);
            if (command.ExecuteScalar() is long latest)
            {
                belowTicks = latest - Math.Min(age.Ticks, latest - DateTimeOffset.MinValue.UtcTicks);
            }
        }

        if (belowSequence <= 1 && belowTicks == long.MinValue)
        {
            return (null, static _ => { });
        }

        return ("sequence < $belowSequence OR occurred_ticks < $belowTicks", command =>
        {
            command.Parameters.AddWithValue("$id", agentId);
            command.Parameters.AddWithValue("$belowSequence", belowSequence);
            command.Parameters.AddWithValue("$belowTicks", belowTicks);
        });
    }

    /// <summary>The number of the newest event saved for an agent; 0 for none.</summary>
    private static async Task<long> NewestAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, CancellationToken cancellationToken)
    {
        await using var newest = connection.CreateCommand();
        newest.Transaction = transaction;
        newest.CommandText = "SELECT coalesce(max(sequence), 0) FROM events WHERE agent_id = $id;";
        newest.Parameters.AddWithValue("$id", agentId);
        return Convert.ToInt64(await newest.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, long newest, IReadOnlyList<AnimaEvent> events, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO events (agent_id, sequence, occurred_at, occurred_ticks, kind, text, call_id, name, succeeded, experience_count, valence, arousal, dominance, strength)
            VALUES ($agent, $sequence, $at, $ticks, $kind, $text, $callId, $name, $succeeded, $count, $valence, $arousal, $dominance, $strength);
            """;
        // No declared type: each value binds as what it is (text, integer, real or null).
        var parameters = EventColumns.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        long sequence = newest;
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
                ConcernRaisedEvent c => [c.Text, null, c.Concerns.ToString(), null, null, null, null, null, null],
                _ => throw new InvalidOperationException($"Unknown event type {e.GetType().Name}."),
            };
            parameters[0].Value = agentId;
            parameters[1].Value = ++sequence;
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

    /// <summary>Reads one event row, as the store numbered it; a row that does not parse is reported as damaged.</summary>
    public static AnimaEvent Read(SqliteDataReader reader)
    {
        try
        {
            return ReadRow(reader);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidCastException or OverflowException or InvalidOperationException)
        {
            throw new InvalidDataException($"event row {SafeSequence(reader)} is damaged ({exception.Message})", exception);
        }
    }

    private static string SafeSequence(SqliteDataReader reader) =>
        reader.GetFieldType(0) == typeof(long) && !reader.IsDBNull(0) ? reader.GetInt64(0).ToString(CultureInfo.InvariantCulture) : "?";

    private static AnimaEvent ReadRow(SqliteDataReader reader)
    {
        long sequence = reader.GetInt64(0);
        var at = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        return Known<AnimaEventKind>(reader.GetString(2)) switch
        {
            AnimaEventKind.SystemMessage => new SystemMessageEvent(sequence, at, Text(3) ?? string.Empty),
            AnimaEventKind.UserMessage => new UserMessageEvent(sequence, at, Text(3) ?? string.Empty),
            AnimaEventKind.AgentMessage => new AgentMessageEvent(sequence, at, Text(3) ?? string.Empty),
            AnimaEventKind.ToolCall => new ToolCallEvent(sequence, at, Text(4) ?? string.Empty, Text(5) ?? string.Empty, Text(3)),
            AnimaEventKind.ToolResponse => new ToolResponseEvent(sequence, at, Text(4) ?? string.Empty, reader.GetInt64(6) != 0, Text(3)),
            AnimaEventKind.DesireArisen => new DesireArisenEvent(sequence, at, Known<Need>(Text(5) ?? string.Empty), reader.GetDouble(11), Text(3) ?? string.Empty),
            AnimaEventKind.ConcernRaised => new ConcernRaisedEvent(sequence, at, Concerns(Text(5) ?? string.Empty), Text(3) ?? string.Empty),
            AnimaEventKind.StateChanged => new StateChangedEvent(sequence, at, reader.GetInt64(7), Text(3) ?? string.Empty, new Vad(reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10))),
            var kind => throw new FormatException($"its kind {kind} is unknown"),
        };
    }

    /// <summary>Parses concerns exactly as <see cref="Enum.ToString()"/> wrote them ("Harm, SelfHarm"); none, a number or an unknown flag is refused.</summary>
    private static RequestConcerns Concerns(string names)
    {
        const RequestConcerns all = RequestConcerns.Harm | RequestConcerns.Deception | RequestConcerns.Coercion | RequestConcerns.Unfairness | RequestConcerns.SelfHarm;
        return Enum.TryParse<RequestConcerns>(names, ignoreCase: false, out var value) && value != RequestConcerns.None && (value & ~all) == 0 && value.ToString() == names
            ? value
            : throw new FormatException($"'{names}' are not request concerns");
    }

    /// <summary>Parses a member's name exactly as <see cref="Enum.ToString()"/> wrote it; a number or an unknown name is refused.</summary>
    private static T Known<T>(string name)
        where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: false, out var value) && Enum.IsDefined(value) && value.ToString() == name
            ? value
            : throw new FormatException($"'{name}' is not a {typeof(T).Name}");
}
