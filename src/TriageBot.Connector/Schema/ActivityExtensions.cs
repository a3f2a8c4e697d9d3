namespace TriageBot.Connector.Schema;

/// <summary>Building replies and references the way the Bot Framework SDK does (PROTOCOL.md 1.6).</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// A reply addressed back to the sender: from/recipient swapped, conversation, channel and serviceUrl kept,
    /// replyToId set to the incoming id (except for conversationUpdate on Direct Line / Web Chat, which has no id to reply to).
    /// </summary>
    public static Activity CreateReply(this Activity incoming, string type = ActivityTypes.Message)
    {
        var replyToId = incoming.Type == ActivityTypes.ConversationUpdate && incoming.ChannelId is "directline" or "webchat"
            ? null
            : incoming.Id;

        return new Activity
        {
            Type = type,
            ChannelId = incoming.ChannelId,
            ServiceUrl = incoming.ServiceUrl,
            Conversation = incoming.Conversation,
            From = incoming.Recipient,
            Recipient = incoming.From,
            ReplyToId = replyToId,
            Locale = incoming.Locale,
        };
    }

    public static ConversationReference GetConversationReference(this Activity incoming) => new(
        ServiceUrl: incoming.ServiceUrl ?? string.Empty,
        ChannelId: incoming.ChannelId ?? string.Empty,
        Conversation: incoming.Conversation ?? new ConversationAccount(),
        User: incoming.From,
        Bot: incoming.Recipient,
        ActivityId: incoming.Id,
        Locale: incoming.Locale);

    /// <summary>An activity to start or continue a conversation proactively from a stored reference.</summary>
    public static Activity ToProactiveActivity(this ConversationReference reference, string type = ActivityTypes.Message) => new()
    {
        Type = type,
        ChannelId = reference.ChannelId,
        ServiceUrl = reference.ServiceUrl,
        Conversation = reference.Conversation,
        From = reference.Bot,
        Recipient = reference.User,
        Locale = reference.Locale,
    };
}
