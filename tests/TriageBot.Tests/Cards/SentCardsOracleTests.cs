using System.Text.Json.Nodes;
using TriageBot.Tests.Escalations;
using static TriageBot.Tests.FollowUps.FollowUpTestSteps;

namespace TriageBot.Tests.Cards;

/// <summary>
/// Every card the bot actually sends in a whole report (the reporter's steps, screening questions, status and summary,
/// the lead's escalation card and its decided form, follow-up reminders, lists and chronology) parses with the official
/// npm adaptivecards package at schema 1.5 with no errors or warnings.
/// </summary>
public sealed class SentCardsOracleTests : IAsyncLifetime
{
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        _school = await EscalationTestSchool.StartAsync();
        await _school.LeadsSayHelloAsync();
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task EveryCardOfAWholeReport_ParsesWithTheOfficialPackage_WithoutErrorsOrWarnings()
    {
        await ReportNegativeScreenAsync(_school);
        await LeadApprovesAsync(_school);
        await TickAsync(_school);
        _school.Clock.Advance(TimeSpan.FromDays(1));
        await TickAsync(_school);
        await WaitForFollowUpCardAsync(_school, EscalationTestSchool.StaffConversation, "Check in with the student");
        await _school.SayAsync(Staff, "my follow-ups", EscalationTestSchool.StaffConversation);
        await _school.SayAsync(Staff, "incident 1", EscalationTestSchool.StaffConversation);
        await _school.SayAsync(EscalationTestSchool.LeadAad, "open incidents");

        // Another member of staff: status, an answer not understood (a note above the question), a screening question.
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "status", "purple", "no", "skip", "done", "no", "status" })
        {
            await _school.SayAsync("aad-staff-2", text, "a:staff-2");
        }

        await Task.Delay(300);

        var cards = _school.Connector.Calls.Where(c => c.Card is not null).Select(c => c.Card!).ToList();
        Assert.True(cards.Count > 20, $"only {cards.Count} cards were sent");

        // The bot's own replies among them, each drawn with its template.
        var firstTexts = cards.Select(card => card["body"]?[0]?["text"]?.GetValue<string>() ?? string.Empty).ToList();
        Assert.Contains(firstTexts, t => t.StartsWith("Summary: ", StringComparison.Ordinal));
        Assert.Contains(firstTexts, t => t == "Your open report");
        Assert.Contains(firstTexts, t => t.EndsWith(", question 1", StringComparison.Ordinal));
        Assert.Contains(cards, card => card["body"]?[1]?["color"]?.GetValue<string>() == "warning");

        // Each card as sent, already bound: no data, so the templating step leaves it as it is.
        var results = NpmCardOracle.Run([.. cards.Select((card, i) => new OracleCase($"sent-{i}", card.DeepClone(), null, Validate: true))]);

        Assert.All(results.Values, result =>
        {
            Assert.Null(result.Error);
            Assert.True(result.UnknownProperties.Count == 0, $"{result.Name}: {string.Join("; ", result.UnknownProperties)}");
            Assert.True(result.Events.Count == 0, $"{result.Name}: {string.Join("; ", result.Events)}\n{cards[int.Parse(result.Name[5..], System.Globalization.CultureInfo.InvariantCulture)].ToJsonString()[..Math.Min(600, cards[int.Parse(result.Name[5..], System.Globalization.CultureInfo.InvariantCulture)].ToJsonString().Length)]}");
        });
    }
}
