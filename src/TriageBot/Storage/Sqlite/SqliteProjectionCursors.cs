using Dapper;
using TriageBot.IncidentLog;

namespace TriageBot.Storage.Sqlite;

/// <summary>Projection cursors in projection_cursor, and the log's events after them, on SQLite.</summary>
public sealed class SqliteProjectionCursors(SqliteDatabase database) : IProjectionCursors
{
    private const string ReadSql = "SELECT last_sequence FROM projection_cursor WHERE name = @name;";

    public async Task<long> ReadAsync(string name, IStoreTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            var write = SqliteWrite.From(transaction);
            return await write.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                ReadSql, new { name }, write.Transaction, cancellationToken: write.CancellationToken)) ?? 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(ReadSql, new { name }, cancellationToken: cancellationToken)) ?? 0;
    }

    public Task MoveAsync(IStoreTransaction transaction, string name, long lastSequence)
    {
        var write = SqliteWrite.From(transaction);
        return write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO projection_cursor (name, last_sequence) VALUES (@name, @lastSequence)
            ON CONFLICT (name) DO UPDATE SET last_sequence = excluded.last_sequence;
            """,
            new { name, lastSequence }, write.Transaction, cancellationToken: write.CancellationToken));
    }

    public async Task<ProjectedBatch> EventsAsync(IStoreTransaction transaction, long after, long upTo, int batch, IReadOnlyCollection<string> types)
    {
        var write = SqliteWrite.From(transaction);
        var scanned = await write.Connection.QuerySingleAsync<(long Count, long? Last)>(new CommandDefinition(
            """
            SELECT COUNT(*), MAX(sequence) FROM (
                SELECT sequence FROM incident_events WHERE sequence > @after AND sequence <= @upTo ORDER BY sequence LIMIT @batch);
            """,
            new { after, upTo, batch }, write.Transaction, cancellationToken: write.CancellationToken));
        if (scanned.Last is not { } last)
        {
            return new ProjectedBatch([], 0, after);
        }

        IReadOnlyList<ProjectedEvent> events = [.. await write.Connection.QueryAsync<ProjectedEvent>(new CommandDefinition(
            """
            SELECT sequence AS Sequence, incident_id AS IncidentId, type AS Type, actor_id AS ActorId,
                   actor_aad_object_id AS ActorAadObjectId, actor_name AS ActorName, occurred_at AS OccurredAt, data_json AS DataJson
            FROM incident_events WHERE sequence > @after AND sequence <= @last AND type IN @types ORDER BY sequence;
            """,
            new { after, last, types }, write.Transaction, cancellationToken: write.CancellationToken))];
        return new ProjectedBatch(events, (int)scanned.Count, last);
    }
}
