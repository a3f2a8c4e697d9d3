using System.Text.Json.Nodes;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;
using TriageBot.Outbox;
using TriageBot.Storage;

namespace TriageBot.Escalations;

/// <summary>
/// The reporter's answer to a lead's question ("ask the reporter" on the card): their next typed message in the chat
/// where the question arrived goes to the lead, on every copy of the card's conversation, and is recorded (encrypted,
/// as it describes the student). Button presses still go to the report they are in.
/// </summary>
public sealed class ReporterAnswers(
    IEscalationQueries escalationQueries,
    IEscalationStore escalations,
    IStoreWriter writer,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    IIncidentLogWriter log,
    IConnectorClient connector,
    TimeProvider time)
{
    public async Task<bool> TryHandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type != ActivityTypes.Message || activity.Value is not null || string.IsNullOrWhiteSpace(activity.Text)
            || activity.From?.Id is not { } reporterId || activity.Conversation?.Id is not { } conversationId)
        {
            return false;
        }

        // Every typed message passes here: look without queuing a write first; almost none answer a lead's question.
        if (!await escalationQueries.HasQuestionPendingAsync(reporterId, conversationId, cancellationToken))
        {
            return false;
        }

        var who = new Participant(reporterId, activity.From.Name, activity.From.AadObjectId);
        var answer = activity.Text.Trim();
        if (!await writer.WriteAsync(write => ForwardAsync(write, reporterId, conversationId, who, answer), cancellationToken))
        {
            return false;
        }

        outboxSignal.Notify();

        var reply = activity.CreateReply();
        reply.Text = "Sent to the duty lead. You can carry on with the report.";
        await connector.SendToConversationAsync(activity.ServiceUrl!, conversationId, reply, cancellationToken);
        return true;
    }

    /// <summary>The answer goes to the lead's cards and into the record; false when no question was waiting after all.</summary>
    private async Task<bool> ForwardAsync(IStoreTransaction write, string reporterId, string conversationId, Participant who, string answer)
    {
        if (await escalations.TakeQuestionAsync(write, reporterId, conversationId) is not { } question)
        {
            return false;
        }

        await log.AppendAsync(write, [new IncidentEvent(question.IncidentId, EscalationEventTypes.QuestionAnswered, who, time.GetUtcNow(),
            new JsonObject { ["escalation"] = question.EscalationId }, new JsonObject { ["answer"] = answer })]);
        var cards = await escalationQueries.CardsAsync(question.EscalationId, write, write.CancellationToken);

        // Once per chat the cards are in (a chat holds several copies when the card was sent on more than once).
        foreach (var leadConversation in cards.Select(c => (c.ConversationId, c.ServiceUrl)).Distinct().Select(c => c.ConversationId))
        {
            await outbox.EnqueueAsync(write, OutboxKinds.Message, question.EscalationId, new JsonObject
            {
                ["conversationId"] = leadConversation,
                ["text"] = $"{who.Name ?? "The member of staff"} answers your question: {answer}",
            });
        }

        return true;
    }
}
