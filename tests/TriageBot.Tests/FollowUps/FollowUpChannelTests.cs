using System.Net;
using System.Text.Json.Nodes;
using TriageBot.Tests.Escalations;
using static TriageBot.Tests.FollowUps.FollowUpTestSteps;

namespace TriageBot.Tests.FollowUps;

/// <summary>
/// A follow-up owned by a lead the bot has never talked to 1:1 is not dropped: its reminder goes to the safeguarding
/// channel with an @mention of them.
/// </summary>
public sealed class FollowUpChannelTests : IAsyncLifetime
{
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        _school = await EscalationTestSchool.StartAsync(withChannel: true);
        _school.Connector.Responder = (method, path) => method == "GET" && path.EndsWith("/members", StringComparison.Ordinal) ? "[]" : null;
        await _school.MentionInChannelAsync();
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task AReminderForALeadWithNoChat_GoesToTheSafeguardingChannel_MentioningThem()
    {
        await ReportNegativeScreenAsync(_school);
        var card = await _school.WaitForCardAsync(EscalationTestSchool.SafeguardingChannel);
        var escalationId = card.Card!.ToJsonString().Split("\"escalationId\":\"")[1].Split('"')[0];
        Assert.Equal(HttpStatusCode.OK, (await _school.ExecuteInChannelAsync(EscalationTestSchool.LeadAad, "approve", new JsonObject { ["escalationId"] = escalationId, ["verb"] = "approve" })).StatusCode);
        await TickAsync(_school);

        // Wednesday 09:00: the referral receipt (owner: Sam, who approved) falls due.
        _school.Clock.Advance(TimeSpan.FromDays(2));
        await TickAsync(_school);

        var reminder = await WaitForFollowUpCardAsync(_school, EscalationTestSchool.SafeguardingChannel, "received the referral");
        Assert.Equal("<at>Sam Taylor</at> this follow-up is yours.", reminder.Card!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(EscalationTestSchool.LeadAad, reminder.Card!["msteams"]!["entities"]![0]!["mentioned"]!["id"]!.GetValue<string>());
    }
}
