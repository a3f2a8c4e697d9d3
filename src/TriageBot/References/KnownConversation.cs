using TriageBot.Connector.Schema;

namespace TriageBot.References;

/// <summary>
/// A conversation the bot can write to later, and who is in it: a member of staff's 1:1 chat (found by their Entra
/// object id or email when the rota names them) or a channel (found by conversation id).
/// </summary>
public sealed record KnownConversation(
    string ChannelId,
    string UserId,
    string? AadObjectId,
    string? Email,
    string? UserName,
    string? TenantId,
    bool IsPersonal,
    ConversationReference Reference,
    DateTimeOffset UpdatedAt);
