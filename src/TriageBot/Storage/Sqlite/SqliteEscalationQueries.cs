using System.Globalization;
using System.Text.Json;
using Dapper;
using TriageBot.Escalations;

namespace TriageBot.Storage.Sqlite;

/// <summary>Reads of the escalations table on SQLite, each on a pooled connection or the caller's unit.</summary>
public sealed class SqliteEscalationQueries(SqliteDatabase database) : IEscalationQueries
{
    private const string Columns = """
        id AS Id, incident_id AS IncidentId, protocol_id AS ProtocolId, level AS Level, reason AS Reason,
        requested_at AS RequestedAt, reporter_id AS ReporterId, reporter_name AS ReporterName,
        reporter_conversation_id AS ReporterConversationId, chain_json AS ChainJson, recipient_index AS RecipientIndex,
        deadline AS Deadline, status AS Status, decision_json AS DecisionJson, decided_at AS DecidedAt, version AS Version
        """;

    public Task<EscalationRecord?> OpenForIncidentAsync(string incidentId, IStoreTransaction? transaction, CancellationToken cancellationToken) =>
        FirstAsync($"SELECT {Columns} FROM escalations WHERE incident_id = @incidentId AND status = 'open' ORDER BY requested_at LIMIT 1;",
            new { incidentId }, transaction, cancellationToken);

    public Task<EscalationRecord?> GetAsync(string id, IStoreTransaction? transaction, CancellationToken cancellationToken) =>
        FirstAsync($"SELECT {Columns} FROM escalations WHERE id = @id;", new { id }, transaction, cancellationToken);

    public async Task<IReadOnlyList<EyesOnCheckDue>> EyesOnDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<(string Id, string EyesOnDue, string? ReporterConversationId, string ReporterId)>(new CommandDefinition(
                "SELECT id, eyes_on_due, reporter_conversation_id, reporter_id FROM escalations WHERE status = 'open' AND eyes_on_due IS NOT NULL AND eyes_on_due <= @now;",
                new { now = StoredTime.Format(now) }, cancellationToken: cancellationToken)))
            .Select(r => new EyesOnCheckDue(r.Id, DateTimeOffset.Parse(r.EyesOnDue, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), r.ReporterConversationId, r.ReporterId))];
    }

    public async Task<bool> HasQuestionPendingAsync(string reporterId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM escalations WHERE question_pending = 1 AND reporter_id = @reporterId AND reporter_conversation_id = @conversationId;",
            new { reporterId, conversationId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<EscalationCard>> CardsAsync(string escalationId, IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT escalation_id AS EscalationId, person_id AS PersonId, service_url AS ServiceUrl, conversation_id AS ConversationId,
                   activity_id AS ActivityId, posted_at AS PostedAt
            FROM escalation_cards WHERE escalation_id = @escalationId;
            """;
        if (transaction is not null)
        {
            var write = SqliteWrite.From(transaction);
            return [.. (await write.Connection.QueryAsync<CardRow>(new CommandDefinition(
                sql, new { escalationId }, write.Transaction, cancellationToken: write.CancellationToken))).Select(r => r.ToCard())];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<CardRow>(new CommandDefinition(sql, new { escalationId }, cancellationToken: cancellationToken))).Select(r => r.ToCard())];
    }

    public async Task<IReadOnlyList<EscalationRecord>> OpenPastDeadlineAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM escalations WHERE status = 'open' AND deadline <= @now ORDER BY deadline;",
            new { now = StoredTime.Format(now) }, cancellationToken: cancellationToken))).Select(r => r.ToRecord())];
    }

    private async Task<EscalationRecord?> FirstAsync(string sql, object parameters, IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            var write = SqliteWrite.From(transaction);
            return (await write.Connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
                sql, parameters, write.Transaction, cancellationToken: write.CancellationToken)))?.ToRecord();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))?.ToRecord();
    }

    private sealed record CardRow(string EscalationId, string? PersonId, string ServiceUrl, string ConversationId, string ActivityId, string PostedAt)
    {
        public EscalationCard ToCard() => new(EscalationId, PersonId, ServiceUrl, ConversationId, ActivityId,
            DateTimeOffset.Parse(PostedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    private sealed record Row(
        string Id, string IncidentId, string? ProtocolId, string Level, string Reason, string RequestedAt, string ReporterId,
        string? ReporterName, string? ReporterConversationId, string ChainJson, long RecipientIndex, string Deadline,
        string Status, string? DecisionJson, string? DecidedAt, long Version)
    {
        public EscalationRecord ToRecord() => new(
            Id, IncidentId, ProtocolId, Level, Reason, Parse(RequestedAt), ReporterId, ReporterName, ReporterConversationId,
            JsonSerializer.Deserialize<List<string>>(ChainJson) ?? [], (int)RecipientIndex, Parse(Deadline), Status, DecisionJson,
            DecidedAt is null ? null : Parse(DecidedAt), Version);

        private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
