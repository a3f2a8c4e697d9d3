using System.Text.Json.Nodes;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Turns;
using TriageBot.Turns;

namespace TriageBot.Invokes;

/// <summary>
/// Action.Execute on a card (Teams Universal Actions): the action's data goes to the dialogs like a card submit,
/// and Teams gets the answer its client expects: HTTP 200 with { statusCode, type, value } (PROTOCOL.md 5.1).
/// A missing action or a type other than Action.Execute gets 400 with an error body, as the SDK does.
/// </summary>
public sealed class AdaptiveCardActionHandler(
    TurnProcessor turns,
    Escalations.EscalationCardActions escalations,
    FollowUps.FollowUpCardActions followUps) : IInvokeHandler
{
    public const string InvokeName = "adaptiveCard/action";
    private const string MessageType = "application/vnd.microsoft.activity.message";
    private const string ErrorType = "application/vnd.microsoft.error";

    public string Name => InvokeName;

    public async Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Value is not JsonObject value || value["action"] is not JsonObject action)
        {
            return Error(400, "BadRequest", "The invoke has no value.action.");
        }

        if (action["type"].Text() != "Action.Execute")
        {
            return Error(400, "NotSupported", "Only Action.Execute is supported for adaptiveCard/action.");
        }

        var data = action["data"] as JsonObject ?? [];
        if (Escalations.EscalationCardActions.IsEscalationAction(data))
        {
            // A duty lead's decision is not a turn of a conversation: it settles an escalation.
            return await escalations.HandleExecuteAsync(activity, data, action["verb"].Text(), cancellationToken);
        }

        if (FollowUps.FollowUpChangeReader.IsFollowUpAction(data))
        {
            // Done, snooze, reassign or a note on a follow-up task's card.
            return await followUps.HandleExecuteAsync(activity, data, action["verb"].Text(), cancellationToken);
        }

        var cardData = (JsonObject)data.DeepClone();
        if (action["verb"] is JsonValue verb)
        {
            cardData["verb"] = verb.DeepClone();
        }

        var baseInput = ActivityTurnMapper.ToTurnInput(new Activity
        {
            Type = ActivityTypes.Message,
            From = activity.From,
            Recipient = activity.Recipient,
            Conversation = activity.Conversation,
            Locale = activity.Locale,
        })!;

        var outcome = await turns.ProcessAsync(activity, baseInput with { Text = null, Value = cardData }, cancellationToken);
        return outcome.Succeeded
            ? new InvokeResponse(200, new JsonObject { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = "Received." })
            : Error(500, "TurnFailed", $"Something went wrong (reference {outcome.CorrelationId}). Please try again.");
    }

    // Teams shows errors from the body; the HTTP status stays 200 for a handled invoke.
    private static InvokeResponse Error(int statusCode, string code, string message) => new(
        statusCode == 500 ? 200 : statusCode,
        new JsonObject
        {
            ["statusCode"] = statusCode,
            ["type"] = ErrorType,
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });
}
