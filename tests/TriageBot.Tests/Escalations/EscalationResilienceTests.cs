using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Outbox;

namespace TriageBot.Tests.Escalations;

/// <summary>The card reaches the lead despite a failing connector, and deadlines survive a restart.</summary>
public sealed class EscalationResilienceTests
{
    private static readonly string LeadChat = EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad);

    [Fact]
    public async Task AConnectorFailingForAWhile_DeliversTheCardOnce_Later()
    {
        // Retries are left to the outbox here (the connector client's own quick retries are off), so the test's clock drives them.
        await using var school = await EscalationTestSchool.StartAsync(new Dictionary<string, string?> { ["ConnectorRetry:MaxRetryAttempts"] = "0" });
        await school.SayAsync(EscalationTestSchool.LeadAad, "hi");
        var failures = new Queue<(int, string?)>([(429, "30"), (503, null), (502, null)]);
        school.Connector.Failure = (method, path) =>
            method == "POST" && path.Contains(LeadChat, StringComparison.Ordinal) && failures.Count > 0 ? failures.Dequeue() : null;

        await school.ReportAcutePositiveAsqAsync();
        var sender = school.Bot.Services.GetRequiredService<OutboxSender>();
        await WaitForAttemptsAsync(school, 1);

        // Retry-After 30 s is honoured: nothing more before then.
        school.Clock.Advance(TimeSpan.FromSeconds(20));
        await sender.DrainAsync(CancellationToken.None);
        Assert.Equal(1, Attempts(school));

        // Then the clock moves on and the outbox keeps trying, with growing waits, until the connector takes the card.
        for (var i = 0; i < 30 && !school.CallsTo(LeadChat).Any(c => EscalationTestSchool.IsEscalationCard(c) && c.Status == 200); i++)
        {
            school.Clock.Advance(TimeSpan.FromSeconds(15));
            await sender.DrainAsync(CancellationToken.None);
        }

        var posts = school.CallsTo(LeadChat).Where(EscalationTestSchool.IsEscalationCard).Select(c => c.Status).ToList();
        Assert.Equal([429, 503, 502, 200], posts);

        // Delivered once: nothing is sent again later.
        school.Clock.Advance(TimeSpan.FromMinutes(10));
        await sender.DrainAsync(CancellationToken.None);
        Assert.Single(school.CallsTo(LeadChat), c => EscalationTestSchool.IsEscalationCard(c) && c.Status == 200);
    }

    [Fact]
    public async Task ADeadlinePassedWhileTheBotWasDown_StillMovesTheCardOn_AfterARestart()
    {
        await using var school = await EscalationTestSchool.StartAsync();
        await school.SayAsync(EscalationTestSchool.LeadAad, "hi");
        await school.SayAsync(EscalationTestSchool.DeputyAad, "hi");
        await school.ReportAcutePositiveAsqAsync();
        await school.WaitForCardAsync(LeadChat);

        // The restarted bot checks deadlines as it starts: the card moves on without anyone touching it.
        await school.RestartAsync(TimeSpan.FromMinutes(5));

        var card = await school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.DeputyAad));
        Assert.Contains("Sent on to you", card.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InTheEmulator_TheLeadDecidesWithActionSubmit_AndIsAnsweredInTheChat()
    {
        await using var school = await EscalationTestSchool.StartAsync();
        await school.SayAsync(EscalationTestSchool.LeadAad, "hi");
        await school.ReportAcutePositiveAsqAsync();
        var card = await school.WaitForCardAsync(LeadChat);
        var escalationId = System.Text.RegularExpressions.Regex.Match(card.Card!.ToJsonString(), "\"escalationId\":\"(esc-[0-9a-f]+)\"").Groups[1].Value;

        var response = await school.PressAsync(EscalationTestSchool.LeadAad, LeadChat, new System.Text.Json.Nodes.JsonObject { ["escalationId"] = escalationId, ["verb"] = "take_over" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(school.CallsTo(LeadChat), c => c.Text?.StartsWith("Recorded. The card is updated for everyone", StringComparison.Ordinal) == true);
        await WaitUntilAsync(() => school.CallsTo(EscalationTestSchool.StaffConversation).Any(c => c.Text?.Contains("has taken over your report", StringComparison.Ordinal) == true));
    }

    private static int Attempts(EscalationTestSchool school) => school.CallsTo(LeadChat).Count(EscalationTestSchool.IsEscalationCard);

    private static Task WaitForAttemptsAsync(EscalationTestSchool school, int count) => WaitUntilAsync(() => Attempts(school) >= count);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the bot");
            await Task.Delay(20);
        }
    }
}

