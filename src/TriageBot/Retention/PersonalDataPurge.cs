using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using TriageBot.Dialogs.Incidents;
using TriageBot.Escalations;
using TriageBot.IncidentLog;
using TriageBot.Incidents;
using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Retention;

/// <summary>
/// Removes the personal data of incidents closed longer ago than the retention period: destroys the incident's key (so
/// every text typed about the student, notes and answers included, can no longer be read) and deletes the sent outbox
/// messages of its escalations (which may quote the reporter's answers), then records
/// <c>incident.personal_data_purged</c>. The chronology's events, times, people and decisions stay, and the hash chain
/// still verifies. One transaction per incident.
/// </summary>
public sealed partial class PersonalDataPurge(
    SqliteDatabase database,
    SqliteWriter writer,
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
        List<string> due;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            due = [.. await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT id FROM incidents WHERE status = 'closed' AND closed_at <= @cutoff AND personal_purged_at IS NULL ORDER BY number;",
                new { cutoff = StoredTime.Format(cutoff) }, cancellationToken: cancellationToken))];
        }

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

    private async Task PurgeAsync(SqliteWrite write, string incidentId, DateTimeOffset now)
    {
        var (connection, transaction, cancellationToken) = (write.Connection, write.Transaction, write.CancellationToken);
        var hadKey = await keys.DestroyAsync(write, incidentId);
        var messages = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outbox WHERE status <> 'pending' AND escalation_id IN (SELECT id FROM escalations WHERE incident_id = @incidentId);",
            new { incidentId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE incidents SET personal_purged_at = @now WHERE id = @incidentId;",
            new { incidentId, now = StoredTime.Format(now) }, transaction, cancellationToken: cancellationToken));
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
