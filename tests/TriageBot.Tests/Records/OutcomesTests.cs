using System.Net;
using System.Text.Json.Nodes;
using TriageBot.Tests.Escalations;
using static TriageBot.Tests.FollowUps.FollowUpTestSteps;
using static TriageBot.Tests.Records.RecordTestSchool;

namespace TriageBot.Tests.Records;

/// <summary>
/// The outcomes for a small known set: a suicide concern the lead decided 3 minutes after being asked, a cancelled
/// self-harm report, follow-ups done late, overdue and not yet due; as JSON and as the HTML page with its charts.
/// </summary>
public sealed class OutcomesTests : IAsyncLifetime
{
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        _school = await StartAsync();
        await _school.LeadsSayHelloAsync(OtherStaff);
        await ReportNegativeScreenAsync(_school);
        _school.Clock.Advance(TimeSpan.FromMinutes(3));
        await LeadApprovesAsync(_school);
        foreach (var text in new[] { "a year 10 boy has been cutting his arms at home", "no", "cancel", "wrong student" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(OtherStaff, text, OtherStaffConversation)).StatusCode);
        }

        await TickAsync(_school);

        // Wednesday 10:00: the check-in (due Tuesday 09:00) is done late; the referral receipt (due Wednesday 09:00) is overdue.
        _school.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(57));
        var checkIn = (await TasksAsync(_school)).Single(t => t.Rule == "student-check-in").Number;
        Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(Staff, $"close follow-up {checkIn}", EscalationTestSchool.StaffConversation)).StatusCode);
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task TheJson_CountsEachTypeAndLevel_TimesTheLeadsDecision_AndSortsTheFollowUps()
    {
        var report = JsonNode.Parse(await GetAsync("/admin/outcomes?from=2026-11-01&to=2026-11-30"))!;

        var groups = report["groups"]!.AsArray().Select(g => g!).ToList();
        var suicide = groups.Single(g => g["protocolId"]?.GetValue<string>() == "suicidal-thoughts");
        Assert.Equal("universal_support", suicide["level"]!.GetValue<string>());
        Assert.Equal(1, suicide["incidents"]!.GetValue<int>());
        Assert.Equal(1, suicide["escalated"]!.GetValue<int>());
        Assert.Equal(1, suicide["decided"]!.GetValue<int>());
        Assert.Equal(3.0, suicide["minutesToDecisionMedian"]!.GetValue<double>());
        Assert.Equal(3.0, suicide["minutesToDecisionP90"]!.GetValue<double>());
        var cancelled = groups.Single(g => g != suicide);
        Assert.Equal(1, cancelled["incidents"]!.GetValue<int>());
        Assert.Equal(0, cancelled["escalated"]!.GetValue<int>());
        Assert.Null(cancelled["minutesToDecisionMedian"]);

        var followUps = report["followUps"]!;
        Assert.Equal(0, followUps["doneOnTime"]!.GetValue<int>());
        Assert.Equal(1, followUps["doneLate"]!.GetValue<int>());
        Assert.Equal(1, followUps["openOverdue"]!.GetValue<int>());
        Assert.Equal(3, followUps["openNotYetDue"]!.GetValue<int>());
        Assert.DoesNotContain("JB Y9", report.ToJsonString(), StringComparison.Ordinal);

        // A period with none of them.
        var empty = JsonNode.Parse(await GetAsync("/admin/outcomes?from=2026-10-01&to=2026-10-31"))!;
        Assert.Empty(empty["groups"]!.AsArray());
    }

    [Fact]
    public async Task ThePage_DrawsItsCharts_AndALeadsOneTimeLinkOpensIt()
    {
        var page = await GetAsync("/admin/outcomes/page?from=2026-11-01&to=2026-11-30");
        Assert.Contains("<svg id=\"reports-by-type\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"minutes-to-decision\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"follow-ups\"", page, StringComparison.Ordinal);
        Assert.Contains("Suicidal thoughts or talk of suicide", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("JB Y9", page, StringComparison.Ordinal);

        await _school.SayAsync(EscalationTestSchool.LeadAad, "outcomes");
        var viaLink = await _school.Bot.Client.GetAsync(LinkPath(_school, EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad)));
        Assert.Equal(HttpStatusCode.OK, viaLink.StatusCode);
        Assert.Contains("<svg id=\"follow-ups\"", await viaLink.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await _school.SayAsync(OtherStaff, "outcomes", OtherStaffConversation);
        Assert.True(Said(_school, OtherStaffConversation, "Only the duty and designated safeguarding leads"));
    }

    private async Task<string> GetAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-TriageBot-Key", ApiKey);
        var response = await _school.Bot.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
