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
                .With("@reason", escalation.Reason).With("@requestedAt", EscalationProjector.Stamp(escalation.RequestedAt))
                .With("@reporterId", escalation.ReporterId).With("@reporterName", escalation.ReporterName)
                .With("@conversationId", escalation.ReporterConversationId).With("@chain", JsonSerializer.Serialize(escalation.Chain))
                .With("@deadline", EscalationProjector.Stamp(escalation.Deadline))
                .With("@eyesOnDue", escalation.EyesOnDue is { } due ? EscalationProjector.Stamp(due) : null));

    // SQLite's MIN with a NULL is NULL: no deadline given keeps the one there.
    public Task RaiseLevelAsync(IStoreTransaction transaction, string escalationId, string level, DateTimeOffset? deadlineAtLatest) =>
        Run(transaction, escalationId,
            "UPDATE escalations SET level = @level, deadline = COALESCE(MIN(deadline, @deadline), deadline), version = version + 1 WHERE id = @id;",
            command => command.With("@level", level).With("@deadline", deadlineAtLatest is { } at ? EscalationProjector.Stamp(at) : null));

    public async Task<bool> MoveOnAsync(IStoreTransaction transaction, string escalationId, int fromIndex, int toIndex, DateTimeOffset deadline) =>
        await Run(transaction, escalationId,
            """
            UPDATE escalations SET recipient_index = @next, deadline = @deadline, version = version + 1
            WHERE id = @id AND status = 'open' AND recipient_index = @fromIndex;
            """,
            command => command.With("@next", toIndex).With("@deadline", EscalationProjector.Stamp(deadline)).With("@fromIndex", fromIndex)) == 1;

    public async Task<bool> DecideAsync(IStoreTransaction transaction, string escalationId, string decisionJson, DateTimeOffset at) =>
        await Run(transaction, escalationId,
            """
            UPDATE escalations SET status = 'decided', decision_json = @decision, decided_at = @now, version = version + 1
            WHERE id = @id AND status = 'open';
            """,
            command => command.With("@decision", decisionJson).With("@now", EscalationProjector.Stamp(at))) == 1;

    public Task MarkQuestionPendingAsync(IStoreTransaction transaction, string escalationId) =>
        Run(transaction, escalationId, "UPDATE escalations SET question_pending = 1 WHERE id = @id;", command => command);

    private static Task<int> Run(IStoreTransaction transaction, string escalationId, string sql, Func<SqliteCommand, SqliteCommand> parameters)
    {
        var write = SqliteWrite.From(transaction);
        return parameters(write.Connection.Prepared(write.Transaction, sql).With("@id", escalationId)).ExecuteNonQueryAsync(write.CancellationToken);
    }
}
