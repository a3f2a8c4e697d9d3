using Dapper;
using Microsoft.Data.Sqlite;
using TriageBot.Storage;

namespace TriageBot.Incidents;

/// <summary>Reads of the incident register. Call <see cref="IncidentRegister.CatchUpAsync"/> first when it must be current.</summary>
public static class IncidentQueries
{
    private const string Columns = """
        number AS Number, id AS Id, reporter_id AS ReporterId, reporter_aad_object_id AS ReporterAadObjectId,
        reporter_name AS ReporterName, reporter_conversation_id AS ReporterConversationId, protocol_id AS ProtocolId,
        level AS Level, status AS Status, opened_at AS OpenedAt, completed_at AS CompletedAt, closed_at AS ClosedAt,
        personal_purged_at AS PersonalPurgedAt
        """;

    public static async Task<IncidentSummaryRow?> ByNumberAsync(SqliteConnection connection, long number, CancellationToken cancellationToken) =>
        (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM incidents WHERE number = @number;", new { number }, cancellationToken: cancellationToken)))?.ToSummary();

    public static async Task<IncidentSummaryRow?> ByIdAsync(SqliteConnection connection, string id, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM incidents WHERE id = @id;", new { id }, transaction, cancellationToken: cancellationToken)))?.ToSummary();

    /// <summary>Incidents not yet closed, newest first.</summary>
    public static async Task<IReadOnlyList<IncidentSummaryRow>> OpenAsync(SqliteConnection connection, int limit, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM incidents WHERE status <> 'closed' ORDER BY number DESC LIMIT @limit;", new { limit }, cancellationToken: cancellationToken)))
            .Select(r => r.ToSummary())];

    /// <summary>One member of staff's own reports (by their channel id or Entra object id), newest first.</summary>
    public static async Task<IReadOnlyList<IncidentSummaryRow>> ReportedByAsync(SqliteConnection connection, string userId, string? aadObjectId, int limit, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM incidents WHERE reporter_id = @userId OR (@aadObjectId IS NOT NULL AND reporter_aad_object_id = @aadObjectId) ORDER BY number DESC LIMIT @limit;",
            new { userId, aadObjectId, limit }, cancellationToken: cancellationToken)))
            .Select(r => r.ToSummary())];

    /// <summary>Incidents opened in [from, to), oldest first.</summary>
    public static async Task<IReadOnlyList<IncidentSummaryRow>> OpenedBetweenAsync(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM incidents WHERE opened_at >= @from AND opened_at < @to ORDER BY number;",
            new { from = StoredTime.Format(from), to = StoredTime.Format(to) }, cancellationToken: cancellationToken)))
            .Select(r => r.ToSummary())];

    private sealed record Row(
        long Number, string Id, string ReporterId, string? ReporterAadObjectId, string? ReporterName, string? ReporterConversationId,
        string? ProtocolId, string? Level, string Status, string OpenedAt, string? CompletedAt, string? ClosedAt, string? PersonalPurgedAt)
    {
        public IncidentSummaryRow ToSummary() => new(
            Number, Id, ReporterId, ReporterAadObjectId, ReporterName, ReporterConversationId, ProtocolId, Level, Status,
            StoredTime.Parse(OpenedAt), StoredTime.ParseOrNull(CompletedAt), StoredTime.ParseOrNull(ClosedAt), StoredTime.ParseOrNull(PersonalPurgedAt));
    }
}
