using System.Text.Json.Nodes;
using TriageBot.Dialogs.FollowUps;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Protocols.Loading;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Rota;
using TriageBot.Dialogs.Turns;
using TriageBot.Escalations;
using TriageBot.IncidentLog;
using TriageBot.Incidents;
using TriageBot.Storage;

namespace TriageBot.FollowUps;

/// <summary>
/// Makes follow-up tasks from the incident log by the rules of protocols/follow-ups.yaml: a finished report, a lead's
/// decision and each referral it approved, a task marked done. Each task is written with its <c>follow_up.created</c>
/// event and the projection cursor in one transaction, and a task is unique per incident, rule and subject, so a
/// crash or a second projector never makes one twice. It also closes an incident once the report has ended, no
/// escalation is open and no task is left.
/// </summary>
public sealed partial class FollowUpProjector(
    IStoreWriter writer,
    IProjectionCursors cursors,
    IncidentRegister register,
    IIncidentQueries incidents,
    IIncidentRegisterStore registerRows,
    IFollowUpQueries followUpQueries,
    IFollowUpStore followUps,
    IIncidentLogWriter log,
    ProtocolCatalog catalog,
    ILogger<FollowUpProjector> logger)
{
    private const string CursorName = "follow_ups";

    // Events passed per write (about nine reports, forty tasks): small enough that turns waiting for the writer are not held up long.
    private const int Batch = 200;

    /// <summary>The event types tasks are made from (and that may close an incident); the rest of the log is passed over.</summary>
    private static readonly string[] Types =
        [IncidentEventTypes.Completed, IncidentEventTypes.Cancelled, EscalationEventTypes.Decided, FollowUpEventTypes.Done];

    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await register.CatchUpAsync(cancellationToken);
        while (await ProjectBatchAsync(cancellationToken) == Batch)
        {
        }
    }

    private async Task<int> ProjectBatchAsync(CancellationToken cancellationToken)
    {
        // Only as far as the register has read: rules look incidents up there.
        if (await cursors.ReadAsync(IncidentRegister.CursorName, null, cancellationToken)
            <= await cursors.ReadAsync(CursorName, null, cancellationToken))
        {
            return 0;
        }

        return await writer.WriteAsync(write => ProjectBatchAsync(write), cancellationToken);
    }

    private async Task<int> ProjectBatchAsync(IStoreTransaction write)
    {
        var cancellationToken = write.CancellationToken;
        var cursor = await cursors.ReadAsync(CursorName, write, cancellationToken);
        var registered = await cursors.ReadAsync(IncidentRegister.CursorName, write, cancellationToken);
        var batch = await cursors.EventsAsync(write, cursor, registered, Batch, Types);
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

    private async Task ApplyAsync(IStoreTransaction write, ProjectedEvent row)
    {
        var data = JsonNode.Parse(row.DataJson) as JsonObject ?? [];
        var at = StoredTime.Parse(row.OccurredAt);
        var actor = new Participant(row.ActorId, row.ActorName, row.ActorAadObjectId);
        switch (row.Type)
        {
            case IncidentEventTypes.Completed:
                await FromReportAsync(write, row.IncidentId, at);
                await CloseIfFinishedAsync(write, row.IncidentId, at);
                break;
            case IncidentEventTypes.Cancelled:
                await CloseIfFinishedAsync(write, row.IncidentId, at);
                break;
            case EscalationEventTypes.Decided:
                await FromDecisionAsync(write, row.IncidentId, data, actor, at);
                await CloseIfFinishedAsync(write, row.IncidentId, at);
                break;
            case FollowUpEventTypes.Done:
                await FromDoneTaskAsync(write, row.IncidentId, data, at);
                await CloseIfFinishedAsync(write, row.IncidentId, at);
                break;
        }
    }

    private async Task FromReportAsync(IStoreTransaction write, string incidentId, DateTimeOffset at)
    {
        if (await IncidentAsync(write, incidentId) is not { } incident)
        {
            return;
        }

        foreach (var rule in Rules(FollowUpTrigger.ReportCompleted, incident))
        {
            var owner = FollowUpOwners.Resolve(rule.Owner, catalog.Rota, at, incident, null, null);
            await CreateAsync(write, incident, rule, subject: string.Empty, serviceName: null, owner, at);
        }
    }

    private async Task FromDecisionAsync(
        IStoreTransaction write, string incidentId, JsonObject decision, Participant lead, DateTimeOffset at)
    {
        if (await IncidentAsync(write, incidentId) is not { } incident)
        {
            return;
        }

        // The decision is recorded with the lead's ids; the event's actor is the lead.
        foreach (var rule in Rules(FollowUpTrigger.EscalationDecided, incident))
        {
            var owner = FollowUpOwners.Resolve(rule.Owner, catalog.Rota, at, incident, lead, null);
            await CreateAsync(write, incident, rule, string.Empty, null, owner, at);
        }

        foreach (var referral in (decision["referrals"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var serviceId = Text(referral, "serviceId");
            if (serviceId is null)
            {
                continue;
            }

            var serviceName = Text(referral, "service") ?? catalog.Service(serviceId)?.Name ?? serviceId;
            foreach (var rule in Rules(FollowUpTrigger.ReferralApproved, incident).Where(r => r.CoversReferral(serviceId)))
            {
                var owner = FollowUpOwners.Resolve(rule.Owner, catalog.Rota, at, incident, lead, null);
                await CreateAsync(write, incident, rule, serviceId, serviceName, owner, at);
            }
        }
    }

    private async Task FromDoneTaskAsync(
        IStoreTransaction write, string incidentId, JsonObject data, DateTimeOffset at)
    {
        if (data["followUp"]?.GetValue<long>() is not { } number
            || await followUpQueries.ByNumberAsync(number, write, write.CancellationToken) is not { } done
            || await IncidentAsync(write, incidentId) is not { } incident)
        {
            return;
        }

        var serviceName = done.Subject.Length == 0 ? null : catalog.Service(done.Subject) is { } service ? catalog.Text(service.Name) : done.Subject;
        foreach (var rule in Rules(FollowUpTrigger.FollowUpDone, incident)
                     .Where(r => r.After == done.RuleId && (done.Subject.Length == 0 || r.CoversReferral(done.Subject))))
        {
            var owner = FollowUpOwners.Resolve(rule.Owner, catalog.Rota, at, incident, null, done.Owner);
            await CreateAsync(write, incident, rule, done.Subject, serviceName, owner, at);
        }
    }

    private IEnumerable<FollowUpRule> Rules(FollowUpTrigger trigger, IncidentSummaryRow incident)
    {
        ResponseLevel? level = incident.Level is { } text && SnakeCase.TryParse<ResponseLevel>(text, out var parsed) ? parsed : null;

        // A report the protocol keeps away from the duty lead (an allegation about staff) makes no tasks for them either.
        var protocol = incident.ProtocolId is null ? null : catalog.Protocol(incident.ProtocolId);
        return catalog.FollowUps.Rules.Where(r => r.When == trigger && r.AppliesTo(incident.ProtocolId, level)
            && (protocol is null || protocol.EscalatesToDutyLead || r.Owner == FollowUpOwner.DesignatedLead));
    }

    private async Task CreateAsync(
        IStoreTransaction write,
        IncidentSummaryRow incident,
        FollowUpRule rule,
        string subject,
        string? serviceName,
        FollowUpOwnerRef owner,
        DateTimeOffset at)
    {
        var due = rule.Due.From(at, catalog.Rota);
        var remindAt = SchoolCalendar.NextSchoolMoment(catalog.Rota, due);
        var overdueAt = SchoolCalendar.NextSchoolMoment(catalog.Rota, catalog.FollowUps.OverdueEscalatesAfter.From(due, catalog.Rota));
        var title = rule.TitleFor(serviceName);
        var number = await followUps.CreateAsync(write, new NewFollowUp(
            incident.Id, rule.Id, subject, title, rule.DoneMeans, owner, CreatedAt: at, DueAt: due, RemindAt: remindAt, OverdueAt: overdueAt));
        if (number is not { } made)
        {
            return;
        }

        await log.AppendAsync(write, [new IncidentEvent(incident.Id, FollowUpEventTypes.Created, SystemActor.TriageBot, at, new JsonObject
        {
            ["followUp"] = made,
            ["rule"] = rule.Id,
            ["subject"] = subject,
            ["title"] = title,
            ["ownerPersonId"] = owner.PersonId,
            ["ownerUserId"] = owner.UserId,
            ["ownerName"] = owner.Name,
            ["due"] = StoredTime.Format(due),
        })]);
        LogCreated(made, rule.Id);
    }

    /// <summary>Closes the incident when its report ended, no escalation is open and no task is open.</summary>
    private async Task CloseIfFinishedAsync(IStoreTransaction write, string incidentId, DateTimeOffset at)
    {
        if (await IncidentAsync(write, incidentId) is not { Status: IncidentStatuses.Completed or IncidentStatuses.Cancelled }
            || await incidents.OpenWorkAsync(incidentId, write, write.CancellationToken) is not { Escalations: 0, FollowUps: 0 })
        {
            return;
        }

        await registerRows.CloseAsync(write, incidentId, at);
        await log.AppendAsync(write, [new IncidentEvent(incidentId, RecordEventTypes.Closed, SystemActor.TriageBot, at, [])]);
    }

    private Task<IncidentSummaryRow?> IncidentAsync(IStoreTransaction write, string incidentId) => incidents.ByIdAsync(incidentId, write, write.CancellationToken);


    private static string? Text(JsonObject data, string key) => data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;


    [LoggerMessage(1601, LogLevel.Information, "Follow-up {FollowUp} made by rule {Rule}")]
    private partial void LogCreated(long followUp, string rule);
}
