using System.Text.RegularExpressions;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.FollowUps;
using TriageBot.References;

namespace TriageBot.ChatCommands;

/// <summary>"my follow-ups": the caller's open follow-up tasks, soonest due first, as one compact card.</summary>
public sealed partial class MyFollowUpsCommand(
    IFollowUpQueries followUpQueries,
    FollowUpProjector projector,
    FollowUpCards cards,
    FollowUpRecipients recipients,
    IKnownConversationStore conversations,
    IConnectorClient connector,
    TimeProvider time) : IChatCommand
{
    [GeneratedRegex(@"^\s*(show\s+)?(my\s+)?(open\s+)?follow[\s-]?ups?\s*[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();

    public async Task<bool> TryHandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!Phrase().IsMatch(activity.Text ?? string.Empty))
        {
            return false;
        }

        await projector.CatchUpAsync(cancellationToken);
        var userId = activity.From?.Id ?? string.Empty;
        var aad = activity.From?.AadObjectId;
        var email = aad is null ? null : (await conversations.FindPersonalAsync(aad, null, cancellationToken))?.Email;
        var person = recipients.RotaPersonOf(aad, email);
        var tasks = await followUpQueries.OpenOwnedByAsync(person is null ? [] : [person.Id], userId, aad, cancellationToken);

        var overdue = tasks.Count(t => t.DueAt <= time.GetUtcNow());
        var summary = tasks.Count == 0
            ? "Nothing is waiting for you."
            : $"{tasks.Count} open, {overdue} overdue. Type 'close follow-up {tasks[0].Number}' when one is done.";
        var card = await cards.ListAsync("Your follow-ups", summary, tasks, "You have no open follow-ups.", cancellationToken);
        var reply = activity.CreateReply();
        reply.Text = "Your follow-ups";
        reply.Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = card }];
        await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, reply, cancellationToken);
        return true;
    }
}
