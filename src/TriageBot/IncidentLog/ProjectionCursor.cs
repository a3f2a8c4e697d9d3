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

    /// <summary>
    /// The next <paramref name="batch"/> events after <paramref name="after"/> (and at most <paramref name="upTo"/>), of
    /// which only those of the given <paramref name="types"/> are read, in order. A projection moves its cursor to
    /// <see cref="ProjectedBatch.LastScanned"/>, so events it has no use for are passed over without being read.
    /// </summary>
    public static async Task<ProjectedBatch> EventsAsync(
        DbConnection connection, DbTransaction transaction, long after, long upTo, int batch, IReadOnlyCollection<string> types, CancellationToken cancellationToken)
    {
        var scanned = await connection.QuerySingleAsync<(long Count, long? Last)>(new CommandDefinition(
            """
            SELECT COUNT(*), MAX(sequence) FROM (
                SELECT sequence FROM incident_events WHERE sequence > @after AND sequence <= @upTo ORDER BY sequence LIMIT @batch);
            """,
            new { after, upTo, batch }, transaction, cancellationToken: cancellationToken));
        if (scanned.Last is not { } last)
        {
            return new ProjectedBatch([], 0, after);
        }

        IReadOnlyList<ProjectedEvent> events = [.. await connection.QueryAsync<ProjectedEvent>(new CommandDefinition(
            """
            SELECT sequence AS Sequence, incident_id AS IncidentId, type AS Type, actor_id AS ActorId,
                   actor_aad_object_id AS ActorAadObjectId, actor_name AS ActorName, occurred_at AS OccurredAt, data_json AS DataJson
            FROM incident_events WHERE sequence > @after AND sequence <= @last AND type IN @types ORDER BY sequence;
            """,
            new { after, last, types }, transaction, cancellationToken: cancellationToken))];
        return new ProjectedBatch(events, (int)scanned.Count, last);
    }
}

/// <summary>What a projection read of the log: the events it wanted, how many it passed, and the last one passed.</summary>
public sealed record ProjectedBatch(IReadOnlyList<ProjectedEvent> Events, int Scanned, long LastScanned);

/// <summary>An event as projections read it: no personal data, no hashes.</summary>
public sealed record ProjectedEvent(long Sequence, string IncidentId, string Type, string ActorId, string? ActorAadObjectId, string? ActorName, string OccurredAt, string DataJson);
