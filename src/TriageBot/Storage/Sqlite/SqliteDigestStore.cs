using System.Globalization;
using TriageBot.FollowUps;

namespace TriageBot.Storage.Sqlite;

/// <summary>The digests made, a row per day and person in table digests; the primary key lets only the first in.</summary>
public sealed class SqliteDigestStore : IDigestStore
{
    public async Task<bool> MarkMadeAsync(IStoreTransaction transaction, DateOnly day, string personId, DateTimeOffset at)
    {
        var write = SqliteWrite.From(transaction);
        return await write.Connection.Prepared(write.Transaction,
                "INSERT INTO digests (day, person_id, sent_at) VALUES (@day, @personId, @at) ON CONFLICT DO NOTHING;")
            .With("@day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With("@personId", personId)
            .With("@at", StoredTime.Format(at))
            .ExecuteNonQueryAsync(write.CancellationToken) == 1;
    }
}
