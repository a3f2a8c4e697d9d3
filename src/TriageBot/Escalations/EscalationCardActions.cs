using System.Text.Json.Nodes;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Escalations;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Escalations;

/// <summary>
/// Presses on escalation cards, from Teams (Action.Execute, an adaptiveCard/action invoke answered with the refreshed
/// card) or from clients without Universal Actions (Action.Submit, a message whose value carries the same data,
/// answered with a reply). Forged or incomplete data is refused with what is wrong; the decision itself is
/// <see cref="EscalationDecisions"/>'.
/// </summary>
public sealed class EscalationCardActions(
    EscalationDecisions decisions,
    EscalationCards cards,
    IIncidentEventSource incidents,
    IConnectorClient connector,
    ProtocolCatalog catalog)
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";
    private const string MessageType = "application/vnd.microsoft.activity.message";
    private const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>True when card data is meant for an escalation (it names one), whatever else it holds.</summary>
    public static bool IsEscalationAction(JsonObject? data) => data?[EscalationActionReader.EscalationIdKey] is not null;

    public async Task<InvokeResponse> HandleExecuteAsync(Activity activity, JsonObject data, string? verb, CancellationToken cancellationToken)
    {
        var reading = EscalationActionReader.Read(data, verb);
        if (reading.Action is not { } action)
        {
            return Answer(400, ErrorType, new JsonObject { ["code"] = "BadRequest", ["message"] = $"This card action was refused: {reading.Problem}." });
        }

        var outcome = await decisions.DecideAsync(action, Who(activity), cancellationToken);
        return outcome.Result switch
        {
            DecisionResult.Decided or DecisionResult.AlreadyDecided => Answer(200, CardType, await DecidedCardAsync(outcome.Escalation!, cancellationToken)),
            _ => Answer(200, MessageType, JsonValue.Create(outcome.Message)),
        };
    }

    /// <summary>Handles an Action.Submit press; replies in the conversation. False when the data is not an escalation's.</summary>
    public async Task<bool> TryHandleSubmitAsync(Activity activity, CancellationToken cancellationToken)
    {
        var data = activity.Value as JsonObject;
        if (!IsEscalationAction(data))
        {
            return false;
        }

        var reading = EscalationActionReader.Read(data);
        string text;
        if (reading.Action is not { } action)
        {
            text = $"This card action was refused: {reading.Problem}.";
        }
        else
        {
            var outcome = await decisions.DecideAsync(action, Who(activity), cancellationToken);
            text = outcome.Result switch
            {
                DecisionResult.Decided => "Recorded. The card is updated for everyone and the member of staff has been told.",
                DecisionResult.AlreadyDecided => $"Already decided: {Decision(outcome.Escalation!)}.",
                _ => outcome.Message!,
            };
        }

        var reply = activity.CreateReply();
        reply.Text = text;
        await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, reply, cancellationToken);
        return true;
    }

    private async Task<JsonObject> DecidedCardAsync(EscalationRecord escalation, CancellationToken cancellationToken)
    {
        var events = await incidents.ReadAsync(escalation.IncidentId, cancellationToken);
        return cards.Bind(EscalationCards.DecidedTemplate, EscalationCardData.Decided(escalation, events, catalog, catalog.Rota.TimeZone));
    }

    private static string Decision(EscalationRecord escalation)
    {
        var decision = escalation.DecisionJson is { } json ? JsonNode.Parse(json) : null;
        return $"{decision?["what"]} by {decision?["byName"] ?? "the duty lead"}";
    }

    private static Participant Who(Activity activity) =>
        new(activity.From?.Id ?? string.Empty, activity.From?.Name, activity.From?.AadObjectId);

    private static InvokeResponse Answer(int statusCode, string type, JsonNode? value) =>
        new(200, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });
}
