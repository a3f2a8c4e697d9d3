using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Escalations;
using TriageBot.IncidentLog;

namespace TriageBot.Tests.Escalations;

/// <summary>
/// Through the real endpoint: a report that needs the duty lead puts a card in front of the lead on duty, the lead
/// decides from the card, exactly one decision is recorded, every card is updated, the reporter is told; nobody else
/// may decide; silence moves the card down the deputy chain.
/// </summary>
public sealed class EscalationFlowTests : IAsyncLifetime
{
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        _school = await EscalationTestSchool.StartAsync();

        // The leads have talked to the bot once, so it can write to them 1:1.
        foreach (var lead in new[] { EscalationTestSchool.LeadAad, EscalationTestSchool.DeputyAad, EscalationTestSchool.HeadAad })
        {
            Assert.Equal(HttpStatusCode.OK, (await _school.SayAsync(lead, "hi")).StatusCode);
        }
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task AnAcutePositiveAsq_PutsTheCardInFrontOfTheLeadOnDuty()
    {
        await _school.ReportAcutePositiveAsqAsync();

        var card = await _school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad), IsEscalationCard);
        var text = card.Card!.ToJsonString();
        Assert.Contains("Suicidal thoughts or talk of suicide", text, StringComparison.Ordinal);
        Assert.Contains("Emergency now", text, StringComparison.Ordinal);
        Assert.Contains("JB Y9", text, StringComparison.Ordinal);
        Assert.Contains("Acute positive screen", text, StringComparison.Ordinal);
        Assert.Equal("Safeguarding: Suicidal thoughts or talk of suicide needs your decision", card.Body!["summary"]!.GetValue<string>());
        Assert.DoesNotContain("JB Y9", card.Body["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLeadApproves_OneDecisionIsRecorded_TheCardIsUpdatedForEveryone_AndTheReporterIsTold()
    {
        await _school.ReportAcutePositiveAsqAsync();
        var card = await _school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad), IsEscalationCard);
        var escalationId = EscalationIdOf(card);

        var response = await _school.ExecuteAsync(EscalationTestSchool.LeadAad, "approve", new JsonObject { ["escalationId"] = escalationId, ["verb"] = "approve" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains("Sam Taylor", body["value"]!.ToJsonString(), StringComparison.Ordinal);

        await WaitUntilAsync(() => _school.Connector.Calls.Any(c => c.Method == "PUT"));
        var put = _school.Connector.Calls.Single(c => c.Method == "PUT");
        Assert.EndsWith($"/activities/sent-{IdNumber(card)}", put.RawPath, StringComparison.Ordinal);
        await WaitUntilAsync(() => _school.CallsTo(EscalationTestSchool.StaffConversation).Any(c => c.Text?.Contains("has approved the next steps", StringComparison.Ordinal) == true));
        Assert.Equal(1, await CountEventsAsync(EscalationEventTypes.Decided));
        Assert.True((await Verify()).IsIntact);
    }

    [Fact]
    public async Task TheLeadChangesTheReferrals_OneDecisionWithTheNewList_AndAnUnknownServiceIsRefusedNamingTheField()
    {
        await _school.ReportAcutePositiveAsqAsync();
        var card = await _school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad), IsEscalationCard);
        var escalationId = EscalationIdOf(card);
        Assert.Contains("\"addReferrals\"", card.Card!.ToJsonString(), StringComparison.Ordinal);

        var forged = await _school.ExecuteAsync(EscalationTestSchool.LeadAad, "amend_referrals", new JsonObject
        {
            ["escalationId"] = escalationId, ["verb"] = "amend_referrals", ["addReferrals"] = "astrology", ["referralsReason"] = "why not",
        });
        Assert.Contains("'addReferrals' names 'astrology', which is not one of the school's services",
            JsonNode.Parse(await forged.Content.ReadAsStringAsync())!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await CountEventsAsync(EscalationEventTypes.Decided));

        var changed = await _school.ExecuteAsync(EscalationTestSchool.LeadAad, "amend_referrals", new JsonObject
        {
            ["escalationId"] = escalationId, ["verb"] = "amend_referrals", ["removeReferrals"] = "camhs", ["addReferrals"] = "counsellor,school-nurse",
            ["referralsReason"] = "already known to CAMHS; the counsellor sees her weekly",
        });
        Assert.Equal("application/vnd.microsoft.card.adaptive", JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["type"]!.GetValue<string>());

        Assert.Equal(1, await CountEventsAsync(EscalationEventTypes.Decided));
        await using var connection = new SqliteConnection($"Data Source={_school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        var decision = JsonNode.Parse(await connection.ExecuteScalarAsync<string>("SELECT decision_json FROM escalations;") ?? "{}")!;
        var services = decision["referrals"]!.AsArray().Select(r => r!["serviceId"]!.GetValue<string>()).ToList();
        Assert.Contains("counsellor", services);
        Assert.Contains("school-nurse", services);
        Assert.DoesNotContain("camhs", services);
        Assert.StartsWith("referrals changed: added ", decision["what"]!.GetValue<string>(), StringComparison.Ordinal);
        await WaitUntilAsync(() => _school.CallsTo(EscalationTestSchool.StaffConversation).Any(c => c.Text?.Contains("changed the referrals", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task SomeoneNotOnTheRota_IsRefused_AndTheAttemptIsRecorded()
    {
        await _school.ReportAcutePositiveAsqAsync();
        var escalationId = EscalationIdOf(await _school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad), IsEscalationCard));

        var response = await _school.ExecuteAsync("aad-someone-else", "approve", new JsonObject { ["escalationId"] = escalationId, ["verb"] = "approve" });

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.StartsWith("Only the duty safeguarding lead", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await CountEventsAsync(EscalationEventTypes.Refused));
        Assert.Equal(0, await CountEventsAsync(EscalationEventTypes.Decided));
    }

    [Theory]
    [InlineData("""{"escalationId":"esc-does-not-exist","verb":"approve"}""", "not one of ours")]
    [InlineData("""{"escalationId":"esc-1","verb":"launch"}""", "'verb' is missing or unknown")]
    public async Task AForgedAction_IsRefused(string data, string problem)
    {
        var response = await _school.ExecuteAsync(EscalationTestSchool.LeadAad, JsonNode.Parse(data)!["verb"]!.GetValue<string>(), JsonNode.Parse(data)!.AsObject());

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(problem, (body["value"] as JsonObject)?["message"]?.GetValue<string>() ?? body["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await CountEventsAsync(EscalationEventTypes.Decided));
    }

    [Fact]
    public async Task TwoApprovalsAndADecline_AtTheSameMoment_EndInExactlyOneDecision()
    {
        await _school.ReportAcutePositiveAsqAsync();
        var escalationId = EscalationIdOf(await _school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad), IsEscalationCard));

        var presses = new[]
        {
            _school.ExecuteAsync(EscalationTestSchool.LeadAad, "approve", new JsonObject { ["escalationId"] = escalationId, ["verb"] = "approve" }),
            _school.ExecuteAsync(EscalationTestSchool.LeadAad, "approve", new JsonObject { ["escalationId"] = escalationId, ["verb"] = "approve" }),
            _school.ExecuteAsync(EscalationTestSchool.DeputyAad, "decline", new JsonObject { ["escalationId"] = escalationId, ["verb"] = "decline", ["text"] = "Dealt with already" }),
        };
        var responses = await Task.WhenAll(presses);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await CountEventsAsync(EscalationEventTypes.Decided));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        var decidedBy = JsonNode.Parse(await DecisionJsonAsync(escalationId))!["byName"]!.GetValue<string>();
        Assert.All(bodies, b => Assert.Contains(decidedBy, b, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Silence_MovesTheCardDownTheDeputyChain_AndTheEarlierCardSaysSo()
    {
        await _school.ReportAcutePositiveAsqAsync();
        await _school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad), IsEscalationCard);
        var timer = _school.Bot.Services.GetRequiredService<EscalationTimer>();

        _school.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await timer.CheckDeadlinesAsync(CancellationToken.None));

        _school.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await timer.CheckDeadlinesAsync(CancellationToken.None));

        var deputyCard = await _school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.DeputyAad), IsEscalationCard);
        Assert.Contains("Sent on to you: Sam Taylor had not answered", deputyCard.Card!.ToJsonString(), StringComparison.Ordinal);
        await WaitUntilAsync(() => _school.Connector.Calls.Any(c => c.Method == "PUT" && c.Card?.ToJsonString().Contains("No answer from", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task AfterTheLastDeputy_TheReporterIsToldToPhone()
    {
        await _school.ReportAcutePositiveAsqAsync();
        await _school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad), IsEscalationCard);
        var timer = _school.Bot.Services.GetRequiredService<EscalationTimer>();

        for (var i = 0; i < 3; i++)
        {
            _school.Clock.Advance(TimeSpan.FromMinutes(3));
            Assert.Equal(1, await timer.CheckDeadlinesAsync(CancellationToken.None));
        }

        _school.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await timer.CheckDeadlinesAsync(CancellationToken.None));
        await WaitUntilAsync(() => _school.CallsTo(EscalationTestSchool.StaffConversation).Any(c => c.Text?.StartsWith("No duty lead has answered yet. Phone the", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task TheLeadAsksTheReporterAQuestion_AndTheAnswerComesBackToTheLead()
    {
        await _school.ReportAcutePositiveAsqAsync();
        var escalationId = EscalationIdOf(await _school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad), IsEscalationCard));

        await _school.ExecuteAsync(EscalationTestSchool.LeadAad, "ask", new JsonObject { ["escalationId"] = escalationId, ["verb"] = "ask", ["text"] = "Is she with an adult now?" });
        await WaitUntilAsync(() => _school.CallsTo(EscalationTestSchool.StaffConversation).Any(c => c.Text?.Contains("asks about your report: Is she with an adult now?", StringComparison.Ordinal) == true));

        await _school.SayAsync("aad-staff-1", "Yes, Mrs Khan is with her in the office", EscalationTestSchool.StaffConversation);

        Assert.Contains(_school.CallsTo(EscalationTestSchool.StaffConversation), c => c.Text == "Sent to the duty lead. You can carry on with the report.");
        await WaitUntilAsync(() => _school.CallsTo(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad))
            .Any(c => c.Text == "A Teacher answers your question: Yes, Mrs Khan is with her in the office"));
        Assert.Equal(1, await CountEventsAsync(EscalationEventTypes.QuestionAnswered));
    }

    private static bool IsEscalationCard(Infrastructure.RecordedCall call) => call.Method == "POST" && call.Card!.ToJsonString().Contains("escalationId", StringComparison.Ordinal);

    private static string EscalationIdOf(Infrastructure.RecordedCall card) =>
        System.Text.RegularExpressions.Regex.Match(card.Card!.ToJsonString(), "\"escalationId\":\"(esc-[0-9a-f]+)\"").Groups[1].Value;

    private int IdNumber(Infrastructure.RecordedCall card) => _school.Connector.Calls.ToList().IndexOf(card) + 1;

    private async Task<long> CountEventsAsync(string type)
    {
        await using var connection = new SqliteConnection($"Data Source={_school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM incident_events WHERE type = @type;", new { type });
    }

    private async Task<string> DecisionJsonAsync(string escalationId)
    {
        await using var connection = new SqliteConnection($"Data Source={_school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT decision_json FROM escalations WHERE id = @escalationId;", new { escalationId }) ?? "{}";
    }

    private Task<ChainVerification> Verify() => _school.Bot.Services.GetRequiredService<IncidentLogVerifier>().VerifyAsync(CancellationToken.None);

    private static async Task WaitUntilAsync(Func<bool> condition, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the bot");
            await Task.Delay(20);
        }
    }
}
