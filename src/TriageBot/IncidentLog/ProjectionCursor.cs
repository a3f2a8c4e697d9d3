using System.Data.Common;
using Dapper;

namespace TriageBot.IncidentLog;

/// <summary>
/// A projection's place in the incident log (table projection_cursor), and the events after it. Projections read and
/// move their cursor inside the transaction that writes what they made of the events, so a crash neither skips nor
/// repeats one.
/// </summary>
public static class ProjectionCursor
{
    public static async Task<long> ReadAsync(DbConnection connection, DbTransaction? transaction, string name, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT last_sequence FROM projection_cursor WHERE name = @name;", new { name }, transaction, cancellationToken: cancellationToken)) ?? 0;

    public static Task MoveAsync(DbConnection connection, DbTransaction transaction, string name, long lastSequence, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO projection_cursor (name, last_sequence) VALUES (@name, @lastSequence)
            ON CONFLICT (name) DO UPDATE SET last_sequence = excluded.last_sequence;
            """,
            new { name, lastSequence }, transaction, cancellationToken: cancellationToken));

    /// <summary>Up to <paramref name="batch"/> events after <paramref name="after"/> and at most <paramref name="upTo"/>, in order.</summary>
    public static async Task<IReadOnlyList<ProjectedEvent>> EventsAsync(
        DbConnection connection, DbTransaction transaction, long after, long upTo, int batch, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<ProjectedEvent>(new CommandDefinition(
            """
            SELECT sequence AS Sequence, incident_id AS IncidentId, type AS Type, actor_id AS ActorId,
                   actor_aad_object_id AS ActorAadObjectId, actor_name AS ActorName, occurred_at AS OccurredAt, data_json AS DataJson
            FROM incident_events WHERE sequence > @after AND sequence <= @upTo ORDER BY sequence LIMIT @batch;
            """,
            new { after, upTo, batch }, transaction, cancellationToken: cancellationToken))];
}

/// <summary>An event as projections read it: no personal data, no hashes.</summary>
public sealed record ProjectedEvent(long Sequence, string IncidentId, string Type, string ActorId, string? ActorAadObjectId, string? ActorName, string OccurredAt, string DataJson);
