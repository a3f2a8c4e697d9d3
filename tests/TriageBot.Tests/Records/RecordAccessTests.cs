using System.Net;
using System.Net.Http.Headers;
using TriageBot.Incidents;
using TriageBot.IncidentLog;
using TriageBot.Tests.Escalations;
using Microsoft.Extensions.DependencyInjection;
using static TriageBot.Tests.FollowUps.FollowUpTestSteps;
using static TriageBot.Tests.Records.RecordTestSchool;

namespace TriageBot.Tests.Records;

/// <summary>
/// Who may read an incident, through the real endpoint: its reporter and the leads; another member of staff gets the
/// same answer as for a number that does not exist, by command, by export and by the admin API, and every read and
/// refusal is recorded in the incident's chronology.
/// </summary>
public sealed class RecordAccessTests : IAsyncLifetime
{
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        _school = await StartAsync();
        await _school.LeadsSayHelloAsync(OtherStaff);
        await ReportNegativeScreenAsync(_school);
        await LeadApprovesAsync(_school);
        await TickAsync(_school);
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task AnotherMemberOfStaff_CannotReadTheIncident_ByNumberCommandOrExport_AndTheAttemptIsRecorded()
    {
        var other = EscalationTestSchool.ConversationOf(OtherStaff);

        Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(OtherStaff, "incident 1")).StatusCode);
        var refused = LastText(_school, other);
        Assert.Equal("I cannot show you incident 1. You can see the reports you made; the duty and designated safeguarding leads can see all.", refused);
        Assert.DoesNotContain(_school.CallsTo(other), c => c.Card?.ToJsonString().Contains("JB Y9", StringComparison.Ordinal) == true);

        // The same words for a number that does not exist.
        await _school.SayAsync(OtherStaff, "show incident #999");
        Assert.Equal(refused!.Replace(" 1.", " 999.", StringComparison.Ordinal), LastText(_school, other));

        await _school.SayAsync(OtherStaff, "open incidents");
        Assert.True(Said(_school, other, "Only the duty and designated safeguarding leads can list incidents"));
        await _school.SayAsync(OtherStaff, "export incident 1");
        Assert.True(Said(_school, other, "Only the duty and designated safeguarding leads can export"));
        await _school.SayAsync(OtherStaff, "correct incident 1 event 3: it was someone else");
        Assert.Equal(refused, LastText(_school, other));

        // Without the API key the admin export answers 401, whatever the number.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _school.Bot.Client.GetAsync("/admin/incidents/1/chronology")).StatusCode);

        Assert.Equal(2, await CountEventsAsync(_school, RecordEventTypes.ReadRefused));
        Assert.Equal(0, await CountEventsAsync(_school, RecordEventTypes.Correction));
    }

    [Fact]
    public async Task TheReporterAndTheLeads_ReadIt_AndEachReadIsRecorded()
    {
        Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(Staff, "incident 1", EscalationTestSchool.StaffConversation)).StatusCode);
        var card = LastCard(_school, EscalationTestSchool.StaffConversation)!;
        Assert.Contains("Incident 1", card, StringComparison.Ordinal);
        Assert.Contains("JB Y9", card, StringComparison.Ordinal);
        Assert.Contains("Decided by Sam Taylor", card, StringComparison.Ordinal);

        var lead = EscalationTestSchool.ConversationOf(EscalationTestSchool.DeputyAad);
        await _school.SayAsync(EscalationTestSchool.DeputyAad, "incident 1");
        Assert.Contains("a year 9 girl told me she wants to die", LastCard(_school, lead)!, StringComparison.Ordinal);
        await _school.SayAsync(EscalationTestSchool.DeputyAad, "open incidents");
        Assert.Contains("Incident 1: Suicidal thoughts", LastCard(_school, lead)!, StringComparison.Ordinal);
        await _school.SayAsync(Staff, "my reports", EscalationTestSchool.StaffConversation);
        Assert.Contains("Incident 1: Suicidal thoughts", LastCard(_school, EscalationTestSchool.StaffConversation)!, StringComparison.Ordinal);

        Assert.Equal(4, await CountEventsAsync(_school, RecordEventTypes.Read));
    }

    [Fact]
    public async Task ACorrection_StandsNextToTheOriginal_WhichIsUnchanged_AndTheChainStillVerifies()
    {
        var log = _school.Bot.Services.GetRequiredService<IncidentLogReader>();
        var events = await log.ReadLoggedAsync(await IncidentIdAsync(), CancellationToken.None);
        var reference = events.Single(e => e.Event.Type == "student.reference").Sequence;
        var next = events.First(e => e.Sequence > reference).Sequence;

        await _school.SayAsync(Staff, $"correct incident 1 event {reference}: the initials are JD, not JB", EscalationTestSchool.StaffConversation);
        Assert.True(Said(_school, EscalationTestSchool.StaffConversation, $"Correction to event {reference} of incident 1 recorded."));

        await _school.SayAsync(Staff, "incident 1", EscalationTestSchool.StaffConversation);
        var card = LastCard(_school, EscalationTestSchool.StaffConversation)!;
        var original = card.IndexOf($"#{reference} ", StringComparison.Ordinal);
        var correction = card.IndexOf($"Correction to event {reference}", StringComparison.Ordinal);
        Assert.True(original >= 0 && correction > original, card);
        Assert.Contains("the initials are JD, not JB", card, StringComparison.Ordinal);
        Assert.True(card.IndexOf($"#{next} ", StringComparison.Ordinal) > correction, "the correction comes right after the event it corrects");

        // The original is as it was; the chain verifies.
        var after = await log.ReadLoggedAsync(await IncidentIdAsync(), CancellationToken.None);
        Assert.Equal("JB Y9", after.Single(e => e.Sequence == reference).Event.Personal!["reference"]!.GetValue<string>());
        Assert.True((await _school.Bot.Services.GetRequiredService<IncidentLogVerifier>().VerifyAsync(CancellationToken.None)).IsIntact);

        await _school.SayAsync(Staff, "correct incident 1 event 99999: nothing", EscalationTestSchool.StaffConversation);
        Assert.True(Said(_school, EscalationTestSchool.StaffConversation, "Incident 1 has no event 99999."));
    }

    [Fact]
    public async Task ALeadsExportLink_WorksOnce_AndTheAdminApi_NeedsItsKey()
    {
        var lead = EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad);
        await _school.SayAsync(EscalationTestSchool.LeadAad, "export incident 1");
        var path = LinkPath(_school, lead);

        var download = await _school.Bot.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        var rows = Csv.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal(TriageBot.Export.ChronologyCsv.Columns, rows[0]);
        Assert.Contains(rows, row => row[10] == "JB Y9");
        Assert.Equal(rows.Skip(1).Select(r => long.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)).Order(), rows.Skip(1).Select(r => long.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Gone, (await _school.Bot.Client.GetAsync(path)).StatusCode);

        var wrong = new HttpRequestMessage(HttpMethod.Get, "/admin/incidents/1/chronology?format=json");
        wrong.Headers.Add("X-TriageBot-Key", "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _school.Bot.Client.SendAsync(wrong)).StatusCode);

        var right = new HttpRequestMessage(HttpMethod.Get, "/admin/incidents/1/chronology?format=json");
        right.Headers.Add("X-TriageBot-Key", ApiKey);
        var json = await _school.Bot.Client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var incidents = System.Text.Json.Nodes.JsonNode.Parse(await json.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(1, incidents[0]!["number"]!.GetValue<long>());
        Assert.True(incidents[0]!["events"]!.AsArray().Count > 20);

        var badFormat = new HttpRequestMessage(HttpMethod.Get, "/admin/chronology?from=2026-11-30&to=2026-11-01");
        badFormat.Headers.Add("X-TriageBot-Key", ApiKey);
        var problem = await _school.Bot.Client.SendAsync(badFormat);
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Contains("'from' (2026-11-30) is after 'to' (2026-11-01)", await problem.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The link's download and the API read are both in the chronology, by whom.
        Assert.Equal(2, await CountEventsAsync(_school, RecordEventTypes.Read));
    }

    [Fact]
    public async Task AnExportLink_Expires()
    {
        var lead = EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad);
        await _school.SayAsync(EscalationTestSchool.LeadAad, "export incidents 2026-11-01 to 2026-11-30 as json");
        var path = LinkPath(_school, lead);

        _school.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Gone, (await _school.Bot.Client.GetAsync(path)).StatusCode);
    }

    private async Task<string> IncidentIdAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT id FROM incidents WHERE number = 1;") ?? string.Empty;
    }
}
