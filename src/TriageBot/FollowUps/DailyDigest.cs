using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Rota;
using TriageBot.Outbox;
using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.FollowUps;

/// <summary>
/// The designated safeguarding leads' morning digest of open and overdue follow-ups: once per school day, at the time
/// protocols/follow-ups.yaml sets (in the rota's time zone), or as soon after it as the bot is running. A row per day
/// and person in digests, written in the same transaction as the outbox message, makes it exactly once.
/// </summary>
public sealed partial class DailyDigest(
    SqliteDatabase database,
    SqliteWriter writer,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    ProtocolCatalog catalog,
    TimeProvider time,
    ILogger<DailyDigest> logger)
{
    /// <summary>Queues today's digest for each designated lead who has not had it; returns how many.</summary>
    public async Task<int> SendIfDueAsync(CancellationToken cancellationToken)
    {
        var rota = catalog.Rota;
        var policy = catalog.FollowUps;
        if (policy.Rules.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, rota.TimeZone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (!SchoolCalendar.IsSchoolDay(rota, today) || TimeOnly.FromDateTime(local.DateTime) < policy.DailyDigestAt)
        {
            return 0;
        }

        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        long overdue;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            overdue = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM follow_ups WHERE status = 'open' AND due_at <= @now;", new { now = StoredTime.Format(now) }, cancellationToken: cancellationToken));
        }

        var queued = 0;
        foreach (var personId in rota.DesignatedLeads)
        {
            var inserted = await writer.WriteAsync(async write =>
            {
                var inserted = await write.Connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO digests (day, person_id, sent_at) VALUES (@day, @personId, @now) ON CONFLICT DO NOTHING;",
                    new { day, personId, now = StoredTime.Format(now) }, write.Transaction, cancellationToken: write.CancellationToken));
                if (inserted == 1)
                {
                    await outbox.EnqueueAsync(write, FollowUpOutbox.Digest, null, new JsonObject
                    {
                        ["personId"] = personId,
                        ["day"] = day,
                        ["overdue"] = overdue,
                    });
                }

                return inserted == 1;
            }, cancellationToken);
            if (inserted)
            {
                queued++;
                LogQueued(day);
            }
        }

        if (queued > 0)
        {
            outboxSignal.Notify();
        }

        return queued;
    }

    [LoggerMessage(1631, LogLevel.Information, "Daily follow-up digest for {Day} queued")]
    private partial void LogQueued(string day);
}
