using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Rota;
using TriageBot.Escalations;
using TriageBot.Incidents;
using TriageBot.Outbox;
using TriageBot.Storage;

namespace TriageBot.FollowUps;

/// <summary>
/// Sends what has fallen due: a reminder card to the owner of each task whose reminder time has come, and a card to the
/// duty lead for each task still open at its overdue time. Each is claimed by a version check, recorded as an event and
/// queued in the outbox in one transaction, so a restart or a second instance never sends one twice.
/// </summary>
public sealed partial class FollowUpReminders(
    IStoreWriter writer,
    IFollowUpQueries followUpQueries,
    IFollowUpStore followUps,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    IIncidentLogWriter log,
    ProtocolCatalog catalog,
    TimeProvider time,
    ILogger<FollowUpReminders> logger)
{
    /// <summary>Queues every reminder and overdue card due now; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reminders = await followUpQueries.ReminderDueAsync(now, cancellationToken);
        var overdue = await followUpQueries.OverdueUnraisedAsync(now, cancellationToken);

        var queued = 0;
        foreach (var task in reminders)
        {
            queued += await ClaimAsync(task, now, overdue: false, cancellationToken);
        }

        foreach (var task in overdue)
        {
            queued += await ClaimAsync(task, now, overdue: true, cancellationToken);
        }

        if (queued > 0)
        {
            outboxSignal.Notify();
        }

        return queued;
    }

    private async Task<int> ClaimAsync(FollowUpRecord task, DateTimeOffset now, bool overdue, CancellationToken cancellationToken)
    {
        if (!await writer.WriteAsync(write => ClaimAsync(write, task, now, overdue), cancellationToken))
        {
            return 0;
        }

        if (overdue)
        {
            LogOverdue(task.Number);
        }
        else
        {
            LogReminded(task.Number);
        }

        return 1;
    }

    private async Task<bool> ClaimAsync(IStoreTransaction write, FollowUpRecord task, DateTimeOffset now, bool overdue)
    {
        var claimed = overdue
            ? await followUps.ClaimOverdueAsync(write, task.Number, task.Version, now)
            : await followUps.ClaimReminderAsync(write, task.Number, task.Version);
        if (!claimed)
        {
            return false;
        }

        var payload = new JsonObject { ["followUp"] = task.Number, ["purpose"] = overdue ? FollowUpOutbox.OverduePurpose : FollowUpOutbox.ReminderPurpose };
        var data = new JsonObject { ["followUp"] = task.Number };
        if (overdue)
        {
            // The lead on duty now hears of it; the owner's own reminder has already gone.
            var lead = DutyResolver.OnDuty(catalog.Rota, now).Lead;
            payload["personId"] = lead.Id;
            data["toPersonId"] = lead.Id;
            data["toName"] = lead.Name;
        }
        else
        {
            data["toName"] = task.Owner.DisplayName;
        }

        await log.AppendAsync(write, [new IncidentEvent(
            task.IncidentId, overdue ? FollowUpEventTypes.OverdueEscalated : FollowUpEventTypes.Reminded, SystemActor.TriageBot, now, data)]);
        await outbox.EnqueueAsync(write, FollowUpOutbox.TaskCard, null, payload);
        return true;
    }

    [LoggerMessage(1611, LogLevel.Information, "Follow-up {FollowUp}: reminder queued for its owner")]
    private partial void LogReminded(long followUp);

    [LoggerMessage(1612, LogLevel.Warning, "Follow-up {FollowUp} is overdue: the duty lead is told")]
    private partial void LogOverdue(long followUp);
}