public sealed class EyesOnTests
{
    [Fact]
    public async Task WhileTheLeadHasNotDecided_TheReporterIsAskedEveryFewMinutes_AndTheAnswerReachesTheLeadsCard()
    {
        await using var school = await EscalationTestSchool.StartAsync();
        await school.SayAsync(EscalationTestSchool.LeadAad, "hi");
        await school.ReportAcutePositiveAsqAsync();
        var leadCard = await school.WaitForCardAsync(EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad));
        var checks = school.Bot.Services.GetRequiredService<TriageBot.Escalations.EyesOnChecks>();

        Assert.Equal(0, await checks.SendDueAsync(CancellationToken.None));
        school.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await checks.SendDueAsync(CancellationToken.None));

        var check = await school.WaitForCardAsync(EscalationTestSchool.StaffConversation, c => c.Card!.ToJsonString().Contains("Are you still with the student?", StringComparison.Ordinal));
        var leave = check.Card!["actions"]![1]!["data"]!.AsObject();
        await school.PressAsync("aad-staff-1", EscalationTestSchool.StaffConversation, (System.Text.Json.Nodes.JsonObject)leave.DeepClone());

        Assert.Contains(school.CallsTo(EscalationTestSchool.StaffConversation), c => c.Text?.StartsWith("Recorded, and the duty lead can see it.", StringComparison.Ordinal) == true);
        await WaitUntilAsync(() => school.Connector.Calls.Any(c => c.Method == "PUT" && c.Card?.ToJsonString().Contains("Reporter had to leave the student at 09:05", StringComparison.Ordinal) == true));

        // Once the lead has decided, the check-ins stop.
        var escalationId = System.Text.RegularExpressions.Regex.Match(leadCard.Card!.ToJsonString(), "\"escalationId\":\"(esc-[0-9a-f]+)\"").Groups[1].Value;
        await school.ExecuteAsync(EscalationTestSchool.LeadAad, "take_over", new System.Text.Json.Nodes.JsonObject { ["escalationId"] = escalationId, ["verb"] = "take_over" });
        school.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await checks.SendDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SomeoneElsesCheckIn_IsNotTheirsToAnswer()
    {
        await using var school = await EscalationTestSchool.StartAsync();
        await school.ReportAcutePositiveAsqAsync();
        school.Clock.Advance(TimeSpan.FromMinutes(5));
        await school.Bot.Services.GetRequiredService<TriageBot.Escalations.EyesOnChecks>().SendDueAsync(CancellationToken.None);
        var check = await school.WaitForCardAsync(EscalationTestSchool.StaffConversation, c => c.Card!.ToJsonString().Contains("Are you still with the student?", StringComparison.Ordinal));

        await school.PressAsync("aad-intruder", "a:intruder", (System.Text.Json.Nodes.JsonObject)check.Card!["actions"]![0]!["data"]!.DeepClone());

        Assert.Contains(school.CallsTo("a:intruder"), c => c.Text == "This check-in is not for you.");
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
}

