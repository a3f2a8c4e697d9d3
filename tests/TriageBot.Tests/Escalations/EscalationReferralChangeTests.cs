using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using TriageBot.Escalations;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Escalations;

/// <summary>
/// Through the real endpoint: the duty lead changes the referral list from the escalation card (removes recommended
/// ones, adds services of protocols/services.yaml, with a reason), like the change of urgency: one recorded decision,
/// the card updated for everyone, the reporter told. Data the card cannot send is refused naming the field.
/// </summary>
public sealed class EscalationReferralChangeTests : IAsyncLifetime
{
    private static readonly string LeadChat = EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad);
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        _school = await EscalationTestSchool.StartAsync();
        await _school.LeadsSayHelloAsync();
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task TheCardOffers_TheRecommendedReferralsToRemove_AndTheSchoolsOtherServicesToAdd()
    {
        var card = await ReportAsync();

        var inputs = Objects(card.Card!).Where(o => o["id"] is not null).ToDictionary(o => o["id"]!.GetValue<string>());
        var remove = inputs["removeReferrals"]["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();
        var add = inputs["addReferrals"]["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();
        Assert.Contains("camhs", remove);
        Assert.Contains("counsellor", add);
        Assert.Empty(remove.Intersect(add));
        Assert.DoesNotContain("duty-lead", add);
        Assert.True(inputs["referralsReason"]["isRequired"]!.GetValue<bool>());
        var save = Objects(card.Card!).Single(o => o["verb"]?.GetValue<string>() == "amend_referrals" && o["type"]?.GetValue<string>() == "Action.Execute");
        Assert.Equal("Action.Submit", save["fallback"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AChangeFromTheSubmitFallback_IsOneDecision_EveryCardShowsTheNewList_AndTheReporterIsTold()
    {
        var card = await ReportAsync();
        var id = EscalationIdOf(card);

        // A client without Universal Actions: Action.Submit, a message whose value is the card's data and inputs.
        Assert.Equal(HttpStatusCode.OK, (await _school.PressAsync(EscalationTestSchool.LeadAad, LeadChat, Change(id, remove: "camhs", add: "counsellor"))).StatusCode);

        await WaitUntilAsync(() => _school.CallsTo(LeadChat).Any(c => c.Text?.StartsWith("Recorded. The card is updated for everyone", StringComparison.Ordinal) == true));
        var put = await WaitForAsync(() => _school.Connector.Calls.FirstOrDefault(c => c.Method == "PUT" && c.RawPath.Contains(Uri.EscapeDataString(LeadChat), StringComparison.Ordinal)));
        var decided = put.Card!.ToJsonString();
        Assert.Contains("referrals changed: added school counsellor; removed CAMHS", decided, StringComparison.Ordinal);
        Assert.Contains("school counsellor", decided, StringComparison.Ordinal);
        Assert.DoesNotContain("\"escalationId\"", decided, StringComparison.Ordinal); // the decided card has no buttons
        await WaitUntilAsync(() => _school.CallsTo(EscalationTestSchool.StaffConversation)
            .Any(c => c.Text == "Sam Taylor has looked at your report (Suicidal thoughts or talk of suicide) and changed the referrals. They will follow them up."));

        Assert.Equal(1, await CountEventsAsync(EscalationEventTypes.Decided));
        var decision = JsonNode.Parse(await DecisionJsonAsync())!;
        Assert.Equal("amend_referrals", decision["verb"]!.GetValue<string>());
        var referrals = decision["referrals"]!.AsArray().Select(r => (Id: r!["serviceId"]!.GetValue<string>(), Urgency: r["urgency"]!.GetValue<string>())).ToList();
        Assert.DoesNotContain(referrals, r => r.Id == "camhs");

        // An added service is as urgent as the escalation's first recommended referral (now, for an emergency).
        Assert.Equal("now", referrals.Single(r => r.Id == "counsellor").Urgency);
    }

    [Fact]
    public async Task AChangeAfterTheDecision_OrTwoAtOnce_IsStillOneDecision()
    {
        var id = EscalationIdOf(await ReportAsync());

        var presses = await Task.WhenAll(
            _school.ExecuteAsync(EscalationTestSchool.LeadAad, "amend_referrals", Change(id, add: "counsellor")),
            _school.ExecuteAsync(EscalationTestSchool.DeputyAad, "amend_referrals", Change(id, add: "school-nurse")),
            _school.ExecuteAsync(EscalationTestSchool.LeadAad, "amend_referrals", Change(id, add: "counsellor")));
        Assert.All(presses, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        var again = await _school.ExecuteAsync(EscalationTestSchool.LeadAad, "approve", new JsonObject { ["escalationId"] = id, ["verb"] = "approve" });

        // Everyone who pressed gets the decided card: the one decision, whoever made it.
        foreach (var response in presses.Append(again))
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
            Assert.Contains("referrals changed: added ", body["value"]!.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await CountEventsAsync(EscalationEventTypes.Decided));
    }

    [Theory]
    [InlineData("camhs", "camhs", "'addReferrals' and 'removeReferrals' both name 'camhs'")]
    [InlineData("", "counsellor", "'removeReferrals' names 'counsellor', which was not recommended")]
    [InlineData("camhs", "", "'addReferrals' names 'camhs', which is already recommended")]
    [InlineData("tarot-reader", "", "'addReferrals' names 'tarot-reader', which is not one of the school's services")]
    [InlineData("counsellor;drop", "", "a referral id 'counsellor;drop' is not a service id")]
    public async Task TamperedChanges_AreRefusedNamingTheField_AndNothingIsDecided(string add, string remove, string problem)
    {
        var id = EscalationIdOf(await ReportAsync());

        var response = await _school.ExecuteAsync(EscalationTestSchool.LeadAad, "amend_referrals", Change(id, remove, add));

        var value = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!;
        Assert.Contains(problem, (value as JsonObject)?["message"]?.GetValue<string>() ?? value.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await CountEventsAsync(EscalationEventTypes.Decided));
    }

    [Fact]
    public async Task AChangeWithoutAReason_IsRefused()
    {
        var id = EscalationIdOf(await ReportAsync());
        var data = Change(id, add: "counsellor");
        data.Remove("referralsReason");

        var response = await _school.ExecuteAsync(EscalationTestSchool.LeadAad, "amend_referrals", data);

        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!["message"]!.GetValue<string>();
        Assert.Equal("This card action was refused: a reason is needed to change the referrals ('referralsReason').", message);
        Assert.Equal(0, await CountEventsAsync(EscalationEventTypes.Decided));
    }

    private async Task<RecordedCall> ReportAsync()
    {
        await _school.ReportAcutePositiveAsqAsync();
        return await _school.WaitForCardAsync(LeadChat);
    }

    private static JsonObject Change(string escalationId, string remove = "", string add = "") => new()
    {
        ["escalationId"] = escalationId,
        ["verb"] = "amend_referrals",
        ["removeReferrals"] = remove,
        ["addReferrals"] = add,
        ["referralsReason"] = "already known to CAMHS; the counsellor sees her weekly",
    };

    private static string EscalationIdOf(RecordedCall card) =>
        System.Text.RegularExpressions.Regex.Match(card.Card!.ToJsonString(), "\"escalationId\":\"(esc-[0-9a-f]+)\"").Groups[1].Value;

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject json => new[] { json }.Concat(json.SelectMany(p => Objects(p.Value))),
        JsonArray array => array.SelectMany(Objects),
        _ => [],
    };

    private async Task<long> CountEventsAsync(string type)
    {
        await using var connection = new SqliteConnection($"Data Source={_school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM incident_events WHERE type = @type;", new { type });
    }

    private async Task<string> DecisionJsonAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_school.Bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT decision_json FROM escalations;") ?? "{}";
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the bot");
            await Task.Delay(20);
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> find)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (find() is not { } found)
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the bot");
            await Task.Delay(20);
        }

        return find()!;
    }
}
