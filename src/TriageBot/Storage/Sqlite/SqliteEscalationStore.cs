using Microsoft.Data.Sqlite;
using TriageBot.Escalations;

namespace TriageBot.Storage.Sqlite;

/// <summary>The escalations' row changes on table escalations, as prepared statements on the writer's connection.</summary>
public sealed class SqliteEscalationStore : IEscalationStore
{
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