public sealed class EscalationRoutingTests
{
    [Fact]
    public async Task ALeadWhoNeverTalkedToTheBot_IsFoundInTheSafeguardingChannel_AndGetsANewOneToOneChat()
    {
        await using var school = await EscalationTestSchool.StartAsync(withChannel: true);
        school.Connector.Responder = (method, path) => (method, path) switch
        {
            ("GET", _) when path.EndsWith("/members", StringComparison.Ordinal) && path.Contains("safeguarding", StringComparison.Ordinal) =>
                """[{"id":"29:lead-teams-id","name":"Sam Taylor","aadObjectId":"aad-dsl"},{"id":"29:other","name":"Someone","aadObjectId":"aad-other"}]""",
            ("POST", "/connector/v3/conversations") => """{"id":"a:created-for-lead"}""",
            _ => null,
        };
        await school.MentionInChannelAsync();

        await school.ReportAcutePositiveAsqAsync();

        var created = await WaitForAsync(() => school.Connector.Calls.FirstOrDefault(c => c.Method == "POST" && c.RawPath == "/connector/v3/conversations"));
        Assert.Equal("29:lead-teams-id", created.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", created.Body["tenantId"]!.GetValue<string>());
        await school.WaitForCardAsync("a:created-for-lead");
        Assert.DoesNotContain(school.CallsTo(EscalationTestSchool.SafeguardingChannel), EscalationTestSchool.IsEscalationCard);
    }

    [Fact]
    public async Task ALeadNobodyCanReachOneToOne_IsMentionedOnACardInTheSafeguardingChannel()
    {
        await using var school = await EscalationTestSchool.StartAsync(withChannel: true);
        school.Connector.Responder = (method, path) => method == "GET" && path.EndsWith("/members", StringComparison.Ordinal) ? "[]" : null;
        await school.MentionInChannelAsync();

        await school.ReportAcutePositiveAsqAsync();

        var card = await school.WaitForCardAsync(EscalationTestSchool.SafeguardingChannel);
        Assert.Contains("For Sam Taylor (designated safeguarding lead): the bot cannot message them directly.", card.Card!.ToJsonString(), StringComparison.Ordinal);

        // An @mention Teams notifies them by: the <at> text on the card and its entity with their Entra object id.
        Assert.Equal("<at>Sam Taylor</at> this escalation needs you.", card.Card!["body"]![0]!["text"]!.GetValue<string>());
        var mention = card.Card!["msteams"]!["entities"]![0]!;
        Assert.Equal("mention", mention["type"]!.GetValue<string>());
        Assert.Equal("<at>Sam Taylor</at>", mention["text"]!.GetValue<string>());
        Assert.Equal(EscalationTestSchool.LeadAad, mention["mentioned"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALeadKnownOnlyByEmail_AndNotInTheChannel_IsNamedOnTheChannelCard_WithoutAMentionTeamsCannotResolve()
    {
        await using var school = await EscalationTestSchool.StartAsync(withChannel: true, leadByEmailOnly: true);
        school.Connector.Responder = (method, path) => method == "GET" && path.EndsWith("/members", StringComparison.Ordinal) ? "[]" : null;
        await school.MentionInChannelAsync();

        await school.ReportAcutePositiveAsqAsync();

        var card = await school.WaitForCardAsync(EscalationTestSchool.SafeguardingChannel);
        Assert.Equal("Sam Taylor: this escalation needs you.", card.Card!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Null(card.Card["msteams"]!["entities"]);
        Assert.DoesNotContain("<at>", card.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dsl@example.org", card.Card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALeadKnownOnlyByEmail_FoundInTheChannel_WhoTeamsWillNotLetTheBotChatWith_IsMentionedByTheirTeamsId()
    {
        await using var school = await EscalationTestSchool.StartAsync(withChannel: true, leadByEmailOnly: true);
        school.Connector.Responder = (method, path) => method == "GET" && path.EndsWith("/members", StringComparison.Ordinal)
            ? """[{"id":"29:lead-teams-id","name":"Sam Taylor","email":"dsl@example.org"},{"id":"29:other","name":"Someone","email":"someone@example.org"}]"""
            : null;
        school.Connector.Failure = (method, path) => method == "POST" && path == "/connector/v3/conversations" ? (403, null) : null;
        await school.MentionInChannelAsync();

        await school.ReportAcutePositiveAsqAsync();

        var card = await school.WaitForCardAsync(EscalationTestSchool.SafeguardingChannel);
        Assert.Equal("<at>Sam Taylor</at> this escalation needs you.", card.Card!["body"]![0]!["text"]!.GetValue<string>());
        var mention = Assert.Single(card.Card["msteams"]!["entities"]!.AsArray())!;
        Assert.Equal("<at>Sam Taylor</at>", mention["text"]!.GetValue<string>());
        Assert.Equal("29:lead-teams-id", mention["mentioned"]!["id"]!.GetValue<string>());
        Assert.Equal("Sam Taylor", mention["mentioned"]!["name"]!.GetValue<string>());

        // Still a card the official package reads at 1.5 without a warning (msteams is the host's own property).
        var npm = Cards.NpmCardOracle.Run([new Cards.OracleCase("channel", card.Card.DeepClone(), null, Validate: true)])["channel"];
        Assert.Null(npm.Error);
        Assert.Empty(npm.Events);
        Assert.Empty(npm.UnknownProperties);
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> find)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the bot");
            await Task.Delay(20);
        }
    }
}
