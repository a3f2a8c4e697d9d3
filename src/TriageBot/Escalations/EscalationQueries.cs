using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;

namespace TriageBot.Escalations;

/// <summary>Reads escalations, inside a caller's transaction or on their own.</summary>
internal static class EscalationQueries
{
    private const string Columns = """
        id AS Id, incident_id AS IncidentId, protocol_id AS ProtocolId, level AS Level, reason AS Reason,
        requested_at AS RequestedAt, reporter_id AS ReporterId, reporter_name AS ReporterName,
        reporter_conversation_id AS ReporterConversationId, chain_json AS ChainJson, recipient_index AS RecipientIndex,
        deadline AS Deadline, status AS Status, decision_json AS DecisionJson, decided_at AS DecidedAt, version AS Version
        """;

    public static async Task<EscalationRecord?> OpenForIncidentAsync(DbConnection connection, DbTransaction? transaction, string incidentId, CancellationToken cancellationToken) =>
        (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM escalations WHERE incident_id = @incidentId AND status = 'open' ORDER BY requested_at LIMIT 1;",
            new { incidentId }, transaction, cancellationToken: cancellationToken)))?.ToRecord();

    public static async Task<EscalationRecord?> GetAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken) =>
        (await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM escalations WHERE id = @id;", new { id }, transaction, cancellationToken: cancellationToken)))?.ToRecord();

    public static async Task<IReadOnlyList<EscalationRecord>> OpenPastDeadlineAsync(DbConnection connection, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM escalations WHERE status = 'open' AND deadline <= @now ORDER BY deadline;",
            new { now = EscalationProjector.Stamp(now) }, cancellationToken: cancellationToken))).Select(r => r.ToRecord()).ToList();

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
