using System.Text.Json.Nodes;
using TriageBot.Dialogs.Rota;

namespace TriageBot.Escalations;

/// <summary>
/// An @mention of a rota person on an Adaptive Card posted in a channel, so Teams notifies them: an
/// <c>&lt;at&gt;Name&lt;/at&gt;</c> line at the top of the card and the matching entity in <c>msteams.entities</c>.
/// Teams accepts the person's Entra object id or their sign-in name (UPN, here their email) as the mentioned id.
/// A person with neither is named in text only.
/// </summary>
public static class CardMention
{
    public static JsonObject Add(JsonObject card, RotaPerson person, string line)
    {
        var id = person.AadObjectId ?? person.Email;
        if (id is null)
        {
            return card;
        }

        var at = $"<at>{person.Name}</at>";
        if (card["body"] is JsonArray body)
        {
            body.Insert(0, new JsonObject { ["type"] = "TextBlock", ["text"] = $"{at} {line}", ["wrap"] = true, ["weight"] = "Bolder" });
        }

        var msteams = card["msteams"] as JsonObject ?? [];
        card["msteams"] = msteams;
        var entities = msteams["entities"] as JsonArray ?? [];
        msteams["entities"] = entities;
        entities.Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = at,
            ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = person.Name },
        });
        return card;
    }
}
