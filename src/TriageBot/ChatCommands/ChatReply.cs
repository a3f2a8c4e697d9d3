using System.Text.Json.Nodes;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;

namespace TriageBot.ChatCommands;

/// <summary>Answers a typed command in the conversation it came from: a short text, and a card when there is one.</summary>
public static class ChatReply
{
    public static Task SendAsync(IConnectorClient connector, Activity activity, string text, JsonObject? card, CancellationToken cancellationToken)
    {
        var reply = activity.CreateReply();
        reply.Text = text;
        if (card is not null)
        {
            reply.Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = card }];
        }

        return connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, reply, cancellationToken);
    }

    public static Dialogs.Turns.Participant Who(Activity activity) =>
        new(activity.From?.Id ?? string.Empty, activity.From?.Name, activity.From?.AadObjectId);
}
