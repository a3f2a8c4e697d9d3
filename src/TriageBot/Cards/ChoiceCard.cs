using System.Text.Json.Nodes;
using TriageBot.Dialogs.Turns;

namespace TriageBot.Cards;

/// <summary>
/// An Adaptive Card (schema 1.5, what Teams renders) for a reply that offers choices: the text, then one large button per
/// choice. Buttons are Action.Submit, which works in Teams, Web Chat, the Emulator and the Agents Playground alike;
/// pressing one sends the choice value back as card data under <see cref="ChoiceCardData.ChoiceKey"/>.
/// </summary>
public static class ChoiceCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    public static JsonObject Build(BotReply reply)
    {
        var body = new JsonArray();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = reply.Title,
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
            });
        }

        body.Add(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = reply.Text,
            ["wrap"] = true,
        });

        var actions = new JsonArray();
        foreach (var choice in reply.Choices ?? [])
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = choice.Title,
                ["data"] = new JsonObject { [ChoiceCardData.ChoiceKey] = choice.Value },
            });
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = SchemaUrl,
            ["version"] = Version,
            ["body"] = body,
            ["actions"] = actions,
        };
    }
}
