using System.Globalization;
using System.Text.Json.Nodes;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Rota;
using TriageBot.Outbox;
using TriageBot.Storage;

namespace TriageBot.FollowUps;

/// <summary>
/// The designated safeguarding leads' morning digest of open and overdue follow-ups: once per school day, at the time
/// protocols/follow-ups.yaml sets (in the rota's time zone), or as soon after it as the bot is running. A row per day
/// and person in digests, written in the same transaction as the outbox message, makes it exactly once.
/// </summary>
public sealed partial class DailyDigest(
    IStoreWriter writer,
    IFollowUpQueries followUpQueries,
    IDigestStore digests,
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
        var overdue = await followUpQueries.CountOverdueAsync(now, cancellationToken);
        var queued = 0;
        foreach (var personId in rota.DesignatedLeads)
        {
            var queuedForPerson = await writer.WriteAsync(async write =>
            {
                var made = await digests.MarkMadeAsync(write, today, personId, now);
                if (made)
                {
                    await outbox.EnqueueAsync(write, FollowUpOutbox.Digest, null, new JsonObject
                    {
                        ["personId"] = personId,
                        ["day"] = day,
                        ["overdue"] = overdue,
                    });
                }

                return made;
            }, cancellationToken);
            if (queuedForPerson)
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
