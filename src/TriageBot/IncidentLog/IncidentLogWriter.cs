using System.Data.Common;
using System.Globalization;
using TriageBot.Dialogs.Incidents;
using TriageBot.Escalations;
using TriageBot.Storage.Sqlite;

namespace TriageBot.IncidentLog;

/// <summary>
/// Appends events to the log inside the caller's transaction (the turn's, or a decision's), each chained to the one
/// before. The caller's transaction must hold the write lock (BEGIN IMMEDIATE), so the last hash read here is still
/// the last when the new rows are written, across processes too.
/// </summary>
public sealed class IncidentLogWriter(PersonalDataProtector protector, TimeProvider time) : IIncidentLogWriter
{
    public async Task AppendAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<IncidentEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        long sequence = 0;
        var previous = EventHash.Genesis;
        await using (var reader = await connection.Prepared(transaction, "SELECT sequence, hash FROM incident_events ORDER BY sequence DESC LIMIT 1;")
                         .ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                sequence = reader.GetInt64(0);
                previous = reader.GetString(1);
            }
        }

        var recordedAt = Stamp(time.GetUtcNow());
        foreach (var recorded in events)
        {
            sequence++;
            var personal = await protector.ProtectAsync(connection, transaction, recorded.IncidentId, recorded.Personal, cancellationToken);
            var unhashed = new StoredEvent(
                sequence,
                recorded.IncidentId,
                recorded.Type,
                recorded.Actor.Id,
                recorded.Actor.AadObjectId,
                recorded.Actor.Name,
                Stamp(recorded.At),
                recordedAt,
                recorded.Data.ToJsonString(),
                personal,
                previous,
                string.Empty);
            var stored = unhashed with { Hash = EventHash.Of(unhashed) };
            await connection.Prepared(transaction, InsertSql)
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
                .ExecuteNonQueryAsync(cancellationToken);
            previous = stored.Hash;
        }
    }

    private const string InsertSql = """
        INSERT INTO incident_events (sequence, incident_id, type, actor_id, actor_aad_object_id, actor_name, occurred_at,
                                     recorded_at, data_json, personal_protected, previous_hash, hash)
        VALUES (@Sequence, @IncidentId, @Type, @ActorId, @ActorAadObjectId, @ActorName, @OccurredAt,
                @RecordedAt, @DataJson, @PersonalProtected, @PreviousHash, @Hash);
        """;

    public static string Stamp(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
