namespace TriageBot.Connector.Schema;

/// <summary>What the bot must keep to message a conversation later (proactively).</summary>
public sealed record ConversationReference(
    string ServiceUrl,
    string ChannelId,
    ConversationAccount Conversation,
    ChannelAccount? User,
    ChannelAccount? Bot,
    string? ActivityId,
    string? Locale);
