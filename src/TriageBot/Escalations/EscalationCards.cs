using System.Text.Json.Nodes;
using TriageBot.Cards.Templating;
using TriageBot.Connector.Schema;

namespace TriageBot.Escalations;

/// <summary>
/// Binds the escalation templates (cards/escalation.json, cards/escalation-decided.json) into activities. A card with a
/// value the data lacked is refused rather than sent with "${...}" in it. The notification text names the incident
/// type only, never the student.
/// </summary>
public sealed class EscalationCards(CardTemplateLibrary templates)
{
    public const string ForLeadTemplate = "escalation";
    public const string DecidedTemplate = "escalation-decided";

    public Activity ForLead(JsonObject data, string? note = null)
    {
        var card = Bind(ForLeadTemplate, data);
        if (note is not null && card["body"] is JsonArray body)
        {
            // Said on the card itself, e.g. "Re-sent to Alex Morgan: no answer within 2 minutes."
            body.Insert(0, new JsonObject { ["type"] = "TextBlock", ["text"] = note, ["wrap"] = true, ["color"] = "attention", ["weight"] = "Bolder" });
        }

        return Message(card, $"Safeguarding: {data["incidentType"]} needs your decision");
    }

    public Activity Decided(JsonObject data) => Message(Bind(DecidedTemplate, data), $"Safeguarding: {data["incidentType"]} decided");

    public JsonObject Bind(string template, JsonObject data) => templates.Get(template).BindComplete(data);

    private static Activity Message(JsonObject card, string summary) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [Attachment.AdaptiveCard(card)],
    };
}
