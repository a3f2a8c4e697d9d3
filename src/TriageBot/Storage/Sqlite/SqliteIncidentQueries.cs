using Dapper;
using Microsoft.Data.Sqlite;
using TriageBot.Incidents;

namespace TriageBot.Storage.Sqlite;

/// <summary>Reads of the incident register (table incidents) on SQLite, each on a pooled connection or the caller's unit.</summary>
public sealed class SqliteIncidentQueries(SqliteDatabase database) : IIncidentQueries
{
    private const string Columns = """
        number AS Number, id AS Id, reporter_id AS ReporterId, reporter_aad_object_id AS ReporterAadObjectId,
        reporter_name AS ReporterName, reporter_conversation_id AS ReporterConversationId, protocol_id AS ProtocolId,
        level AS Level, status AS Status, opened_at AS OpenedAt, completed_at AS CompletedAt, closed_at AS ClosedAt,
        personal_purged_at AS PersonalPurgedAt
        """;

    public async Task<IncidentSummaryRow?> ByNumberAsync(long number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM incidents WHERE number = @number;", new { number }, cancellationToken: cancellationToken)))?.ToSummary();
    }

    public async Task<IncidentSummaryRow?> ByIdAsync(string id, IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {Columns} FROM incidents WHERE id = @id;";
        if (transaction is not null)
        {
            var write = SqliteWrite.From(transaction);
            return (await write.Connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
                sql, new { id }, write.Transaction, cancellationToken: write.CancellationToken)))?.ToSummary();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken)))?.ToSummary();
    }

    public async Task<IncidentOpenWork> OpenWorkAsync(string id, IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT (SELECT COUNT(*) FROM escalations WHERE incident_id = @id AND status = 'open'),
                   (SELECT COUNT(*) FROM follow_ups WHERE incident_id = @id AND status = 'open');
            """;
        if (transaction is not null)
        {
            // Asked for nearly every event a projection passes: prepared on the writer's connection.
            var write = SqliteWrite.From(transaction);
            return await ReadAsync(write.Connection.Prepared(write.Transaction, sql).With("@id", id), write.CancellationToken);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await ReadAsync(command.With("@id", id), cancellationToken);

        static async Task<IncidentOpenWork> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new IncidentOpenWork(reader.GetInt64(0), reader.GetInt64(1));
        }
    }

    public async Task<long> CountNotClosedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM incidents WHERE status <> 'closed';", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<IncidentSummaryRow>> OpenAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM incidents WHERE status <> 'closed' ORDER BY number DESC LIMIT @limit;", new { limit }, cancellationToken: cancellationToken)))
            .Select(r => r.ToSummary())];
    }

    public async Task<IReadOnlyList<IncidentSummaryRow>> ReportedByAsync(string userId, string? aadObjectId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM incidents WHERE reporter_id = @userId OR (@aadObjectId IS NOT NULL AND reporter_aad_object_id = @aadObjectId) ORDER BY number DESC LIMIT @limit;",
            new { userId, aadObjectId, limit }, cancellationToken: cancellationToken)))
            .Select(r => r.ToSummary())];
    }

    public async Task<IReadOnlyList<IncidentSummaryRow>> OpenedBetweenAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM incidents WHERE opened_at >= @from AND opened_at < @to ORDER BY number;",
            new { from = StoredTime.Format(from), to = StoredTime.Format(until) }, cancellationToken: cancellationToken)))
            .Select(r => r.ToSummary())];
    }

    public async Task<IReadOnlyDictionary<string, long>> OpenFollowUpCountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string IncidentId, long Count)>(new CommandDefinition(
            "SELECT incident_id, COUNT(*) FROM follow_ups WHERE status = 'open' GROUP BY incident_id;", cancellationToken: cancellationToken)))
            .ToDictionary(r => r.IncidentId, r => r.Count, StringComparer.Ordinal);
    }

    private sealed record Row(
        long Number, string Id, string ReporterId, string? ReporterAadObjectId, string? ReporterName, string? ReporterConversationId,
        string? ProtocolId, string? Level, string Status, string OpenedAt, string? CompletedAt, string? ClosedAt, string? PersonalPurgedAt)
    {
        public IncidentSummaryRow ToSummary() => new(
            Number, Id, ReporterId, ReporterAadObjectId, ReporterName, ReporterConversationId, ProtocolId, Level, Status,
            StoredTime.Parse(OpenedAt), StoredTime.ParseOrNull(CompletedAt), StoredTime.ParseOrNull(ClosedAt), StoredTime.ParseOrNull(PersonalPurgedAt));
    }
}
