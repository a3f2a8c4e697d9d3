using System.Text.Json.Nodes;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Protocols;
using TriageBot.Outbox;

namespace TriageBot.FollowUps;

/// <summary>
/// Sends the follow-up messages the outbox holds: a task's reminder card to its owner, an overdue task's card to the
/// duty lead, and a designated lead's morning digest. Cards are built when they leave, so they show the task as it is
/// then; a reminder for a task finished in the meantime is dropped. A task card for a rota person the bot has never
/// talked to goes to the safeguarding channel, mentioning them; with no channel, it is logged and not retried.
/// </summary>
public sealed partial class FollowUpDelivery(
    IFollowUpQueries followUpQueries,
    Incidents.IIncidentQueries incidentQueries,
    FollowUpCards cards,
    FollowUpRecipients recipients,
    References.SafeguardingChannelReference channel,
    IConnectorClient connector,
    ProtocolCatalog catalog,
    ILogger<FollowUpDelivery> logger)
{
    public async Task<string?> SendTaskCardAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var number = message.Payload["followUp"]!.GetValue<long>();
        var overdue = message.Payload["purpose"]?.GetValue<string>() == FollowUpOutbox.OverduePurpose;
        var task = await followUpQueries.ByNumberAsync(number, null, cancellationToken);
        if (task is null || !task.IsOpen)
        {
            return null;
        }

        var personId = message.Payload["personId"]?.GetValue<string>();
        var reference = personId is not null
            ? await recipients.FindPersonAsync(personId, cancellationToken)
            : await recipients.FindAsync(task.Owner, cancellationToken);
        var card = await cards.ReminderAsync(task, overdue, cancellationToken);
        var notification = overdue ? $"Safeguarding follow-up {task.Number} is overdue" : $"Safeguarding follow-up {task.Number} is due";
        if (reference is null)
        {
            // Someone the bot has never talked to: the safeguarding channel, mentioning them, rather than nobody.
            var person = catalog.Rota.Person(personId ?? task.Owner.PersonId ?? string.Empty);
            if (!channel.IsSet || person is null)
            {
                LogNobodyToSendTo(message.Id, message.Kind);
                return null;
            }

            reference = await channel.GetAsync(cancellationToken);
            Escalations.CardMention.Add(card, person, overdue ? "this follow-up is overdue." : "this follow-up is yours.");
        }

        return await SendAsync(reference, FollowUpCards.Message(card, notification), cancellationToken);
    }

    public async Task<string?> SendDigestAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var personId = message.Payload["personId"]!.GetValue<string>();
        if (await recipients.FindPersonAsync(personId, cancellationToken) is not { } reference)
        {
            // The digest lists students: it goes to the lead's own chat or nowhere, never to a channel.
            LogNobodyToSendTo(message.Id, message.Kind);
            return null;
        }

        var open = await followUpQueries.OpenAsync(cancellationToken);
        var overdue = message.Payload["overdue"]?.GetValue<int>() ?? 0;
        var incidents = await incidentQueries.CountNotClosedAsync(cancellationToken);
        var summary = $"{incidents} incidents open, {open.Count} follow-ups open, {overdue} overdue. Type 'open incidents' or 'incident N' for more.";
        var card = await cards.ListAsync("Safeguarding digest", summary, open, "No follow-ups are open.", cancellationToken);
        return await SendAsync(reference, FollowUpCards.Message(card, $"{catalog.School.Name}: safeguarding digest"), cancellationToken);
    }

    private async Task<string?> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken)
    {
        var proactive = reference.ToProactiveActivity();
        proactive.Summary = activity.Summary;
        proactive.Text = activity.Text;
        proactive.Attachments = activity.Attachments;
        return (await connector.SendToConversationAsync(reference.ServiceUrl, reference.Conversation.Id!, proactive, cancellationToken)).Id;
    }

    [LoggerMessage(1621, LogLevel.Warning, "Outbox message {MessageId} ({Kind}): the bot has no conversation with its recipient yet; not sent")]
    private partial void LogNobodyToSendTo(long messageId, string kind);
}
