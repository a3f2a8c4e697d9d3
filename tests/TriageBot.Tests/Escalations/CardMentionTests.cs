using System.Text.Json.Nodes;
using TriageBot.Dialogs.Protocols.Model;
using TriageBot.Dialogs.Rota;
using TriageBot.Escalations;

namespace TriageBot.Tests.Escalations;

public sealed class CardMentionTests
{
    private static readonly ContentLocation Nowhere = new("rota.yaml", 1, 1);

    [Fact]
    public void ANameWithMarkupCharacters_IsEscapedTheSameInTheTextAndTheEntity_AndKeptAsIsInTheMentionedName()
    {
        var card = Card();
        var person = new RotaPerson("dsl", "Sam <Taylor> & Co", "designated safeguarding lead", "aad-dsl", null, null, Nowhere);

        CardMention.Add(card, person, "this escalation needs you.");

        Assert.Equal("<at>Sam &lt;Taylor&gt; &amp; Co</at> this escalation needs you.", card["body"]![0]!["text"]!.GetValue<string>());
        var mention = card["msteams"]!["entities"]![0]!;
        Assert.Equal("<at>Sam &lt;Taylor&gt; &amp; Co</at>", mention["text"]!.GetValue<string>());
        Assert.Equal("Sam <Taylor> & Co", mention["mentioned"]!["name"]!.GetValue<string>());
        Assert.Equal("Full", card["msteams"]!["width"]!.GetValue<string>()); // the card's own msteams settings stay
    }

    [Fact]
    public void TheRotasEntraId_IsPreferredToATeamsIdFoundElsewhere()
    {
        var card = Card();
        CardMention.Add(card, new RotaPerson("dsl", "Sam Taylor", "DSL", "aad-dsl", "dsl@example.org", null, Nowhere), "x", "29:found");

        Assert.Equal("aad-dsl", card["msteams"]!["entities"]![0]!["mentioned"]!["id"]!.GetValue<string>());
    }

    private static JsonObject Card() => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Safeguarding" }),
    };
}
