using System.Text.Json.Nodes;
using TriageBot.Cards.Templating;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Cards;

/// <summary>
/// The card for a reply with choices. A step of a report (a reply that offers Emergency) is drawn with
/// cards/step.json: the protocol's name, the question in large text, one large button per answer, then Back and
/// Emergency. Any other choice (the welcome menu) is a <see cref="ChoiceCard"/>. Should a template ever fail to bind,
/// the plain choice card goes instead: a member of staff in a crisis always gets their buttons.
/// </summary>
public sealed class ReplyCards(CardTemplateLibrary templates)
{
    public const string StepTemplate = "step";
    private const string BackValue = "triage:back";
    private const string EmergencyValue = "command:emergency";

    public JsonObject Build(BotReply reply)
    {
        var choices = reply.Choices ?? [];
        if (!choices.Any(c => c.Value == EmergencyValue))
        {
            return ChoiceCard.Build(reply);
        }

        var bound = templates.Get(StepTemplate).Bind(new JsonObject
        {
            ["protocolTitle"] = reply.Title ?? "Your report",
            ["text"] = reply.Text,
            ["answers"] = new JsonArray([.. choices
                .Where(c => c.Value is not (BackValue or EmergencyValue))
                .Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
            ["offersBack"] = choices.Any(c => c.Value == BackValue),
        });
        return bound.IsComplete ? bound.Card : ChoiceCard.Build(reply);
    }
}
