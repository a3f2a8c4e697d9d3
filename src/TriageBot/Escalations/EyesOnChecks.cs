using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Incidents;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Turns;
using TriageBot.Outbox;
using TriageBot.Storage;

namespace TriageBot.Escalations;

/// <summary>
/// "Eyes on": while an emergency or same-day escalation waits for the lead, the reporter is asked every few minutes
/// whether they are still with the student. Their answer is recorded and shown on the lead's card; "I had to leave"
/// also tells them what to do. The check-ins stop once the lead has decided.
/// </summary>
public sealed partial class EyesOnChecks(
    IEscalationQueries escalationQueries,
    IEscalationStore escalations,
    IStoreWriter writer,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    IIncidentLogWriter log,
    IConnectorClient connector,
    ProtocolCatalog catalog,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<EyesOnChecks> logger)
{
    public const string EyesOnKey = "eyesOn";
    public const string AnswerKey = "answer";
    public const string StillWith = "still_with";
    public const string HadToLeave = "had_to_leave";

    /// <summary>Sends the check-ins that are due; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var every = TimeSpan.FromMinutes(options.Value.EyesOnMinutes);
        var due = await escalationQueries.EyesOnDueAsync(now, cancellationToken);

        var sent = 0;
        foreach (var escalation in due)
        {
            if (await writer.WriteAsync(async write =>
                {
                    var claimed = await escalations.ClaimEyesOnAsync(write, escalation.EscalationId, escalation.DueAt, now + every);
                    if (claimed)
                    {
                        await outbox.EnqueueAsync(write, OutboxKinds.EyesOnCheck, escalation.EscalationId, new JsonObject
                        {
                            ["conversationId"] = escalation.ReporterConversationId,
                            ["userId"] = escalation.ReporterId,
                        });
                    }

                    return claimed;
                }, cancellationToken))
            {
                sent++;
            }
        }

        if (sent > 0)
        {
            outboxSignal.Notify();
        }

        return sent;
    }

    /// <summary>The check-in card: one question, two large buttons (Action.Submit, so it works in every client).</summary>
    public static Activity Card(string escalationId) => new()
    {
        Type = ActivityTypes.Message,
        Summary = "Are you still with the student?",
        Attachments =
        [
            Attachment.AdaptiveCard(new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["$schema"] = Cards.ChoiceCard.SchemaUrl,
                ["version"] = Cards.ChoiceCard.Version,
                ["body"] = new JsonArray(new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = "Are you still with the student? The duty lead has not taken over yet.",
                    ["wrap"] = true,
                    ["weight"] = "Bolder",
                }),
                ["actions"] = new JsonArray(
                    Button("I am still with them", escalationId, StillWith),
                    Button("I had to leave", escalationId, HadToLeave)),
            }),
        ],
    };

    /// <summary>Handles a press on a check-in card; false when the message is not one.</summary>
    public async Task<bool> TryHandleAnswerAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Value is not JsonObject value || value[EyesOnKey].Text() is not { } escalationId)
        {
            return false;
        }

        var answer = value[AnswerKey].Text();
        if (answer is not (StillWith or HadToLeave))
        {
            await ReplyAsync(activity, "That answer was not understood. Please press one of the buttons.", cancellationToken);
            return true;
        }

        var who = new Participant(activity.From?.Id ?? string.Empty, activity.From?.Name, activity.From?.AadObjectId);
        var escalation = await escalationQueries.GetAsync(escalationId, null, cancellationToken);

        if (escalation is null || escalation.ReporterId != who.Id)
        {
            await ReplyAsync(activity, "This check-in is not for you.", cancellationToken);
            return true;
        }

        var answered = new IncidentEvent(escalation.IncidentId, EyesOnEventTypes.Answered, who, time.GetUtcNow(),
            new JsonObject { ["escalation"] = escalation.Id, ["answer"] = answer });
        await writer.WriteAsync(async write =>
        {
            await log.AppendAsync(write, [answered]);
            await outbox.EnqueueAsync(write, OutboxKinds.UpdateEscalationCards, escalation.Id, []);
        }, cancellationToken);
        outboxSignal.Notify();

        await ReplyAsync(activity, answer == StillWith
            ? "Thank you. Stay with them until the duty lead takes over."
            : $"Recorded, and the duty lead can see it. Make sure another adult is with the student. If anyone is in immediate danger, call {catalog.Region.EmergencyNumber}.",
            cancellationToken);
        LogAnswered(escalation.Id, answer);
        return true;
    }

    private async Task ReplyAsync(Activity activity, string text, CancellationToken cancellationToken)
    {
        var reply = activity.CreateReply();
        reply.Text = text;
        await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, reply, cancellationToken);
    }

    private static JsonObject Button(string title, string escalationId, string answer) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { [EyesOnKey] = escalationId, [AnswerKey] = answer },
    };

    [LoggerMessage(1441, LogLevel.Information, "Escalation {EscalationId}: eyes-on check answered ({Answer})")]
    private partial void LogAnswered(string escalationId, string answer);
}

/// <summary>Incident event types of the eyes-on check-ins.</summary>
public static class EyesOnEventTypes
{
    public const string Answered = "eyes_on.answered";
}
