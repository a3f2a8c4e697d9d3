using System.Globalization;
using Dapper;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Conversation state in SQLite, one row per conversation with a version number checked on every save. What was last
/// saved is also kept in memory (<see cref="ConversationStateCache"/>), so a turn reads its state from the store only
/// when this process has not saved it lately.
/// </summary>
public sealed class SqliteConversationStateStore(
    SqliteDatabase database, SqliteWriter writer, ConversationStateCache cache, Escalations.IIncidentLogWriter log, TimeProvider timeProvider) : IConversationStateStore
{
    public async Task<StoredDialogState> LoadAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        if (cache.TryGet(key, out var cachedJson, out var cachedVersion))
        {
            return new StoredDialogState(DialogStateJson.Deserialize(cachedJson), cachedVersion);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            """
            SELECT state_json AS StateJson, version AS Version
            FROM conversation_state WHERE channel_id = @ChannelId AND conversation_id = @ConversationId;
            """,
            new { key.ChannelId, key.ConversationId }, cancellationToken: cancellationToken));

        if (row is null)
        {
            return StoredDialogState.New();
        }

        cache.Set(key, row.StateJson, row.Version);
        return new StoredDialogState(DialogStateJson.Deserialize(row.StateJson), row.Version);
    }

    public async Task<bool> TrySaveAsync(ConversationKey key, DialogState state, long expectedVersion, IReadOnlyList<Dialogs.Incidents.IncidentEvent> events, CancellationToken cancellationToken)
    {
        var stateJson = DialogStateJson.Serialize(state);
        var updatedAt = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var sql = expectedVersion == 0
            ? """
              INSERT INTO conversation_state (channel_id, conversation_id, state_json, version, updated_at)
              VALUES (@ChannelId, @ConversationId, @StateJson, 1, @UpdatedAt)
              ON CONFLICT (channel_id, conversation_id) DO NOTHING;
              """
            : """
              UPDATE conversation_state
              SET state_json = @StateJson, version = version + 1, updated_at = @UpdatedAt
              WHERE channel_id = @ChannelId AND conversation_id = @ConversationId AND version = @ExpectedVersion;
              """;

        // The writer's transaction holds the write lock, so the version check and the log's last hash cannot move under us.
        var saved = await writer.WriteAsync(async write =>
        {
            var changed = await write.Connection.Prepared(write.Transaction, sql)
                .With("@ChannelId", key.ChannelId)
                .With("@ConversationId", key.ConversationId)
                .With("@StateJson", stateJson)
                .With("@UpdatedAt", updatedAt)
                .With("@ExpectedVersion", expectedVersion)
                .ExecuteNonQueryAsync(write.CancellationToken);
            if (changed != 1)
            {
                return false;
            }

            await log.AppendAsync(write, events);
            return true;
        }, cancellationToken);

        // Saved: the next turn starts from this. Not saved: someone else's is newer, so the next load reads the store.
        if (saved)
        {
            cache.Set(key, stateJson, expectedVersion + 1);
        }
        else
        {
            cache.Remove(key);
        }

        return saved;
    }

    private sealed record StateRow(string StateJson, long Version);
}
