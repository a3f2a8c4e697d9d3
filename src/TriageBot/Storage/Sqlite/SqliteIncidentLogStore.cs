using System.Runtime.CompilerServices;
using Dapper;
using TriageBot.IncidentLog;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// The incident log's rows in incident_events (<see cref="SqliteIncidentLogTable"/>). The tail needs no lock of its
/// own: every write runs in the writer's BEGIN IMMEDIATE transaction, which holds the file's write lock.
/// </summary>
public sealed class SqliteIncidentLogStore(SqliteDatabase database) : IIncidentLogStore
{
    private const string Columns = """
        sequence AS Sequence, incident_id AS IncidentId, type AS Type, actor_id AS ActorId, actor_aad_object_id AS ActorAadObjectId,
        actor_name AS ActorName, occurred_at AS OccurredAt, recorded_at AS RecordedAt, data_json AS DataJson,
        personal_protected AS PersonalProtected, previous_hash AS PreviousHash, hash AS Hash
        """;

    private const string InsertSql = """
        INSERT INTO incident_events (sequence, incident_id, type, actor_id, actor_aad_object_id, actor_name, occurred_at,
                                     recorded_at, data_json, personal_protected, previous_hash, hash)
        VALUES (@Sequence, @IncidentId, @Type, @ActorId, @ActorAadObjectId, @ActorName, @OccurredAt,
                @RecordedAt, @DataJson, @PersonalProtected, @PreviousHash, @Hash);
        """;

    public async Task<ChainTail> LockTailAsync(IStoreTransaction transaction)
    {
        var write = SqliteWrite.From(transaction);
        await using var reader = await write.Connection.Prepared(write.Transaction, "SELECT sequence, hash FROM incident_events ORDER BY sequence DESC LIMIT 1;")
            .ExecuteReaderAsync(write.CancellationToken);
        return await reader.ReadAsync(write.CancellationToken)
            ? new ChainTail(reader.GetInt64(0), reader.GetString(1))
            : new ChainTail(0, EventHash.Genesis);
    }

    public async Task<string?> FirstDataAsync(IStoreTransaction transaction, string incidentId, string type)
    {
        var write = SqliteWrite.From(transaction);
        return await write.Connection.Prepared(write.Transaction,
                "SELECT data_json FROM incident_events WHERE incident_id = @incidentId AND type = @type ORDER BY sequence LIMIT 1;")
            .With("@incidentId", incidentId).With("@type", type)
            .ExecuteScalarAsync(write.CancellationToken) as string;
    }

    public Task InsertAsync(IStoreTransaction transaction, StoredEvent stored)
    {
        var write = SqliteWrite.From(transaction);
        return write.Connection.Prepared(write.Transaction, InsertSql)
            .With("@Sequence", stored.Sequence)
            .With("@IncidentId", stored.IncidentId)
            .With("@Type", stored.Type)
            .With("@ActorId", stored.ActorId)
            .With("@ActorAadObjectId", stored.ActorAadObjectId)
            .With("@ActorName", stored.ActorName)
            .With("@OccurredAt", stored.OccurredAt)
            .With("@RecordedAt", stored.RecordedAt)
            .With("@DataJson", stored.DataJson)
            .With("@PersonalProtected", stored.PersonalProtected)
            .With("@PreviousHash", stored.PreviousHash)
            .With("@Hash", stored.Hash)
            .ExecuteNonQueryAsync(write.CancellationToken);
    }

    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(sequence) FROM incident_events;", cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadIncidentAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<StoredEvent>(new CommandDefinition(
            $"SELECT {Columns} FROM incident_events WHERE incident_id = @incidentId ORDER BY sequence;",
            new { incidentId }, cancellationToken: cancellationToken))];
    }

    public async IAsyncEnumerable<StoredEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {Columns} FROM incident_events ORDER BY sequence;", cancellationToken: cancellationToken));
        var parser = reader.GetRowParser<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return parser(reader);
        }
    }
}
