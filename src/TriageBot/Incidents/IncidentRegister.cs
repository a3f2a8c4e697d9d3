using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.IncidentLog;
using TriageBot.Storage;

namespace TriageBot.Incidents;

/// <summary>
/// Keeps the incident register (one numbered row per report) in step with the incident log. It reads the log from
/// where it last stopped and moves its cursor in the same transaction, so a crash neither skips nor repeats an event.
/// Called before anything reads the register, and by the follow-up timer.
/// </summary>
public sealed class IncidentRegister(IStoreWriter writer, IIncidentRegisterStore store, IIncidentLogStore log, IProjectionCursors cursors)
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

    private async Task<int> ProjectBatchAsync(IStoreTransaction write)
    {
        var cursor = await cursors.ReadAsync(CursorName, write, write.CancellationToken);
        var batch = await cursors.EventsAsync(write, cursor, long.MaxValue, Batch, Types);
        foreach (var row in batch.Events)
        {
            await ApplyAsync(write, row);
        }

        if (batch.Scanned > 0)
        {
            await cursors.MoveAsync(write, CursorName, batch.LastScanned);
        }

        return batch.Scanned;
    }

    private Task ApplyAsync(IStoreTransaction write, ProjectedEvent row)
    {
        var data = JsonNode.Parse(row.DataJson) as JsonObject ?? [];
        var (id, at) = (row.IncidentId, StoredTime.Parse(row.OccurredAt));
        return row.Type switch
        {
            IncidentEventTypes.Started => store.OpenAsync(write, id, new IncidentReporter(row.ActorId, row.ActorAadObjectId, row.ActorName, Text(data, "conversation")), at),
            IncidentEventTypes.TypeChosen => store.SetProtocolAsync(write, id, Text(data, "protocol")),
            IncidentEventTypes.Assessed => store.SetAssessedAsync(write, id, Text(data, "protocol"), Text(data, "level")),
            IncidentEventTypes.EscalationRequested => store.SetLevelIfUnsetAsync(write, id, Text(data, "level")),
            IncidentEventTypes.EmergencyDeclared => store.SetLevelAsync(write, id, "emergency_now"),
            IncidentEventTypes.Completed => store.EndReportAsync(write, id, IncidentStatuses.Completed, at, Text(data, "level")),
            IncidentEventTypes.Cancelled => store.EndReportAsync(write, id, IncidentStatuses.Cancelled, at, level: null),
            RecordEventTypes.Closed => store.CloseAsync(write, id, at),
            RecordEventTypes.PersonalDataPurged => store.MarkPersonalDataPurgedAsync(write, id, at),
            _ => Task.CompletedTask,
        };
    }

    private static string? Text(JsonObject data, string key) => data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

}
