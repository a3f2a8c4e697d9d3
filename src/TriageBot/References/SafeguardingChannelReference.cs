using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Protocols;

namespace TriageBot.References;

/// <summary>
/// Where to post in the rota's safeguarding channel: the reference stored when the bot last heard from the channel,
/// else Teams' global connector address with the channel's conversation id (set by IT in rota.yaml).
/// </summary>
public sealed class SafeguardingChannelReference(IKnownConversationStore conversations, ProtocolCatalog catalog)
{
    /// <summary>Used when the bot has never heard from the safeguarding channel (Teams' global connector address).</summary>
    public const string DefaultTeamsServiceUrl = "https://smba.trafficmanager.net/teams/";

    public bool IsSet => catalog.Rota.Channel.IsSet;

    public async Task<ConversationReference> GetAsync(CancellationToken cancellationToken)
    {
        var channel = catalog.Rota.Channel;
        return (channel.ConversationId is null ? null : await conversations.FindReferenceAsync(channel.ConversationId, null, cancellationToken))
            ?? new ConversationReference(DefaultTeamsServiceUrl, "msteams", new ConversationAccount { Id = channel.ConversationId, IsGroup = true }, null, null, null, null);
    }
}
