using System.Data.Common;
using Dapper;
using TriageBot.Storage;

namespace TriageBot.FollowUps;

/// <summary>Reads of the follow_ups table.</summary>
public static class FollowUpQueries
{
    private const string Columns = """
        number AS Number, incident_id AS IncidentId, rule_id AS RuleId, subject AS Subject, title AS Title, done_means AS DoneMeans,
        owner_person_id AS OwnerPersonId, owner_user_id AS OwnerUserId, owner_aad_object_id AS OwnerAadObjectId, owner_name AS OwnerName,
        owner_conversation_id AS OwnerConversationId, created_at AS CreatedAt, due_at AS DueAt, remind_at AS RemindAt,
        overdue_at AS OverdueAt, status AS Status, reminders_sent AS RemindersSent, overdue_escalated_at AS OverdueEscalatedAt,
        done_at AS DoneAt, done_by_name AS DoneByName, version AS Version
        """;

    public static async Task<FollowUpRecord?> ByNumberAsync(DbConnection connection, DbTransaction? transaction, long number, CancellationToken cancellationToken) =>
        (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM follow_ups WHERE number = @number;", new { number }, transaction, cancellationToken: cancellationToken)))?.ToRecord();

    public static async Task<IReadOnlyList<FollowUpRecord>> ForIncidentAsync(DbConnection connection, DbTransaction? transaction, string incidentId, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM follow_ups WHERE incident_id = @incidentId ORDER BY number;", new { incidentId }, transaction, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord())];

    /// <summary>Open tasks owned by this person (a rota id, or a member of staff's channel id / Entra object id), soonest due first.</summary>
    public static async Task<IReadOnlyList<FollowUpRecord>> OpenOwnedByAsync(DbConnection connection, IReadOnlyCollection<string> personIds, string userId, string? aadObjectId, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM follow_ups
            WHERE status = 'open' AND (owner_person_id IN @personIds OR owner_user_id = @userId OR (@aadObjectId IS NOT NULL AND owner_aad_object_id = @aadObjectId))
            ORDER BY due_at, number;
            """,
            new { personIds, userId, aadObjectId }, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord())];

    /// <summary>Every open task, soonest due first.</summary>
    public static async Task<IReadOnlyList<FollowUpRecord>> OpenAsync(DbConnection connection, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM follow_ups WHERE status = 'open' ORDER BY due_at, number;", cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord())];

    /// <summary>Open tasks whose reminder time has come.</summary>
    public static async Task<IReadOnlyList<FollowUpRecord>> ReminderDueAsync(DbConnection connection, DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM follow_ups WHERE status = 'open' AND remind_at IS NOT NULL AND remind_at <= @now ORDER BY remind_at;",
            new { now = StoredTime.Format(now) }, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord())];

    /// <summary>Open tasks past their overdue moment that have not been raised with the duty lead yet.</summary>
    public static async Task<IReadOnlyList<FollowUpRecord>> OverdueUnraisedAsync(DbConnection connection, DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM follow_ups WHERE status = 'open' AND overdue_escalated_at IS NULL AND overdue_at IS NOT NULL AND overdue_at <= @now ORDER BY overdue_at;",
            new { now = StoredTime.Format(now) }, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord())];

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
