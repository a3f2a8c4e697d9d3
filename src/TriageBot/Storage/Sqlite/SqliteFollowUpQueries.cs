using Dapper;
using TriageBot.FollowUps;

namespace TriageBot.Storage.Sqlite;

/// <summary>Reads of the follow_ups table on SQLite, each on a pooled connection or the caller's unit.</summary>
public sealed class SqliteFollowUpQueries(SqliteDatabase database) : IFollowUpQueries
{
    private const string Columns = """
        number AS Number, incident_id AS IncidentId, rule_id AS RuleId, subject AS Subject, title AS Title, done_means AS DoneMeans,
        owner_person_id AS OwnerPersonId, owner_user_id AS OwnerUserId, owner_aad_object_id AS OwnerAadObjectId, owner_name AS OwnerName,
        owner_conversation_id AS OwnerConversationId, created_at AS CreatedAt, due_at AS DueAt, remind_at AS RemindAt,
        overdue_at AS OverdueAt, status AS Status, reminders_sent AS RemindersSent, overdue_escalated_at AS OverdueEscalatedAt,
        done_at AS DoneAt, done_by_name AS DoneByName, version AS Version
        """;

    public async Task<FollowUpRecord?> ByNumberAsync(long number, IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {Columns} FROM follow_ups WHERE number = @number;";
        if (transaction is not null)
        {
            var write = SqliteWrite.From(transaction);
            return (await write.Connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
                sql, new { number }, write.Transaction, cancellationToken: write.CancellationToken)))?.ToRecord();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(sql, new { number }, cancellationToken: cancellationToken)))?.ToRecord();
    }

    public async Task<IReadOnlyList<FollowUpRecord>> OpenOwnedByAsync(IReadOnlyCollection<string> personIds, string userId, string? aadObjectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM follow_ups
            WHERE status = 'open' AND (owner_person_id IN @personIds OR owner_user_id = @userId OR (@aadObjectId IS NOT NULL AND owner_aad_object_id = @aadObjectId))
            ORDER BY due_at, number;
            """,
            new { personIds, userId, aadObjectId }, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord())];
    }

    public async Task<IReadOnlyList<FollowUpRecord>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM follow_ups WHERE status = 'open' ORDER BY due_at, number;", cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord())];
    }

    public async Task<long> CountOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM follow_ups WHERE status = 'open' AND due_at <= @now;", new { now = StoredTime.Format(now) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<FollowUpRecord>> ReminderDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM follow_ups WHERE status = 'open' AND remind_at IS NOT NULL AND remind_at <= @now ORDER BY remind_at;",
            new { now = StoredTime.Format(now) }, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord())];
    }

    public async Task<IReadOnlyList<FollowUpRecord>> OverdueUnraisedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM follow_ups WHERE status = 'open' AND overdue_escalated_at IS NULL AND overdue_at IS NOT NULL AND overdue_at <= @now ORDER BY overdue_at;",
            new { now = StoredTime.Format(now) }, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord())];
    }

    private sealed record Row(
        long Number, string IncidentId, string RuleId, string Subject, string Title, string DoneMeans, string? OwnerPersonId, string? OwnerUserId,
        string? OwnerAadObjectId, string? OwnerName, string? OwnerConversationId, string CreatedAt, string DueAt, string? RemindAt, string? OverdueAt,
        string Status, long RemindersSent, string? OverdueEscalatedAt, string? DoneAt, string? DoneByName, long Version)
    {
        public FollowUpRecord ToRecord() => new(
            Number, IncidentId, RuleId, Subject, Title, DoneMeans,
            new FollowUpOwnerRef(OwnerPersonId, OwnerUserId, OwnerAadObjectId, OwnerName, OwnerConversationId),
            StoredTime.Parse(CreatedAt), StoredTime.Parse(DueAt), StoredTime.ParseOrNull(RemindAt), StoredTime.ParseOrNull(OverdueAt), Status,
            (int)RemindersSent, StoredTime.ParseOrNull(OverdueEscalatedAt), StoredTime.ParseOrNull(DoneAt), DoneByName, Version);
    }
}
