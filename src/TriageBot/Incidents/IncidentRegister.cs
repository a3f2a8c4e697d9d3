using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using TriageBot.Dialogs.Incidents;
using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Incidents;

/// <summary>
/// Keeps the incident register (one numbered row per report) in step with the incident log. It reads the log from
/// where it last stopped and moves its cursor in the same transaction, so a crash neither skips nor repeats an event.
/// Called before anything reads the register, and by the follow-up timer.
/// </summary>
public sealed class IncidentRegister(SqliteDatabase database)
{
    public const string CursorName = "incidents";
    private const int Batch = 500;

    /// <summary>Brings the register up to date with every event recorded so far.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (await ProjectBatchAsync(cancellationToken) == Batch)
        {
        }
    }

    private async Task<int> ProjectBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var cursor = await ReadCursorAsync(connection, null, cancellationToken);

        // Most calls find nothing new: check that before taking the write lock.
        var newest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(sequence) FROM incident_events;", cancellationToken: cancellationToken)) ?? 0;
        if (newest <= cursor)
        {
            return 0;
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        cursor = await ReadCursorAsync(connection, transaction, cancellationToken);
        var events = (await connection.QueryAsync<EventRow>(new CommandDefinition(
            """
            SELECT sequence AS Sequence, incident_id AS IncidentId, type AS Type, actor_id AS ActorId,
                   actor_aad_object_id AS ActorAadObjectId, actor_name AS ActorName, occurred_at AS OccurredAt, data_json AS DataJson
            FROM incident_events WHERE sequence > @cursor ORDER BY sequence LIMIT @Batch;
            """,
            new { cursor, Batch }, transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var row in events)
        {
            await ApplyAsync(connection, transaction, row, cancellationToken);
        }

        if (events.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO projection_cursor (name, last_sequence) VALUES (@CursorName, @last)
                ON CONFLICT (name) DO UPDATE SET last_sequence = excluded.last_sequence;
                """,
                new { CursorName, last = events[^1].Sequence }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    private static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, EventRow row, CancellationToken cancellationToken)
    {
        var data = JsonNode.Parse(row.DataJson) as JsonObject ?? [];
        var (sql, parameters) = row.Type switch
        {
            IncidentEventTypes.Started => (
                """
                INSERT INTO incidents (id, reporter_id, reporter_aad_object_id, reporter_name, reporter_conversation_id, status, opened_at)
                VALUES (@IncidentId, @ActorId, @ActorAadObjectId, @ActorName, @conversation, @status, @OccurredAt)
                ON CONFLICT (id) DO NOTHING;
                """,
                (object)new { row.IncidentId, row.ActorId, row.ActorAadObjectId, row.ActorName, conversation = Text(data, "conversation"), status = IncidentStatuses.Reporting, row.OccurredAt }),
            IncidentEventTypes.TypeChosen => (
                "UPDATE incidents SET protocol_id = @protocol WHERE id = @IncidentId;",
                new { row.IncidentId, protocol = Text(data, "protocol") }),
            IncidentEventTypes.Assessed => (
                "UPDATE incidents SET protocol_id = COALESCE(@protocol, protocol_id), level = @level WHERE id = @IncidentId;",
                new { row.IncidentId, protocol = Text(data, "protocol"), level = Text(data, "level") }),
            IncidentEventTypes.EmergencyDeclared => (
                "UPDATE incidents SET level = 'emergency_now' WHERE id = @IncidentId;",
                new { row.IncidentId }),
            IncidentEventTypes.Completed => (
                "UPDATE incidents SET status = @status, completed_at = @OccurredAt, level = COALESCE(@level, level) WHERE id = @IncidentId AND status = @reporting;",
                new { row.IncidentId, row.OccurredAt, level = Text(data, "level"), status = IncidentStatuses.Completed, reporting = IncidentStatuses.Reporting }),
            IncidentEventTypes.Cancelled => (
                "UPDATE incidents SET status = @status, completed_at = @OccurredAt WHERE id = @IncidentId AND status = @reporting;",
                new { row.IncidentId, row.OccurredAt, status = IncidentStatuses.Cancelled, reporting = IncidentStatuses.Reporting }),
            RecordEventTypes.Closed => (
                "UPDATE incidents SET status = @status, closed_at = @OccurredAt WHERE id = @IncidentId;",
                new { row.IncidentId, row.OccurredAt, status = IncidentStatuses.Closed }),
            RecordEventTypes.PersonalDataPurged => (
                "UPDATE incidents SET personal_purged_at = @OccurredAt WHERE id = @IncidentId;",
                new { row.IncidentId, row.OccurredAt }),
            _ => (null, null),
        };

        if (sql is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        }
    }

    private static async Task<long> ReadCursorAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT last_sequence FROM projection_cursor WHERE name = @CursorName;", new { CursorName }, transaction, cancellationToken: cancellationToken)) ?? 0;

    private static string? Text(JsonObject data, string key) => data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private sealed record EventRow(long Sequence, string IncidentId, string Type, string ActorId, string? ActorAadObjectId, string? ActorName, string OccurredAt, string DataJson);
}
