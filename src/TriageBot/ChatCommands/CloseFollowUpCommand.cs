using System.Globalization;
using System.Text.RegularExpressions;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Turns;
using TriageBot.FollowUps;

namespace TriageBot.ChatCommands;

/// <summary>
/// "close follow-up 7" (also "follow-up 7 done", "done follow-up 7: note"): marks a task done, as its card's Done
/// button does, with the text after a colon kept as its note.
/// </summary>
public sealed partial class CloseFollowUpCommand(FollowUpChanges changes, FollowUpCards cards, IConnectorClient connector) : IChatCommand
{
    [GeneratedRegex(@"^\s*(?:(?:close|done|complete|finish)\s+follow[\s-]?up\s*#?\s*(?<n>\d{1,9})|follow[\s-]?up\s*#?\s*(?<n>\d{1,9})\s+(?:is\s+)?(?:done|closed|complete))\s*(?::\s*(?<note>.+))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Phrase();

    public async Task<bool> TryHandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var match = Phrase().Match(activity.Text ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var number = long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var note = match.Groups["note"].Success ? match.Groups["note"].Value.Trim() : null;
        var reply = activity.CreateReply();
        if (note is { Length: > FollowUpChangeReader.MaxNoteLength })
        {
            reply.Text = $"That note is longer than {FollowUpChangeReader.MaxNoteLength} characters. Please shorten it.";
        }
        else
        {
            var who = new Participant(activity.From?.Id ?? string.Empty, activity.From?.Name, activity.From?.AadObjectId);
            var outcome = await changes.ApplyAsync(new FollowUpChange(number, FollowUpVerb.Done, Note: note), who, cancellationToken);
            reply.Text = outcome.Message;

            // The task as it now stands, as a compact card (only for someone allowed to see it).
            if (outcome.Result is FollowUpChangeResult.Changed or FollowUpChangeResult.AlreadyDone && outcome.Task is { } task)
            {
                reply.Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = await cards.ReminderAsync(task, overdue: false, cancellationToken) }];
            }
        }

        await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, reply, cancellationToken);
        return true;
    }
}
