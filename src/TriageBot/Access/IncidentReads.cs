using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;
using TriageBot.Escalations;
using TriageBot.Incidents;
using TriageBot.Storage;

namespace TriageBot.Access;

/// <summary>
/// Records every read of an incident as an event of that incident (who, how, in what form), and every refused attempt,
/// so the chronology also says who has seen it.
/// </summary>
public sealed partial class IncidentReads(IStoreWriter writer, IIncidentLogWriter log, TimeProvider time, ILogger<IncidentReads> logger)
{
    /// <summary>How an incident was read.</summary>
    public const string ByCommand = "command";
    public const string ByExport = "export";
    public const string ByApi = "api";

    public Task RecordReadAsync(IReadOnlyList<string> incidentIds, Participant who, string how, string? format, CancellationToken cancellationToken) =>
        AppendAsync(incidentIds, RecordEventTypes.Read, who, how, format, cancellationToken);

    public async Task RecordRefusedAsync(string incidentId, Participant who, string how, CancellationToken cancellationToken)
    {
        await AppendAsync([incidentId], RecordEventTypes.ReadRefused, who, how, null, cancellationToken);
        LogRefused(how);
    }

    private async Task AppendAsync(IReadOnlyList<string> incidentIds, string type, Participant who, string how, string? format, CancellationToken cancellationToken)
    {
        if (incidentIds.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        IReadOnlyList<IncidentEvent> events = [.. incidentIds.Select(id => new IncidentEvent(id, type, who, now, new JsonObject
        {
            ["how"] = how,
            ["format"] = format,
        }))];
        await writer.WriteAsync(write => log.AppendAsync(write, events), cancellationToken);
    }

    [LoggerMessage(1801, LogLevel.Warning, "A read of an incident ({How}) by someone not allowed was refused and recorded")]
    private partial void LogRefused(string how);
}
