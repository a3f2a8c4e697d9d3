using TriageBot.Connector.Schema;

namespace TriageBot.References;

/// <summary>Where conversation references are kept, so escalations and reminders can reach people who are not talking now.</summary>
public interface IKnownConversationStore
{
    /// <summary>Saves or refreshes the reference (keyed by channel, conversation and user).</summary>
    Task UpsertAsync(KnownConversation conversation, CancellationToken cancellationToken);

    /// <summary>The person's 1:1 conversation with the bot, found by Entra object id or by email (either may be null).</summary>
    Task<KnownConversation?> FindPersonalAsync(string? aadObjectId, string? email, CancellationToken cancellationToken);

    /// <summary>The person's email is learned once from the channel's member list; null until then.</summary>
    Task<bool> HasEmailAsync(string channelId, string userId, CancellationToken cancellationToken);

    Task SetEmailAsync(string channelId, string userId, string email, CancellationToken cancellationToken);

    /// <summary>The reference stored last for the conversation (for that user when given); null when the bot never heard from it.</summary>
    Task<ConversationReference?> FindReferenceAsync(string conversationId, string? userId, CancellationToken cancellationToken);

    /// <summary>The school's tenant, as seen on the conversation heard from last; null when none carried one.</summary>
    Task<string?> LatestTenantIdAsync(CancellationToken cancellationToken);
}
