using System.Text.Json.Nodes;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Turns;

/// <summary>
/// Turns a Bot Framework activity into what the dialogs understand, or null when the activity needs no turn.
/// Keeps the dialogs free of the wire protocol (ARCHITECTURE.md: Dialogs never references Connector).
/// </summary>
public static class ActivityTurnMapper
{
    public static TurnInput? ToTurnInput(Activity activity)
    {
        var user = ToParticipant(activity.From);
        var conversationId = activity.Conversation?.Id ?? string.Empty;

        return activity.Type switch
        {
            ActivityTypes.Message => new TurnInput(TurnKind.Message, StripBotMention(activity), activity.Value as JsonObject, user, conversationId, activity.Locale),
            ActivityTypes.ConversationUpdate when ShouldWelcome(activity) => new TurnInput(TurnKind.ConversationStarted, null, null, user, conversationId, activity.Locale),
            _ => null,
        };
    }

    /// <summary>
    /// In a 1:1 chat, greet when anyone is added (the Emulator and the Agents Playground add user and bot together; Teams adds the bot).
    /// In a channel or group chat, greet only when the bot itself is added, never for each new team member.
    /// </summary>
    private static bool ShouldWelcome(Activity activity)
    {
        var added = activity.MembersAdded;
        if (added is not { Count: > 0 })
        {
            return false;
        }

        var botId = activity.Recipient?.Id;
        var botAdded = added.Any(member => string.Equals(member.Id, botId, StringComparison.Ordinal));
        var isGroup = activity.Conversation?.IsGroup == true
            || activity.Conversation?.ConversationType is "channel" or "groupChat";

        return isGroup ? botAdded : true;
    }

    /// <summary>Removes "&lt;at&gt;TriageBot&lt;/at&gt;" for mentions of the bot, using the mention entities (PROTOCOL.md 5.5).</summary>
    private static string? StripBotMention(Activity activity)
    {
        var text = activity.Text;
        if (string.IsNullOrEmpty(text) || activity.Entities is null)
        {
            return text?.Trim();
        }

        foreach (var entity in activity.Entities.Where(e => e.Type == Entity.MentionType && e.Properties is not null))
        {
            var mentionedId = entity.Properties!.TryGetValue("mentioned", out var mentioned)
                && mentioned.ValueKind == System.Text.Json.JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null;
            var mentionText = entity.Properties.TryGetValue("text", out var textElement) && textElement.ValueKind == System.Text.Json.JsonValueKind.String
                ? textElement.GetString()
                : null;

            if (mentionText is not null && string.Equals(mentionedId, activity.Recipient?.Id, StringComparison.Ordinal))
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }

    private static Participant ToParticipant(ChannelAccount? account) =>
        new(account?.Id ?? string.Empty, account?.Name, account?.AadObjectId);
}
