using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TriageBot.Escalations;

namespace TriageBot.Storage.Sqlite;

/// <summary>The escalations' row changes on table escalations, as prepared statements on the writer's connection.</summary>
public sealed class SqliteEscalationStore : IEscalationStore
{
    public Task CreateAsync(IStoreTransaction transaction, NewEscalation escalation) =>
        Run(transaction, escalation.Id,
            """
            INSERT INTO escalations (id, incident_id, protocol_id, level, reason, requested_at, reporter_id, reporter_name,
                                     reporter_conversation_id, chain_json, recipient_index, deadline, status, version, eyes_on_due)
            VALUES (@id, @incidentId, @protocol, @level, @reason, @requestedAt, @reporterId, @reporterName, @conversationId,
                    @chain, 0, @deadline, 'open', 1, @eyesOnDue);
            """,
            command => command.With("@incidentId", escalation.IncidentId).With("@protocol", escalation.ProtocolId).With("@level", escalation.Level)
                .With("@reason", escalation.Reason).With("@requestedAt", StoredTime.Format(escalation.RequestedAt))
                .With("@reporterId", escalation.ReporterId).With("@reporterName", escalation.ReporterName)
                .With("@conversationId", escalation.ReporterConversationId).With("@chain", JsonSerializer.Serialize(escalation.Chain))
                .With("@deadline", StoredTime.Format(escalation.Deadline))
                .With("@eyesOnDue", escalation.EyesOnDue is { } due ? StoredTime.Format(due) : null));

    // SQLite's MIN with a NULL is NULL: no deadline given keeps the one there.
    public Task RaiseLevelAsync(IStoreTransaction transaction, string escalationId, string level, DateTimeOffset? deadlineAtLatest) =>
        Run(transaction, escalationId,
            "UPDATE escalations SET level = @level, deadline = COALESCE(MIN(deadline, @deadline), deadline), version = version + 1 WHERE id = @id;",
            command => command.With("@level", level).With("@deadline", deadlineAtLatest is { } at ? StoredTime.Format(at) : null));

    public async Task<bool> MoveOnAsync(IStoreTransaction transaction, string escalationId, int fromIndex, int toIndex, DateTimeOffset deadline) =>
        await Run(transaction, escalationId,
            """
            UPDATE escalations SET recipient_index = @next, deadline = @deadline, version = version + 1
            WHERE id = @id AND status = 'open' AND recipient_index = @fromIndex;
            """,
            command => command.With("@next", toIndex).With("@deadline", StoredTime.Format(deadline)).With("@fromIndex", fromIndex)) == 1;

    public async Task<bool> DecideAsync(IStoreTransaction transaction, string escalationId, string decisionJson, DateTimeOffset at) =>
        await Run(transaction, escalationId,
            """
            UPDATE escalations SET status = 'decided', decision_json = @decision, decided_at = @now, version = version + 1
            WHERE id = @id AND status = 'open';
            """,
            command => command.With("@decision", decisionJson).With("@now", StoredTime.Format(at))) == 1;

    public async Task<PendingQuestion?> TakeQuestionAsync(IStoreTransaction transaction, string reporterId, string conversationId)
    {
        var write = SqliteWrite.From(transaction);
        string? escalationId = null, incidentId = null;
        await using (var reader = await write.Connection.Prepared(write.Transaction,
                         """
                         SELECT id, incident_id FROM escalations
                         WHERE question_pending = 1 AND reporter_id = @reporterId AND reporter_conversation_id = @conversationId
                         ORDER BY requested_at DESC LIMIT 1;
                         """)
                     .With("@reporterId", reporterId).With("@conversationId", conversationId)
                     .ExecuteReaderAsync(write.CancellationToken))
        {
            if (await reader.ReadAsync(write.CancellationToken))
            {
                (escalationId, incidentId) = (reader.GetString(0), reader.GetString(1));
            }
        }

        if (escalationId is null || incidentId is null)
        {
            return null;
        }

        await Run(transaction, escalationId, "UPDATE escalations SET question_pending = 0 WHERE id = @id;", command => command);
        return new PendingQuestion(escalationId, incidentId);
    }

    public Task RecordCardAsync(IStoreTransaction transaction, EscalationCard card) =>
        Run(transaction, card.EscalationId,
            """
            INSERT OR IGNORE INTO escalation_cards (escalation_id, person_id, service_url, conversation_id, activity_id, posted_at)
            VALUES (@id, @personId, @serviceUrl, @conversationId, @activityId, @postedAt);
            """,
            command => command.With("@personId", card.PersonId).With("@serviceUrl", card.ServiceUrl).With("@conversationId", card.ConversationId)
                .With("@activityId", card.ActivityId).With("@postedAt", card.PostedAt.ToString("O", CultureInfo.InvariantCulture)));

    // Due times are all written by StoredTime.Format, so the one read compares equal to the one stored.
    public async Task<bool> ClaimEyesOnAsync(IStoreTransaction transaction, string escalationId, DateTimeOffset dueAt, DateTimeOffset nextDueAt) =>
        await Run(transaction, escalationId, "UPDATE escalations SET eyes_on_due = @next WHERE id = @id AND eyes_on_due = @due AND status = 'open';",
            command => command.With("@next", StoredTime.Format(nextDueAt)).With("@due", StoredTime.Format(dueAt))) == 1;

    public Task MarkQuestionPendingAsync(IStoreTransaction transaction, string escalationId) =>
        Run(transaction, escalationId, "UPDATE escalations SET question_pending = 1 WHERE id = @id;", command => command);

    private static Task<int> Run(IStoreTransaction transaction, string escalationId, string sql, Func<SqliteCommand, SqliteCommand> parameters)
    {
        var write = SqliteWrite.From(transaction);
        return parameters(write.Connection.Prepared(write.Transaction, sql).With("@id", escalationId)).ExecuteNonQueryAsync(write.CancellationToken);
    }
}
