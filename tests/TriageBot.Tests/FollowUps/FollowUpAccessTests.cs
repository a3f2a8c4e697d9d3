using System.Net;
using System.Text.Json.Nodes;
using TriageBot.FollowUps;
using TriageBot.Tests.Escalations;
using static TriageBot.Tests.FollowUps.FollowUpTestSteps;

namespace TriageBot.Tests.FollowUps;

/// <summary>
/// Only a task's owner and the school's leads may change it: a colleague's press or typed command is refused in the
/// same words as for a task that does not exist, nothing changes, and the attempt is recorded. "my follow-ups" lists
/// only the caller's own tasks.
/// </summary>
public sealed class FollowUpAccessTests : IAsyncLifetime
{
    private const string Colleague = "aad-colleague";
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        _school = await EscalationTestSchool.StartAsync();
        await _school.LeadsSayHelloAsync(Colleague);

        await ReportNegativeScreenAsync(_school);
        await LeadApprovesAsync(_school);
        await TickAsync(_school);
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task AColleague_CannotMarkSomeoneElsesTask_Done_AndTheAttemptIsRecorded()
    {
        var checkIn = (await TasksAsync(_school)).Single(t => t.Rule == "student-check-in");

        var pressed = await _school.ExecuteAsync(Colleague, "done", new JsonObject { ["taskId"] = checkIn.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), ["verb"] = "done" });
        var body = JsonNode.Parse(await pressed.Content.ReadAsStringAsync())!;
        Assert.Equal($"There is no follow-up {checkIn.Number} you can change.", body["value"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(Colleague, $"close follow-up {checkIn.Number}")).StatusCode);
        Assert.Contains(_school.CallsTo(EscalationTestSchool.ConversationOf(Colleague)), c => c.Text == $"There is no follow-up {checkIn.Number} you can change.");

        // Same words for a number that does not exist.
        Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(Colleague, "close follow-up 999")).StatusCode);
        Assert.Contains(_school.CallsTo(EscalationTestSchool.ConversationOf(Colleague)), c => c.Text == "There is no follow-up 999 you can change.");

        Assert.Equal("open", (await TasksAsync(_school)).Single(t => t.Rule == "student-check-in").Status);
        Assert.Equal(2, await CountEventsAsync(_school, FollowUpEventTypes.ChangeRefused));
    }

    [Fact]
    public async Task ALead_MayCloseAnyTask_AndForgedCardDataIsRefusedNamingTheField()
    {
        var checkIn = (await TasksAsync(_school)).Single(t => t.Rule == "student-check-in");

        var forged = await _school.ExecuteAsync(EscalationTestSchool.DeputyAad, "snooze", new JsonObject { ["taskId"] = checkIn.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), ["verb"] = "snooze", ["snoozeFor"] = "forever" });
        Assert.Contains("snoozeFor is not one of", (await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var badId = await _school.ExecuteAsync(EscalationTestSchool.DeputyAad, "done", new JsonObject { ["taskId"] = "7; DROP TABLE follow_ups", ["verb"] = "done" });
        Assert.Contains("taskId is not a follow-up number", (await badId.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(EscalationTestSchool.DeputyAad, $"close follow-up {checkIn.Number}")).StatusCode);
        Assert.Equal("done", (await TasksAsync(_school)).Single(t => t.Rule == "student-check-in").Status);
    }

    [Fact]
    public async Task MyFollowUps_ListsOnlyTheCallersOwnTasks()
    {
        Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(Staff, "my follow-ups", EscalationTestSchool.StaffConversation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(Colleague, "my follow-ups")).StatusCode);

        var staffList = _school.CallsTo(EscalationTestSchool.StaffConversation).Last(c => c.Card is not null).Card!.ToJsonString();
        Assert.Contains("Check in with the student", staffList, StringComparison.Ordinal);
        Assert.DoesNotContain("Week 6", staffList, StringComparison.Ordinal);
        var colleagueList = _school.CallsTo(EscalationTestSchool.ConversationOf(Colleague)).Last(c => c.Card is not null).Card!.ToJsonString();
        Assert.Contains("You have no open follow-ups.", colleagueList, StringComparison.Ordinal);
        Assert.DoesNotContain("JB Y9", colleagueList, StringComparison.Ordinal);
    }
}
