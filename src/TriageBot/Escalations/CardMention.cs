using System.Text.Json.Nodes;
using TriageBot.Dialogs.Rota;

namespace TriageBot.Escalations;

/// <summary>
/// Names a rota person at the top of an Adaptive Card posted in a channel. When their Teams identity is known (their
/// Entra object id, or the Teams user id the channel's member list gives), it is an @mention Teams notifies them by:
/// an <c>&lt;at&gt;Name&lt;/at&gt;</c> line and the matching entity in the card's <c>msteams.entities</c>
/// (PROTOCOL.md 5.5). Knowing only their email, the bot names them in text: an email is not always their sign-in name
/// (UPN), and a mention Teams cannot resolve notifies nobody.
/// </summary>
public static class CardMention
{
    /// <param name="teamsId">A Teams id found for them (Entra object id or 29: user id) when the rota gives only an email.</param>
    public static JsonObject Add(JsonObject card, RotaPerson person, string line, string? teamsId = null)
    {
        var id = person.AadObjectId ?? teamsId;
        if (card["body"] is not JsonArray body)
        {
            return card;
        }

        if (id is null)
        {
            body.Insert(0, new JsonObject { ["type"] = "TextBlock", ["text"] = $"{person.Name}: {line}", ["wrap"] = true, ["weight"] = "Bolder" });
            return card;
        }

        // The <at> text and the entity's text must match exactly; the name is escaped as the mention markup needs.
        var at = $"<at>{Escape(person.Name)}</at>";
        body.Insert(0, new JsonObject { ["type"] = "TextBlock", ["text"] = $"{at} {line}", ["wrap"] = true, ["weight"] = "Bolder" });
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

    private static string Escape(string name) =>
        name.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
