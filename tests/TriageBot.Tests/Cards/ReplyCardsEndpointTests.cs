using System.Net;
using System.Text.Json.Nodes;
using TriageBot.Tests.Escalations;
using TriageBot.Tests.Infrastructure;
using TriageBot.Tests.Transcripts;
using static TriageBot.Tests.FollowUps.FollowUpTestSteps;

namespace TriageBot.Tests.Cards;

/// <summary>
/// Through POST /api/messages with a recording connector: the bot's own replies are drawn with the card templates (a
/// step with cards/step.json, a screening question with cards/checklist-question.json, "status" with
/// cards/staff-status.json, the end with cards/incident-summary.json); their buttons send the values the dialogs read
/// (an answer, Back, Emergency); the card's fallbackText says the same for clients without cards; and neither the
/// notification text, the fallback nor a card's title names the student.
/// </summary>
public sealed class ReplyCardsEndpointTests : IAsyncLifetime
{
    // Not "JB Y9": the question asking for the reference gives that as its example.
    private const string Student = "KM Y10";
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        _school = await EscalationTestSchool.StartAsync();
        await _school.LeadsSayHelloAsync();
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task AStep_IsTheStepTemplate_WithItsButtons_AndAFallbackThatCanBeTyped()
    {
        await SayAsync("a year 9 girl told me she wants to die");

        var danger = LastReply();
        Assert.Null(danger.Body!["text"]);
        Assert.Equal("Suicidal thoughts or talk of suicide", danger.Body["summary"]!.GetValue<string>());
        var card = danger.Card!;
        Assert.Equal("Full", card["msteams"]!["width"]!.GetValue<string>());
        Assert.Equal(["Suicidal thoughts or talk of suicide", "This sounds like: Suicidal thoughts or talk of suicide. Is anyone in immediate danger right now?"], TextsOf(card));
        Assert.Equal(["Yes", "No", "Emergency"], Titles(card));
        Assert.Equal(["danger|yes", "danger|no", "command:emergency"], Buttons(card).Select(b => b.Data["triagebotChoice"]!.GetValue<string>()));
        Assert.Equal(
            "This sounds like: Suicidal thoughts or talk of suicide. Is anyone in immediate danger right now?\n\nAnswer: Yes, No, Emergency.",
            card["fallbackText"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheCardsBackAndEmergencyButtons_DoWhatTypingThemDoes()
    {
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", Student })
        {
            await SayAsync(text);
        }

        Assert.Equal("Stay with the student. Do not leave them alone.", TextsOf(LastReply().Card!)[^1]);
        await PressAsync("Back");
        Assert.StartsWith("Which student?", TextsOf(LastReply().Card!)[^1], StringComparison.Ordinal);

        await SayAsync(Student);
        var before = StaffCalls().Count;
        await PressAsync("Emergency");

        var replies = StaffCalls().Skip(before).ToList();
        Assert.Contains(replies, r => r.Text?.StartsWith("Call 999 now.", StringComparison.Ordinal) == true);
        Assert.Equal("Stay with the student. Do not leave them alone.", TextsOf(replies[^1].Card!)[^1]);
    }

    [Fact]
    public async Task AScreeningQuestion_IsTheChecklistTemplate_AndItsAnswerButtonsAnswerIt()
    {
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", Student, "done", "no" })
        {
            await SayAsync(text);
        }

        var first = LastReply();
        Assert.Equal("Ask Suicide-Screening Questions (ASQ), question 1", first.Body!["summary"]!.GetValue<string>());
        var texts = TextsOf(first.Card!);
        Assert.Equal("Ask Suicide-Screening Questions (ASQ), question 1", texts[0]);
        Assert.Equal("In the past few weeks, have you wished you were dead?", texts[^1]);
        Assert.Equal(3, texts.Count);
        Assert.Equal(["Yes", "No", "Did not want to answer", "Back", "Emergency"], Titles(first.Card!));

        await PressAsync("No");

        texts = TextsOf(LastReply().Card!);
        Assert.Equal("Ask Suicide-Screening Questions (ASQ), question 2", texts[0]);
        Assert.Equal(2, texts.Count);
    }

    [Fact]
    public async Task Status_IsTheStatusTemplate_ThenTheSameQuestionAgain()
    {
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", Student, "done", "no" })
        {
            await SayAsync(text);
        }

        var before = StaffCalls().Count;
        await SayAsync("status");

        var replies = StaffCalls().Skip(before).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal("Your open report", replies[0].Body!["summary"]!.GetValue<string>());
        var lines = BotReplyLines.Of(replies[0].Body!).Select(l => l.Text).ToList();
        Assert.Equal(
            [
                "Your open report", "Type: Suicidal thoughts or talk of suicide", "Started: 09:00", "Now at: Ask Suicide-Screening Questions (ASQ), question 1",
                "Level so far: not decided yet", "The designated safeguarding lead (DSL) has not been asked for yet.", "Emergency",
            ],
            lines);
        Assert.StartsWith("Open report: Suicidal thoughts or talk of suicide, started 09:00.", replies[0].Card!["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Ask Suicide-Screening Questions (ASQ), question 1", TextsOf(replies[1].Card!)[0]);
    }

    [Fact]
    public async Task TheEnd_IsTheSummaryTemplate_AndNoCardNamesTheStudentInItsTitleOrPreview()
    {
        await ReportToTheSummaryAsync();

        var summary = LastReply();
        Assert.Equal("Summary: Suicidal thoughts or talk of suicide", summary.Body!["summary"]!.GetValue<string>());
        var card = summary.Card!;
        var texts = TextsOf(card);
        Assert.Equal("Summary: Suicidal thoughts or talk of suicide", texts[0]);
        Assert.Contains("Referrals", texts);
        Assert.Empty(Buttons(card));
        var fallback = card["fallbackText"]!.GetValue<string>();
        Assert.StartsWith("Summary: Suicidal thoughts or talk of suicide\n\nResponse level: ", fallback, StringComparison.Ordinal);
        Assert.Contains("Referrals:\n- ", fallback, StringComparison.Ordinal);

        // What Teams shows in notifications and the chat list, and every card's title, for every reply of the report.
        var cards = StaffCalls().Where(c => c.Card is not null).ToList();
        Assert.True(cards.Count > 10, $"only {cards.Count} cards");
        Assert.All(cards, call =>
        {
            var preview = new[] { call.Body!["summary"]?.GetValue<string>(), call.Card!["fallbackText"]?.GetValue<string>(), TextsOf(call.Card!).FirstOrDefault() };
            Assert.All(preview, text => Assert.DoesNotContain(Student, text ?? string.Empty, StringComparison.OrdinalIgnoreCase));
        });
    }

    /// <summary>A suicide concern with a negative screen, answered "No" or "Done" (or a reason) up to the summary.</summary>
    private async Task ReportToTheSummaryAsync()
    {
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", Student, "done", "no", "no", "no", "no", "no" })
        {
            await SayAsync(text);
        }

        for (var turn = 0; turn < 20 && !LastReply().Body!["summary"]!.GetValue<string>().StartsWith("Summary", StringComparison.Ordinal); turn++)
        {
            var answers = Buttons(LastReply().Card!).Where(b => b.Title is not ("Back" or "Emergency"))
                .OrderBy(b => b.Title?.StartsWith("No", StringComparison.Ordinal) == true ? 0 : b.Title == "Done" ? 1 : 2)
                .ToList();
            if (answers.Count == 0)
            {
                await SayAsync("she asked me to keep it between us, so I am passing it on");
            }
            else
            {
                await PressAsync(answers[0].Title!);
            }
        }
    }

    private async Task SayAsync(string text) =>
        Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(Staff, text, EscalationTestSchool.StaffConversation)).StatusCode);

    private async Task PressAsync(string title)
    {
        var button = Buttons(LastReply().Card!).Single(b => b.Title == title);
        Assert.Equal(HttpStatusCode.OK, (await _school.PressAsync(Staff, EscalationTestSchool.StaffConversation, button.Data)).StatusCode);
    }

    private List<RecordedCall> StaffCalls() =>
        [.. _school.CallsTo(EscalationTestSchool.StaffConversation).Where(c => c.Method == "POST" && c.Body is not null)];

    private RecordedCall LastReply() => StaffCalls().Last(c => c.Card is not null);

    private static List<string> TextsOf(JsonNode card) =>
        [.. BotReplyLines.Of(new JsonObject { ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card.DeepClone() }) })
            .Where(l => l.Kind == TranscriptLineKind.BotSays).Select(l => l.Text)];

    private static List<string?> Titles(JsonNode card) => [.. BotReplyLines.Buttons(card).Select(b => b["title"]?.GetValue<string>())];
}
