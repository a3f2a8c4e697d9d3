using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
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
using TriageBot.Storage.Sqlite;

namespace TriageBot.FollowUps;

/// <summary>
/// Makes follow-up tasks from the incident log by the rules of protocols/follow-ups.yaml: a finished report, a lead's
/// decision and each referral it approved, a task marked done. Each task is written with its <c>follow_up.created</c>
/// event and the projection cursor in one transaction, and a task is unique per incident, rule and subject, so a
/// crash or a second projector never makes one twice. It also closes an incident once the report has ended, no
/// escalation is open and no task is left.
/// </summary>
public sealed partial class FollowUpProjector(
    SqliteWriter writer,
    IProjectionCursors cursors,
    IncidentRegister register,
    IIncidentQueries incidents,
    IFollowUpQueries followUpQueries,
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

    private async Task<int> ProjectBatchAsync(SqliteWrite write)
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

    private async Task ApplyAsync(SqliteWrite write, ProjectedEvent row)
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

    private async Task FromReportAsync(SqliteWrite write, string incidentId, DateTimeOffset at)
    {
        var (connection, transaction, cancellationToken) = (write.Connection, write.Transaction, write.CancellationToken);
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
        SqliteWrite write, string incidentId, JsonObject decision, Participant lead, DateTimeOffset at)
    {
        var (connection, transaction, cancellationToken) = (write.Connection, write.Transaction, write.CancellationToken);
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
        SqliteWrite write, string incidentId, JsonObject data, DateTimeOffset at)
    {
        var (connection, transaction, cancellationToken) = (write.Connection, write.Transaction, write.CancellationToken);
        if (data["followUp"]?.GetValue<long>() is not { } number
            || await followUpQueries.ByNumberAsync(number, write, cancellationToken) is not { } done
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
        SqliteWrite write,
        IncidentSummaryRow incident,
        FollowUpRule rule,
        string subject,
        string? serviceName,
        FollowUpOwnerRef owner,
        DateTimeOffset at)
    {
        var (connection, transaction, cancellationToken) = (write.Connection, write.Transaction, write.CancellationToken);
        var due = rule.Due.From(at, catalog.Rota);
        var remindAt = SchoolCalendar.NextSchoolMoment(catalog.Rota, due);
        var overdueAt = SchoolCalendar.NextSchoolMoment(catalog.Rota, catalog.FollowUps.OverdueEscalatesAfter.From(due, catalog.Rota));
        var title = rule.TitleFor(serviceName);
        var number = await connection.Prepared(transaction,
                """
                INSERT INTO follow_ups (incident_id, rule_id, subject, title, done_means, owner_person_id, owner_user_id, owner_aad_object_id,
                                        owner_name, owner_conversation_id, created_at, due_at, remind_at, overdue_at, status, version)
                VALUES (@IncidentId, @ruleId, @subject, @title, @DoneMeans, @PersonId, @UserId, @AadObjectId, @Name, @ConversationId,
                        @createdAt, @dueAt, @remindAt, @overdueAt, 'open', 1)
                ON CONFLICT (incident_id, rule_id, subject) DO NOTHING
                RETURNING number;
                """)
            .With("@IncidentId", incident.Id)
            .With("@ruleId", rule.Id)
            .With("@subject", subject)
            .With("@title", title)
            .With("@DoneMeans", rule.DoneMeans)
            .With("@PersonId", owner.PersonId)
            .With("@UserId", owner.UserId)
            .With("@AadObjectId", owner.AadObjectId)
            .With("@Name", owner.Name)
            .With("@ConversationId", owner.ConversationId)
            .With("@createdAt", StoredTime.Format(at))
            .With("@dueAt", StoredTime.Format(due))
            .With("@remindAt", StoredTime.Format(remindAt))
            .With("@overdueAt", StoredTime.Format(overdueAt))
            .ExecuteScalarAsync(cancellationToken) as long?;
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
    private async Task CloseIfFinishedAsync(SqliteWrite write, string incidentId, DateTimeOffset at)
    {
        var (connection, transaction, cancellationToken) = (write.Connection, write.Transaction, write.CancellationToken);
        async Task<long> CountAsync(string sql) =>
            (long)(await connection.Prepared(transaction, sql).With("@incidentId", incidentId).ExecuteScalarAsync(cancellationToken))!;
        var openTasks = await CountAsync("SELECT COUNT(*) FROM follow_ups WHERE incident_id = @incidentId AND status = 'open';");
        var openEscalations = await CountAsync("SELECT COUNT(*) FROM escalations WHERE incident_id = @incidentId AND status = 'open';");
        var ended = await CountAsync("SELECT COUNT(*) FROM incidents WHERE id = @incidentId AND status IN ('completed', 'cancelled');");
        if (ended == 0 || openTasks > 0 || openEscalations > 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE incidents SET status = 'closed', closed_at = @at WHERE id = @incidentId;",
            new { incidentId, at = StoredTime.Format(at) }, transaction, cancellationToken: cancellationToken));
        await log.AppendAsync(write, [new IncidentEvent(incidentId, RecordEventTypes.Closed, SystemActor.TriageBot, at, [])]);
    }

    private Task<IncidentSummaryRow?> IncidentAsync(SqliteWrite write, string incidentId) => incidents.ByIdAsync(incidentId, write, write.CancellationToken);


    private static string? Text(JsonObject data, string key) => data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;


    [LoggerMessage(1601, LogLevel.Information, "Follow-up {FollowUp} made by rule {Rule}")]
    private partial void LogCreated(long followUp, string rule);
}
