using System.Globalization;
using System.Text.Json;
using Dapper;
using TriageBot.Connector.Schema;
using TriageBot.References;

namespace TriageBot.Storage.Sqlite;

/// <summary>Conversation references in SQLite (table known_conversations, see <see cref="KnownConversationTable"/>).</summary>
public sealed class SqliteKnownConversationStore(SqliteDatabase database, SqliteWriter writer) : IKnownConversationStore
{
    public async Task UpsertAsync(KnownConversation conversation, CancellationToken cancellationToken)
    {
        var referenceJson = JsonSerializer.Serialize(conversation.Reference, ActivityJson.Options);

        // Every activity brings its reference: write only when something changed or the row is an hour old, so a
        // conversation's turns do not each pay for a second write.
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var stored = await connection.QueryFirstOrDefaultAsync<(string ReferenceJson, string? UserName, string? AadObjectId, string UpdatedAt)?>(new CommandDefinition(
            "SELECT reference_json, user_name, aad_object_id, updated_at FROM known_conversations WHERE channel_id = @ChannelId AND conversation_id = @ConversationId AND user_id = @UserId;",
            new { conversation.ChannelId, ConversationId = conversation.Reference.Conversation.Id, conversation.UserId }, cancellationToken: cancellationToken));
            if (stored is { } row && row.ReferenceJson == referenceJson && row.UserName == conversation.UserName
                && (conversation.AadObjectId is null || row.AadObjectId == conversation.AadObjectId)
                && DateTimeOffset.TryParse(row.UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var updated)
                && conversation.UpdatedAt - updated < TimeSpan.FromHours(1))
            {
                return;
            }
        }

        await writer.WriteAsync(write => write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO known_conversations
                (channel_id, conversation_id, user_id, aad_object_id, user_name, tenant_id, is_personal, reference_json, updated_at)
            VALUES (@ChannelId, @ConversationId, @UserId, @AadObjectId, @UserName, @TenantId, @IsPersonal, @ReferenceJson, @UpdatedAt)
            ON CONFLICT (channel_id, conversation_id, user_id) DO UPDATE SET
                aad_object_id = COALESCE(excluded.aad_object_id, aad_object_id),
                user_name = excluded.user_name,
                tenant_id = COALESCE(excluded.tenant_id, tenant_id),
                is_personal = excluded.is_personal,
                reference_json = excluded.reference_json,
                updated_at = excluded.updated_at;
            """,
            new
            {
                conversation.ChannelId,
                ConversationId = conversation.Reference.Conversation.Id,
                conversation.UserId,
                conversation.AadObjectId,
                conversation.UserName,
                conversation.TenantId,
                IsPersonal = conversation.IsPersonal ? 1 : 0,
                ReferenceJson = referenceJson,
                UpdatedAt = conversation.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            },
            write.Transaction,
            cancellationToken: write.CancellationToken)), cancellationToken);
    }

    public async Task<KnownConversation?> FindPersonalAsync(string? aadObjectId, string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(aadObjectId) && string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT channel_id AS ChannelId, user_id AS UserId, aad_object_id AS AadObjectId, email AS Email, user_name AS UserName,
                   tenant_id AS TenantId, is_personal AS IsPersonal, reference_json AS ReferenceJson, updated_at AS UpdatedAt
            FROM known_conversations
            WHERE is_personal = 1
              AND ((@AadObjectId IS NOT NULL AND aad_object_id = @AadObjectId COLLATE NOCASE)
                OR (@Email IS NOT NULL AND email = @Email COLLATE NOCASE))
            ORDER BY updated_at DESC
            LIMIT 1;
            """,
            new { AadObjectId = NullIfBlank(aadObjectId), Email = NullIfBlank(email) },
            cancellationToken: cancellationToken));
        return row?.ToKnownConversation();
    }

    public async Task<bool> HasEmailAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM known_conversations WHERE channel_id = @channelId AND user_id = @userId AND email IS NOT NULL;",
            new { channelId, userId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task SetEmailAsync(string channelId, string userId, string email, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(write => write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE known_conversations SET email = @email WHERE channel_id = @channelId AND user_id = @userId;",
            new { channelId, userId, email }, write.Transaction, cancellationToken: write.CancellationToken)), cancellationToken);
    }

    public async Task<ConversationReference?> FindReferenceAsync(string conversationId, string? userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT reference_json FROM known_conversations WHERE conversation_id = @conversationId AND (@userId IS NULL OR user_id = @userId) ORDER BY updated_at DESC LIMIT 1;",
            new { conversationId, userId }, cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<ConversationReference>(json, ActivityJson.Options);
    }

    public async Task<string?> LatestTenantIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT tenant_id FROM known_conversations WHERE tenant_id IS NOT NULL ORDER BY updated_at DESC LIMIT 1;", cancellationToken: cancellationToken));
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private sealed record Row(string ChannelId, string UserId, string? AadObjectId, string? Email, string? UserName, string? TenantId, long IsPersonal, string ReferenceJson, string UpdatedAt)
    {
        public KnownConversation ToKnownConversation() => new(
            ChannelId,
            UserId,
            AadObjectId,
            Email,
            UserName,
            TenantId,
            IsPersonal == 1,
            JsonSerializer.Deserialize<ConversationReference>(ReferenceJson, ActivityJson.Options)!,
            DateTimeOffset.Parse(UpdatedAt, CultureInfo.InvariantCulture));
    }
}
