using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Anima.Storage;

/// <summary>The SQLite store's events table: an agent's events written by number, read back by time.</summary>
internal static class SqliteEvents
{
    private static readonly string[] EventColumns =
        ["$agent", "$sequence", "$at", "$ticks", "$kind", "$text", "$callId", "$name", "$succeeded", "$count", "$valence", "$arousal", "$dominance", "$strength"];

    /// <summary>The number of the newest event saved for an agent; 0 for none.</summary>
    public static async Task<long> NewestAsync(SqliteConnection connection, SqliteTransaction? transaction, string agentId, CancellationToken cancellationToken)
    {
        await using var newest = connection.CreateCommand();
        newest.Transaction = transaction;
        newest.CommandText = "SELECT coalesce(max(sequence), 0) FROM events WHERE agent_id = $id;";
        newest.Parameters.AddWithValue("$id", agentId);
        return Convert.ToInt64(await newest.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes events; one already saved under its number is left as it is.</summary>
    public static async Task SaveAsync(SqliteConnection connection, SqliteTransaction transaction, string agentId, IReadOnlyList<AnimaEvent> events, CancellationToken cancellationToken)
    {
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

    public static AnimaEvent Read(SqliteDataReader reader)
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

}
