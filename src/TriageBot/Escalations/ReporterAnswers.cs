using System.Text.Json.Nodes;
using Dapper;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Turns;
using TriageBot.Outbox;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Escalations;

/// <summary>
/// The reporter's answer to a lead's question ("ask the reporter" on the card): their next typed message in the chat
/// where the question arrived goes to the lead, on every copy of the card's conversation, and is recorded (encrypted,
/// as it describes the student). Button presses still go to the report they are in.
/// </summary>
public sealed class ReporterAnswers(
    SqliteDatabase database,
    SqliteWriter writer,
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
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM escalations WHERE question_pending = 1 AND reporter_id = @reporterId AND reporter_conversation_id = @conversationId;",
                    new { reporterId, conversationId }, cancellationToken: cancellationToken)) == 0)
            {
                return false;
            }
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
    private async Task<bool> ForwardAsync(SqliteWrite write, string reporterId, string conversationId, Participant who, string answer)
    {
        var (connection, transaction, cancellationToken) = (write.Connection, write.Transaction, write.CancellationToken);
        var pending = await connection.QueryFirstOrDefaultAsync<(string Id, string IncidentId)?>(new CommandDefinition(
            """
            SELECT id, incident_id FROM escalations
            WHERE question_pending = 1 AND reporter_id = @reporterId AND reporter_conversation_id = @conversationId
            ORDER BY requested_at DESC LIMIT 1;
            """,
            new { reporterId, conversationId }, transaction, cancellationToken: cancellationToken));
        if (pending is not { } question)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE escalations SET question_pending = 0 WHERE id = @Id;", new { question.Id }, transaction, cancellationToken: cancellationToken));
        await log.AppendAsync(write, [new IncidentEvent(question.IncidentId, EscalationEventTypes.QuestionAnswered, who, time.GetUtcNow(),
            new JsonObject { ["escalation"] = question.Id }, new JsonObject { ["answer"] = answer })]);
        var cards = await connection.QueryAsync<(string ConversationId, string ServiceUrl)>(new CommandDefinition(
            "SELECT DISTINCT conversation_id, service_url FROM escalation_cards WHERE escalation_id = @Id;", new { question.Id }, transaction, cancellationToken: cancellationToken));
        foreach (var (leadConversation, _) in cards)
        {
            await outbox.EnqueueAsync(write, OutboxKinds.Message, question.Id, new JsonObject
            {
                ["conversationId"] = leadConversation,
                ["text"] = $"{who.Name ?? "The member of staff"} answers your question: {answer}",
            });
        }

        return true;
    }
}
