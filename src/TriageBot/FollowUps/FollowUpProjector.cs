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
    SqliteDatabase database,
    SqliteWriter writer,
    IncidentRegister register,
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
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            if (await ProjectionCursor.ReadAsync(reader, null, IncidentRegister.CursorName, cancellationToken)
                <= await ProjectionCursor.ReadAsync(reader, null, CursorName, cancellationToken))
            {
                return 0;
            }
        }

        return await writer.WriteAsync(write => ProjectBatchAsync(write.Connection, write.Transaction, write.CancellationToken), cancellationToken);
    }

    private async Task<int> ProjectBatchAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var cursor = await ProjectionCursor.ReadAsync(connection, transaction, CursorName, cancellationToken);
        var registered = await ProjectionCursor.ReadAsync(connection, transaction, IncidentRegister.CursorName, cancellationToken);
        var batch = await ProjectionCursor.EventsAsync(connection, transaction, cursor, registered, Batch, Types, cancellationToken);
        foreach (var row in batch.Events)
        {
            await ApplyAsync(connection, transaction, row, cancellationToken);
        }

        if (batch.Scanned > 0)
        {
            await ProjectionCursor.MoveAsync(connection, transaction, CursorName, batch.LastScanned, cancellationToken);
        }

        return batch.Scanned;
    }

    private async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, ProjectedEvent row, CancellationToken cancellationToken)
    {
        var data = JsonNode.Parse(row.DataJson) as JsonObject ?? [];
        var at = StoredTime.Parse(row.OccurredAt);
        var actor = new Participant(row.ActorId, row.ActorName, row.ActorAadObjectId);
        switch (row.Type)
        {
            case IncidentEventTypes.Completed:
                await FromReportAsync(connection, transaction, row.IncidentId, at, cancellationToken);
                await CloseIfFinishedAsync(connection, transaction, row.IncidentId, at, cancellationToken);
                break;
            case IncidentEventTypes.Cancelled:
                await CloseIfFinishedAsync(connection, transaction, row.IncidentId, at, cancellationToken);
                break;
            case EscalationEventTypes.Decided:
                await FromDecisionAsync(connection, transaction, row.IncidentId, data, actor, at, cancellationToken);
                await CloseIfFinishedAsync(connection, transaction, row.IncidentId, at, cancellationToken);
                break;
            case FollowUpEventTypes.Done:
                await FromDoneTaskAsync(connection, transaction, row.IncidentId, data, at, cancellationToken);
                await CloseIfFinishedAsync(connection, transaction, row.IncidentId, at, cancellationToken);
                break;
        }
    }

    private async Task FromReportAsync(SqliteConnection connection, SqliteTransaction transaction, string incidentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await IncidentAsync(connection, transaction, incidentId, cancellationToken) is not { } incident)
        {
            return;
        }

        foreach (var rule in Rules(FollowUpTrigger.ReportCompleted, incident))
        {
            var owner = FollowUpOwners.Resolve(rule.Owner, catalog.Rota, at, incident, null, null);
            await CreateAsync(connection, transaction, incident, rule, subject: string.Empty, serviceName: null, owner, at, cancellationToken);
        }
    }

    private async Task FromDecisionAsync(
        SqliteConnection connection, SqliteTransaction transaction, string incidentId, JsonObject decision, Participant lead, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await IncidentAsync(connection, transaction, incidentId, cancellationToken) is not { } incident)
        {
            return;
        }

        // The decision is recorded with the lead's ids; the event's actor is the lead.
        foreach (var rule in Rules(FollowUpTrigger.EscalationDecided, incident))
        {
            var owner = FollowUpOwners.Resolve(rule.Owner, catalog.Rota, at, incident, lead, null);
            await CreateAsync(connection, transaction, incident, rule, string.Empty, null, owner, at, cancellationToken);
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
                await CreateAsync(connection, transaction, incident, rule, serviceId, serviceName, owner, at, cancellationToken);
            }
        }
    }

    private async Task FromDoneTaskAsync(
        SqliteConnection connection, SqliteTransaction transaction, string incidentId, JsonObject data, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (data["followUp"]?.GetValue<long>() is not { } number
            || await FollowUpQueries.ByNumberAsync(connection, transaction, number, cancellationToken) is not { } done
            || await IncidentAsync(connection, transaction, incidentId, cancellationToken) is not { } incident)
        {
            return;
        }

        var serviceName = done.Subject.Length == 0 ? null : catalog.Service(done.Subject) is { } service ? catalog.Text(service.Name) : done.Subject;
        foreach (var rule in Rules(FollowUpTrigger.FollowUpDone, incident)
                     .Where(r => r.After == done.RuleId && (done.Subject.Length == 0 || r.CoversReferral(done.Subject))))
        {
            var owner = FollowUpOwners.Resolve(rule.Owner, catalog.Rota, at, incident, null, done.Owner);
            await CreateAsync(connection, transaction, incident, rule, done.Subject, serviceName, owner, at, cancellationToken);
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
        SqliteConnection connection,
        SqliteTransaction transaction,
        IncidentSummaryRow incident,
        FollowUpRule rule,
        string subject,
        string? serviceName,
        FollowUpOwnerRef owner,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
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

        await log.AppendAsync(connection, transaction, [new IncidentEvent(incident.Id, FollowUpEventTypes.Created, SystemActor.TriageBot, at, new JsonObject
        {
            ["followUp"] = made,
            ["rule"] = rule.Id,
            ["subject"] = subject,
            ["title"] = title,
            ["ownerPersonId"] = owner.PersonId,
            ["ownerUserId"] = owner.UserId,
            ["ownerName"] = owner.Name,
            ["due"] = StoredTime.Format(due),
        })], cancellationToken);
        LogCreated(made, rule.Id);
    }

    /// <summary>Closes the incident when its report ended, no escalation is open and no task is open.</summary>
    private async Task CloseIfFinishedAsync(SqliteConnection connection, SqliteTransaction transaction, string incidentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
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
        await log.AppendAsync(connection, transaction, [new IncidentEvent(incidentId, RecordEventTypes.Closed, SystemActor.TriageBot, at, [])], cancellationToken);
    }

    private static async Task<IncidentSummaryRow?> IncidentAsync(SqliteConnection connection, SqliteTransaction transaction, string incidentId, CancellationToken cancellationToken) =>
        await IncidentQueries.ByIdAsync(connection, incidentId, cancellationToken, transaction);


    private static string? Text(JsonObject data, string key) => data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;


    [LoggerMessage(1601, LogLevel.Information, "Follow-up {FollowUp} made by rule {Rule}")]
    private partial void LogCreated(long followUp, string rule);
}
