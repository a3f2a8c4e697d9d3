using Dapper;
using TriageBot.Outcomes;

namespace TriageBot.Storage.Sqlite;

/// <summary>The outcomes page's facts from incidents, escalations and follow_ups on SQLite, on one connection.</summary>
public sealed class SqliteOutcomeFacts(SqliteDatabase database) : IOutcomeFacts
{
    public async Task<OutcomeFacts> ReadAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var range = new { from = StoredTime.Format(from), to = StoredTime.Format(until) };
        await using var connection = await database.OpenAsync(cancellationToken);
        var incidents = await connection.QueryAsync<(string Id, string? ProtocolId, string? Level)>(new CommandDefinition(
            "SELECT id, protocol_id, level FROM incidents WHERE opened_at >= @from AND opened_at < @to;", range, cancellationToken: cancellationToken));
        var escalations = await connection.QueryAsync<(string IncidentId, string RequestedAt, string? DecidedAt)>(new CommandDefinition(
            """
            SELECT e.incident_id, e.requested_at, e.decided_at FROM escalations e
            JOIN incidents i ON i.id = e.incident_id WHERE i.opened_at >= @from AND i.opened_at < @to;
            """,
            range, cancellationToken: cancellationToken));
        var tasks = await connection.QueryAsync<(string RuleId, string Status, string DueAt, string? DoneAt)>(new CommandDefinition(
            """
            SELECT f.rule_id, f.status, f.due_at, f.done_at FROM follow_ups f
            JOIN incidents i ON i.id = f.incident_id WHERE i.opened_at >= @from AND i.opened_at < @to;
            """,
            range, cancellationToken: cancellationToken));
        return new OutcomeFacts(
            [.. incidents.Select(i => new OutcomeIncident(i.Id, i.ProtocolId, i.Level))],
            [.. escalations.Select(e => new OutcomeEscalation(e.IncidentId, StoredTime.Parse(e.RequestedAt), StoredTime.ParseOrNull(e.DecidedAt)))],
            [.. tasks.Select(t => new OutcomeTask(t.RuleId, t.Status, StoredTime.Parse(t.DueAt), StoredTime.ParseOrNull(t.DoneAt)))]);
    }
}
