using Dapper;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Protocols;
using TriageBot.Storage.Sqlite;

namespace TriageBot.References;

/// <summary>
/// Where to post in the rota's safeguarding channel: the reference stored when the bot last heard from the channel,
/// else Teams' global connector address with the channel's conversation id (set by IT in rota.yaml).
/// </summary>
public sealed class SafeguardingChannelReference(SqliteDatabase database, ProtocolCatalog catalog)
{
    /// <summary>Used when the bot has never heard from the safeguarding channel (Teams' global connector address).</summary>
    public const string DefaultTeamsServiceUrl = "https://smba.trafficmanager.net/teams/";

    public bool IsSet => catalog.Rota.Channel.IsSet;

    public async Task<ConversationReference> GetAsync(CancellationToken cancellationToken)
    {
        var channel = catalog.Rota.Channel;
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT reference_json FROM known_conversations WHERE conversation_id = @ConversationId ORDER BY updated_at DESC LIMIT 1;",
            new { channel.ConversationId }, cancellationToken: cancellationToken));
        return json is not null
            ? System.Text.Json.JsonSerializer.Deserialize<ConversationReference>(json, ActivityJson.Options)!
            : new ConversationReference(DefaultTeamsServiceUrl, "msteams", new ConversationAccount { Id = channel.ConversationId, IsGroup = true }, null, null, null, null);
    }
}
