using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Cards;
using TriageBot.Cards.Templating;
using TriageBot.Dialogs.Turns;
using TriageBot.Tests.Deployment;

namespace TriageBot.Tests.Cards;

/// <summary>Which card a reply becomes, and what happens when a template cannot draw it.</summary>
public sealed class ReplyCardsTests
{
    private static readonly IReadOnlyList<Choice> StepChoices =
        [new("step:stay|done", "Done"), new("triage:back", "Back"), new("command:emergency", "Emergency")];

    private static readonly BotReply Step = new(
        "Stay with the student.", StepChoices, "Self-harm", new StepCardContent("Self-harm", "Stay with the student.", [StepChoices[0]], OffersBack: true));

    [Fact]
    public void AReplyWithCardContent_IsDrawnByItsTemplate()
    {
        var card = Cards(RepositoryRoot.PathTo("cards")).Build(Step)!;

        Assert.Equal("Stay with the student.\n\nAnswer: Done, Back, Emergency.", card["fallbackText"]!.GetValue<string>());
        Assert.Equal("Full", card["msteams"]!["width"]!.GetValue<string>());
    }

    [Fact]
    public void AReplyWithChoicesButNoCardContent_IsThePlainChoiceCard()
    {
        var menu = new BotReply("What would you like to do?", [new("menu:report", "Report a concern")]);

        var card = Cards(RepositoryRoot.PathTo("cards")).Build(menu)!;

        Assert.True(JsonNode.DeepEquals(ChoiceCard.Build(menu), card));
    }

    [Fact]
    public void AReplyWithNeither_GoesAsText()
    {
        Assert.Null(Cards(RepositoryRoot.PathTo("cards")).Build(new BotReply("Report cancelled.")));
    }

    // A member of staff in a crisis always gets their buttons, even from a template that no longer fits the data.
    [Fact]
    public void ATemplateThatLeavesAValueMissing_FallsBackToThePlainChoiceCard_WithTheSameButtons()
    {
        var folder = Directory.CreateTempSubdirectory("triagebot-broken-cards-").FullName;
        File.WriteAllText(Path.Combine(folder, "step.json"), """
            { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${somethingTheDataLacks}" } ] }
            """);

        var card = Cards(folder).Build(Step)!;

        Assert.True(JsonNode.DeepEquals(ChoiceCard.Build(Step), card));
        Assert.Equal(["step:stay|done", "triage:back", "command:emergency"], card["actions"]!.AsArray().Select(a => a!["data"]!["triagebotChoice"]!.GetValue<string>()));
    }

    [Fact]
    public void ASummaryThatCannotBeDrawn_GoesAsItsText()
    {
        var folder = Directory.CreateTempSubdirectory("triagebot-broken-cards-").FullName;
        File.WriteAllText(Path.Combine(folder, "incident-summary.json"), """
            { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${somethingTheDataLacks}" } ] }
            """);
        var summary = new BotReply("**Summary: Self-harm**", Title: "Summary: Self-harm", Card: new IncidentSummaryCardContent(
            "Self-harm", "Urgent", "Today.", false, "Mon 23 Nov, 09:00", null, [], [], "Universal support.", []));

        Assert.Null(Cards(folder).Build(summary));
    }

    private static ReplyCards Cards(string folder) => new(new CardTemplateLibrary(folder), NullLogger<ReplyCards>.Instance);
}
