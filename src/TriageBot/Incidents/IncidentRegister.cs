using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using TriageBot.Dialogs.Incidents;
using TriageBot.IncidentLog;
using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Incidents;

/// <summary>
/// Keeps the incident register (one numbered row per report) in step with the incident log. It reads the log from
/// where it last stopped and moves its cursor in the same transaction, so a crash neither skips nor repeats an event.
/// Called before anything reads the register, and by the follow-up timer.
/// </summary>
public sealed class IncidentRegister(SqliteWriter writer, IIncidentLogStore log, IProjectionCursors cursors)
{
    public const string CursorName = "incidents";

    // Events passed per write: small enough that turns waiting for the writer are not held up long.
    private const int Batch = 500;

    /// <summary>The event types the register is made from; the rest of the log is passed over.</summary>
    private static readonly string[] Types =
    [
        IncidentEventTypes.Started, IncidentEventTypes.TypeChosen, IncidentEventTypes.Assessed, IncidentEventTypes.EscalationRequested,
        IncidentEventTypes.EmergencyDeclared, IncidentEventTypes.Completed, IncidentEventTypes.Cancelled, RecordEventTypes.Closed,
        RecordEventTypes.PersonalDataPurged,
    ];

    /// <summary>Brings the register up to date with every event recorded so far.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (await ProjectBatchAsync(cancellationToken) == Batch)
        {
        }
    }

    private async Task<int> ProjectBatchAsync(CancellationToken cancellationToken)
    {
        // Most calls find nothing new: check that before queuing a write.
        if (await log.LastSequenceAsync(cancellationToken) <= await cursors.ReadAsync(CursorName, null, cancellationToken))
        {
            return 0;
        }

        return await writer.WriteAsync(write => ProjectBatchAsync(write), cancellationToken);
    }

    private async Task<int> ProjectBatchAsync(SqliteWrite write)
    {
        var (connection, transaction, cancellationToken) = (write.Connection, write.Transaction, write.CancellationToken);
        var cursor = await cursors.ReadAsync(CursorName, write, cancellationToken);
        var batch = await cursors.EventsAsync(write, cursor, long.MaxValue, Batch, Types);
        foreach (var row in batch.Events)
        {
            await ApplyAsync(connection, transaction, row, cancellationToken);
        }

        if (batch.Scanned > 0)
        {
            await cursors.MoveAsync(write, CursorName, batch.LastScanned);
        }

        return batch.Scanned;
    }

    private static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, ProjectedEvent row, CancellationToken cancellationToken)
    {
        var data = JsonNode.Parse(row.DataJson) as JsonObject ?? [];
        SqliteCommand Sql(string sql) => connection.Prepared(transaction, sql).With("@IncidentId", row.IncidentId);
        var command = row.Type switch
        {
            IncidentEventTypes.Started => Sql(
                    """
                    INSERT INTO incidents (id, reporter_id, reporter_aad_object_id, reporter_name, reporter_conversation_id, status, opened_at)
                    VALUES (@IncidentId, @ActorId, @ActorAadObjectId, @ActorName, @conversation, @status, @OccurredAt)
                    ON CONFLICT (id) DO NOTHING;
                    """)
                .With("@ActorId", row.ActorId).With("@ActorAadObjectId", row.ActorAadObjectId).With("@ActorName", row.ActorName)
                .With("@conversation", Text(data, "conversation")).With("@status", IncidentStatuses.Reporting).With("@OccurredAt", row.OccurredAt),
            IncidentEventTypes.TypeChosen => Sql("UPDATE incidents SET protocol_id = @protocol WHERE id = @IncidentId;")
                .With("@protocol", Text(data, "protocol")),
            IncidentEventTypes.Assessed => Sql("UPDATE incidents SET protocol_id = COALESCE(@protocol, protocol_id), level = @level WHERE id = @IncidentId;")
                .With("@protocol", Text(data, "protocol")).With("@level", Text(data, "level")),
            IncidentEventTypes.EscalationRequested => Sql("UPDATE incidents SET level = COALESCE(level, @level) WHERE id = @IncidentId;")
                .With("@level", Text(data, "level")),
            IncidentEventTypes.EmergencyDeclared => Sql("UPDATE incidents SET level = 'emergency_now' WHERE id = @IncidentId;"),
            IncidentEventTypes.Completed => Sql(
                    "UPDATE incidents SET status = @status, completed_at = @OccurredAt, level = COALESCE(@level, level) WHERE id = @IncidentId AND status = @reporting;")
                .With("@OccurredAt", row.OccurredAt).With("@level", Text(data, "level"))
                .With("@status", IncidentStatuses.Completed).With("@reporting", IncidentStatuses.Reporting),
            IncidentEventTypes.Cancelled => Sql("UPDATE incidents SET status = @status, completed_at = @OccurredAt WHERE id = @IncidentId AND status = @reporting;")
                .With("@OccurredAt", row.OccurredAt).With("@status", IncidentStatuses.Cancelled).With("@reporting", IncidentStatuses.Reporting),
            RecordEventTypes.Closed => Sql("UPDATE incidents SET status = @status, closed_at = @OccurredAt WHERE id = @IncidentId;")
                .With("@OccurredAt", row.OccurredAt).With("@status", IncidentStatuses.Closed),
            RecordEventTypes.PersonalDataPurged => Sql("UPDATE incidents SET personal_purged_at = @OccurredAt WHERE id = @IncidentId;")
                .With("@OccurredAt", row.OccurredAt),
            _ => null,
        };

        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string? Text(JsonObject data, string key) => data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

}
