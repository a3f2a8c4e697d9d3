using Dapper;
using TriageBot.Retention;

namespace TriageBot.Storage.Sqlite;

/// <summary>The retention purge's reads and deletions on SQLite (tables incidents, outbox, escalations).</summary>
public sealed class SqliteRetentionStore(SqliteDatabase database) : IRetentionStore
{
    public async Task<IReadOnlyList<string>> ClosedNotPurgedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM incidents WHERE status = 'closed' AND closed_at <= @cutoff AND personal_purged_at IS NULL ORDER BY number;",
            new { cutoff = StoredTime.Format(cutoff) }, cancellationToken: cancellationToken))];
    }

    public Task<int> DeleteSettledMessagesAsync(IStoreTransaction transaction, string incidentId)
    {
        var write = SqliteWrite.From(transaction);
        return write.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outbox WHERE status <> 'pending' AND escalation_id IN (SELECT id FROM escalations WHERE incident_id = @incidentId);",
            new { incidentId }, write.Transaction, cancellationToken: write.CancellationToken));
    }

    public Task MarkPurgedAsync(IStoreTransaction transaction, string incidentId, DateTimeOffset at)
    {
        var write = SqliteWrite.From(transaction);
        return write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE incidents SET personal_purged_at = @at WHERE id = @incidentId;",
            new { incidentId, at = StoredTime.Format(at) }, write.Transaction, cancellationToken: write.CancellationToken));
    }
}
