using System.Text.Json.Nodes;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Rota;
using TriageBot.Dialogs.Turns;
using TriageBot.Escalations;
using TriageBot.References;
using TriageBot.Storage;

namespace TriageBot.FollowUps;

/// <summary>
/// Applies a change to a follow-up task: done, snooze, reassign, add a note. Only the task's owner and the school's
/// leads may change it; anyone else is refused and the attempt recorded. Each change is a version-checked update and
/// its event in one transaction, so two presses of Done at once record one "done". A task marked done starts the
/// tasks that follow it and may close the incident (the projector runs at once).
/// </summary>
public sealed partial class FollowUpChanges(
    IStoreWriter writer,
    IFollowUpQueries followUpQueries,
    IFollowUpStore followUps,
    IIncidentLogWriter log,
    IKnownConversationStore conversations,
    FollowUpProjector projector,
    ProtocolCatalog catalog,
    TimeProvider time,
    ILogger<FollowUpChanges> logger)
{
    public async Task<FollowUpChangeOutcome> ApplyAsync(FollowUpChange change, Participant who, CancellationToken cancellationToken)
    {
        var email = who.AadObjectId is null ? null : (await conversations.FindPersonalAsync(who.AadObjectId, null, cancellationToken))?.Email;
        var now = time.GetUtcNow();
        var outcome = await writer.WriteAsync(write => ApplyAsync(write, change, who, email, now), cancellationToken);
        if (outcome.Result == FollowUpChangeResult.NotAllowed)
        {
            LogRefused(change.Number);
            return outcome;
        }

        if (outcome.Result != FollowUpChangeResult.Changed)
        {
            return outcome;
        }

        outcome = outcome with { Task = await followUpQueries.ByNumberAsync(change.Number, null, cancellationToken) };

        LogChanged(change.Number, Verb(change));
        if (change.Verb == FollowUpVerb.Done)
        {
            await projector.CatchUpAsync(cancellationToken);
        }

        return outcome;
    }

    private async Task<FollowUpChangeOutcome> ApplyAsync(IStoreTransaction write, FollowUpChange change, Participant who, string? email, DateTimeOffset now)
    {
        var cancellationToken = write.CancellationToken;
        var task = await followUpQueries.ByNumberAsync(change.Number, write, cancellationToken);
        if (task is null)
        {
            return new FollowUpChangeOutcome(FollowUpChangeResult.Unknown, null, $"There is no follow-up {change.Number} you can change.");
        }

        if (!MayChange(task, who, email))
        {
            await log.AppendAsync(write, [Event(task, FollowUpEventTypes.ChangeRefused, who, now, new JsonObject { ["verb"] = Verb(change) })]);

            // Said the same way as for a task that does not exist: nothing about it is given away.
            return new FollowUpChangeOutcome(FollowUpChangeResult.NotAllowed, null, $"There is no follow-up {change.Number} you can change.");
        }

        if (!task.IsOpen)
        {
            return new FollowUpChangeOutcome(FollowUpChangeResult.AlreadyDone, task, $"Follow-up {task.Number} was already done by {task.DoneByName ?? "its owner"}.");
        }

        var (apply, data, personal, message) = Plan(change, task, who, now);
        if (apply is null)
        {
            return new FollowUpChangeOutcome(FollowUpChangeResult.Unknown, task, message);
        }

        if (!await apply(write))
        {
            // Someone else changed it a moment ago; nothing is written, and they can look again.
            var current = await followUpQueries.ByNumberAsync(change.Number, write, cancellationToken);
            return current is { IsOpen: false }
                ? new FollowUpChangeOutcome(FollowUpChangeResult.AlreadyDone, current, $"Follow-up {current.Number} was already done by {current.DoneByName ?? "its owner"}.")
                : new FollowUpChangeOutcome(FollowUpChangeResult.Unknown, current, "Someone changed this follow-up at the same moment. Please look again.");
        }

        await log.AppendAsync(write, [Event(task, EventType(change.Verb), who, now, data, personal)]);
        return new FollowUpChangeOutcome(FollowUpChangeResult.Changed, task, message);
    }

    /// <summary>The owner (as a rota person, by channel id or by Entra object id) or any lead on the rota.</summary>
    public bool MayChange(FollowUpRecord task, Participant who, string? email)
    {
        var rotaPerson = DutyResolver.Find(catalog.Rota, who.AadObjectId, email);
        var isOwner = (task.Owner.PersonId is not null && rotaPerson?.Id == task.Owner.PersonId)
            || (task.Owner.UserId is not null && task.Owner.UserId == who.Id)
            || (task.Owner.AadObjectId is not null && string.Equals(task.Owner.AadObjectId, who.AadObjectId, StringComparison.OrdinalIgnoreCase));
        return isOwner || DutyResolver.IsAnyLead(catalog.Rota, who.AadObjectId, email);
    }

    /// <summary>The change to the version read (false when another won), what its event records, and what to say.</summary>
    private (Func<IStoreTransaction, Task<bool>>? Apply, JsonObject Data, JsonObject? Personal, string Message) Plan(FollowUpChange change, FollowUpRecord task, Participant who, DateTimeOffset now)
    {
        var data = new JsonObject { ["followUp"] = task.Number };
        var (number, version) = (task.Number, task.Version);
        switch (change.Verb)
        {
            case FollowUpVerb.Done:
                return (
                    write => followUps.MarkDoneAsync(write, number, version, now, who.Name ?? who.Id),
                    data,
                    change.Note is null ? null : new JsonObject { ["note"] = change.Note },
                    $"Follow-up {task.Number} is done. Thank you.");
            case FollowUpVerb.Snooze:
                var until = SnoozeUntil(change.SnoozeFor!, now);
                data["until"] = StoredTime.Format(until);
                return (
                    write => followUps.SnoozeAsync(write, number, version, until),
                    data,
                    null,
                    $"I will remind you about follow-up {task.Number} again {When(until)}. It is still due {When(task.DueAt)}.");
            case FollowUpVerb.Reassign:
                if (catalog.Rota.Person(change.AssignTo!) is not { } person)
                {
                    return (null, data, null, "assignTo is not a person on the rota");
                }

                // The new owner hears of it at once if it is already due, else when it falls due.
                var remindAt = SchoolCalendar.NextSchoolMoment(catalog.Rota, task.DueAt > now ? task.DueAt : now);
                data["fromName"] = task.Owner.DisplayName;
                data["toPersonId"] = person.Id;
                data["toName"] = person.Name;
                return (
                    write => followUps.ReassignAsync(write, number, version, person.Id, person.AadObjectId, person.Name, remindAt),
                    data,
                    null,
                    $"Follow-up {task.Number} is now {person.Name}'s. They will get the reminder.");
            default:
                return (
                    write => followUps.NoteAddedAsync(write, number, version),
                    data,
                    new JsonObject { ["note"] = change.Note },
                    $"Note added to follow-up {task.Number}.");
        }
    }

    private DateTimeOffset SnoozeUntil(string snoozeFor, DateTimeOffset now) => snoozeFor switch
    {
        "next_school_day" => SchoolCalendar.NextSchoolMoment(catalog.Rota, StartOfNextDay(now)),
        "2_school_days" => SchoolCalendar.AddSchoolDays(catalog.Rota, now, 2),
        _ => SchoolCalendar.NextSchoolMoment(catalog.Rota, now.AddHours(1)),
    };

    private DateTimeOffset StartOfNextDay(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, catalog.Rota.TimeZone);
        var next = local.Date.AddDays(1);
        return new DateTimeOffset(next, catalog.Rota.TimeZone.GetUtcOffset(next));
    }

    private string When(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, catalog.Rota.TimeZone).ToString("ddd d MMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string EventType(FollowUpVerb verb) => verb switch
    {
        FollowUpVerb.Done => FollowUpEventTypes.Done,
        FollowUpVerb.Snooze => FollowUpEventTypes.Snoozed,
        FollowUpVerb.Reassign => FollowUpEventTypes.Reassigned,
        _ => FollowUpEventTypes.NoteAdded,
    };

    private static string Verb(FollowUpChange change) => Dialogs.Protocols.Loading.SnakeCase.From(change.Verb);

    private static IncidentEvent Event(FollowUpRecord task, string type, Participant who, DateTimeOffset now, JsonObject data, JsonObject? personal = null) =>
        new(task.IncidentId, type, who, now, data, personal);

    [LoggerMessage(1651, LogLevel.Information, "Follow-up {FollowUp}: {Verb}")]
    private partial void LogChanged(long followUp, string verb);

    [LoggerMessage(1652, LogLevel.Warning, "Follow-up {FollowUp}: a change by someone who is neither its owner nor a lead was refused and recorded")]
    private partial void LogRefused(long followUp);
}
