using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TriageBot.Dialogs.Incidents;
using TriageBot.Escalations;
using TriageBot.IncidentLog;
using TriageBot.Incidents;
using TriageBot.Storage;

namespace TriageBot.Retention;

/// <summary>
/// Removes the personal data of incidents closed longer ago than the retention period: destroys the incident's key (so
/// every text typed about the student, notes and answers included, can no longer be read) and deletes the sent outbox
/// messages of its escalations (which may quote the reporter's answers), then records
/// <c>incident.personal_data_purged</c>. The chronology's events, times, people and decisions stay, and the hash chain
/// still verifies. One transaction per incident.
/// </summary>
public sealed partial class PersonalDataPurge(
    IRetentionStore store,
    IStoreWriter writer,
    IncidentRegister register,
    IncidentKeys keys,
    IIncidentLogWriter log,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<PersonalDataPurge> logger)
{
    /// <summary>Purges every incident past the period; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsOn)
        {
            return 0;
        }

        await register.CatchUpAsync(cancellationToken);
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(options.Value.AfterClosureDays);
        var due = await store.ClosedNotPurgedAsync(cutoff, cancellationToken);

        foreach (var incidentId in due)
        {
            await writer.WriteAsync(write => PurgeAsync(write, incidentId, now), cancellationToken);
        }

        if (due.Count > 0)
        {
            LogPurged(due.Count, options.Value.AfterClosureDays);
        }

        return due.Count;
    }

    private async Task PurgeAsync(IStoreTransaction write, string incidentId, DateTimeOffset now)
    {
        var hadKey = await keys.DestroyAsync(write, incidentId);
        var messages = await store.DeleteSettledMessagesAsync(write, incidentId);
        await store.MarkPurgedAsync(write, incidentId, now);
        await log.AppendAsync(write, [new IncidentEvent(incidentId, RecordEventTypes.PersonalDataPurged, SystemActor.TriageBot, now, new JsonObject
        {
            ["afterClosureDays"] = options.Value.AfterClosureDays,
            ["keyDestroyed"] = hadKey,
            ["sentMessagesDeleted"] = messages,
        })]);
    }

    [LoggerMessage(1701, LogLevel.Information, "Retention: personal data of {Count} incidents closed more than {Days} days ago removed")]
    private partial void LogPurged(int count, int days);
}
