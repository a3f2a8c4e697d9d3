using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Rota;
using TriageBot.FollowUps;
using TriageBot.IncidentLog;
using TriageBot.Tests.Escalations;
using static TriageBot.Tests.FollowUps.FollowUpTestSteps;

namespace TriageBot.Tests.FollowUps;

/// <summary>
/// One incident from report to its last follow-up, through the real endpoint on a manual clock (Monday 23 November
/// 2026, 09:00 London): the lead approves the counsellor referral; the rules of protocols/follow-ups.yaml make the
/// tasks; reminders reach their owners on the due days (weeks 6, 11 and 12 of the therapy cycle counted in school
/// weeks); owners mark them done from the card or by typing; a task left open is raised with the duty lead; when
/// the last task is done the incident closes.
/// </summary>
public sealed class FollowUpJourneyTests : IAsyncLifetime
{
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        _school = await EscalationTestSchool.StartAsync();
        await _school.LeadsSayHelloAsync();
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task ATherapyReferral_RemindsOnTheDueDays_DoneFromTheCard_AnOpenTaskEscalates_AndTheIncidentCloses()
    {
        var lead = EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad);
        var staff = EscalationTestSchool.StaffConversation;
        var rota = _school.Bot.Services.GetRequiredService<ProtocolCatalog>().Rota;
        var approvedAt = _school.Clock.GetUtcNow();

        await ReportNegativeScreenAsync(_school);
        await LeadApprovesAsync(_school);
        await TickAsync(_school);

        // A negative screen is universal support: no parent/carer task (the rules keep that for higher levels), a check-in,
        // and for the approved counsellor referral its receipt and the three review points of the therapy cycle.
        var tasks = await TasksAsync(_school);
        Assert.Equal(["student-check-in", "referral-receipt", "therapy-week-6", "therapy-week-11", "therapy-week-12"], tasks.Select(t => t.Rule));
        Assert.All(tasks.Skip(1), t => Assert.Equal("counsellor", t.Subject));
        Assert.Equal(5, await CountEventsAsync(_school, FollowUpEventTypes.Created));

        // Nothing is due yet: no reminder on the day of the report.
        await TickAsync(_school);
        Assert.DoesNotContain(_school.Connector.Calls, c => c.Card?.ToJsonString().Contains("taskId", StringComparison.Ordinal) == true);

        // Tuesday 09:00: the check-in (24 hours) reminds the reporter, in their chat, without the student in the preview.
        _school.Clock.Advance(TimeSpan.FromDays(1));
        await TickAsync(_school);
        var checkIn = await WaitForFollowUpCardAsync(_school, staff, "Check in with the student");
        Assert.Equal("Safeguarding follow-up " + TaskIdOf(checkIn) + " is due", checkIn.Body!["summary"]!.GetValue<string>());
        Assert.Contains("JB Y9", checkIn.Card!.ToJsonString(), StringComparison.Ordinal);

        // A second tick at the same moment sends nothing again.
        await TickAsync(_school);
        await Task.Delay(200);
        Assert.Single(FollowUpCards(_school, staff, "Check in with the student"));

        // The reporter adds a note from the card but does not finish the task.
        var noted = await _school.ExecuteAsync(Staff, "add_note", new JsonObject { ["taskId"] = TaskIdOf(checkIn), ["verb"] = "add_note", ["note"] = "Saw her at lunch, seemed calmer" }, staff);
        Assert.Contains("Saw her at lunch", JsonNode.Parse(await noted.Content.ReadAsStringAsync())!["value"]!.ToJsonString(), StringComparison.Ordinal);

        // Wednesday 09:00: the check-in, still open a school day after it was due, goes to the duty lead (Sam, on duty on
        // Wednesdays); the referral receipt (2 school days) reminds the lead who approved it, who marks it done.
        _school.Clock.Advance(TimeSpan.FromDays(1));
        await TickAsync(_school);
        var overdue = await WaitForFollowUpCardAsync(_school, lead, "Follow-up overdue");
        Assert.Contains("Check in with the student", overdue.Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Safeguarding follow-up " + TaskIdOf(checkIn) + " is overdue", overdue.Body!["summary"]!.GetValue<string>());
        Assert.Equal(1, await CountEventsAsync(_school, FollowUpEventTypes.OverdueEscalated));
        var receipt = await WaitForFollowUpCardAsync(_school, lead, "received the referral");
        var receiptDone = await _school.ExecuteAsync(EscalationTestSchool.LeadAad, "done", new JsonObject { ["taskId"] = TaskIdOf(receipt), ["verb"] = "done" });
        var body = JsonNode.Parse(await receiptDone.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains("Done by Sam Taylor", body["value"]!.ToJsonString(), StringComparison.Ordinal);

        // The reporter closes the check-in by typing.
        Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(Staff, $"close follow-up {TaskIdOf(checkIn)}: spoke with her and her tutor", staff)).StatusCode);
        Assert.Contains(_school.CallsTo(staff), c => c.Text == $"Follow-up {TaskIdOf(checkIn)} is done. Thank you.");

        // Weeks 6, 11 and 12 of the cycle, in school weeks from the approval: each reminds the lead on its own day, not before.
        foreach (var (week, title) in new[] { (6, "Week 6 interim check"), (11, "Week 11 outcome measure"), (12, "Week 12 review") })
        {
            var due = SchoolCalendar.AddSchoolDays(rota, approvedAt, week * 5);
            _school.Clock.Advance(due - _school.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
            await TickAsync(_school);
            await Task.Delay(100);
            Assert.Empty(FollowUpCards(_school, lead, title));

            _school.Clock.Advance(TimeSpan.FromMinutes(1));
            await TickAsync(_school);
            var reminder = await WaitForFollowUpCardAsync(_school, lead, title);
            Assert.Equal(HttpStatusCode.OK, (await _school.ExecuteAsync(EscalationTestSchool.LeadAad, "done", new JsonObject { ["taskId"] = TaskIdOf(reminder), ["verb"] = "done" })).StatusCode);
        }

        // Every task done: the incident closes, once, and the chain verifies.
        Assert.All(await TasksAsync(_school), t => Assert.Equal("done", t.Status));
        Assert.Equal(5, await CountEventsAsync(_school, FollowUpEventTypes.Done));
        Assert.Equal(1, await CountEventsAsync(_school, TriageBot.Incidents.RecordEventTypes.Closed));
        Assert.True((await _school.Bot.Services.GetRequiredService<IncidentLogVerifier>().VerifyAsync(CancellationToken.None)).IsIntact);
    }
}
