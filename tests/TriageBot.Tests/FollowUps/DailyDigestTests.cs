using Microsoft.Extensions.DependencyInjection;
using TriageBot.Tests.Escalations;
using static TriageBot.Tests.FollowUps.FollowUpTestSteps;

namespace TriageBot.Tests.FollowUps;

/// <summary>
/// The designated lead's digest of open and overdue follow-ups: once each school day from 08:00 (London), never twice
/// in a day however often the timer runs, and not at weekends.
/// </summary>
public sealed class DailyDigestTests : IAsyncLifetime
{
    private EscalationTestSchool _school = null!;

    public async Task InitializeAsync()
    {
        _school = await EscalationTestSchool.StartAsync();

        // Monday's digest (due at start, 09:00) is settled before the leads are known, whatever the machine's load:
        // otherwise the start-up run could queue it late and deliver it to them once they have said hello.
        await TickAsync(_school);
        await _school.Bot.Services.GetRequiredService<TriageBot.Outbox.OutboxSender>().DrainAsync(CancellationToken.None);
        await _school.LeadsSayHelloAsync();
        await ReportNegativeScreenAsync(_school);
        await LeadApprovesAsync(_school);
    }

    public async Task DisposeAsync() => await _school.DisposeAsync();

    [Fact]
    public async Task TheDigest_GoesOncePerSchoolDay_From8_AndNotAtTheWeekend()
    {
        var lead = EscalationTestSchool.ConversationOf(EscalationTestSchool.LeadAad);

        // Monday's went at start (09:00), before anyone had talked to the bot. Tuesday 07:59: not yet.
        _school.Clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(59));
        await TickAsync(_school);
        await Task.Delay(150);
        Assert.Empty(Digests(lead));

        // Tuesday 08:00: today's digest, once however often the timer runs, listing the open tasks.
        _school.Clock.Advance(TimeSpan.FromMinutes(1));
        await TickAsync(_school);
        await TickAsync(_school);
        var tuesday = await WaitForDigestsAsync(lead, 1);
        Assert.Contains("5 follow-ups open", tuesday[0].Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Check in with the student", tuesday[0].Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("JB Y9", tuesday[0].Body!["summary"]!.GetValue<string>(), StringComparison.Ordinal);

        // Saturday 08:00 and Sunday: none. Monday 08:00: the next.
        _school.Clock.Advance(TimeSpan.FromDays(4));
        await TickAsync(_school);
        _school.Clock.Advance(TimeSpan.FromDays(1));
        await TickAsync(_school);
        await Task.Delay(150);
        Assert.Single(Digests(lead));
        _school.Clock.Advance(TimeSpan.FromDays(1));
        await TickAsync(_school);
        await WaitForDigestsAsync(lead, 2);
    }

    private List<Infrastructure.RecordedCall> Digests(string conversation) =>
        [.. _school.CallsTo(conversation).Where(c => c.Method == "POST" && c.Card?.ToJsonString().Contains("Safeguarding digest", StringComparison.Ordinal) == true)];

    private async Task<List<Infrastructure.RecordedCall>> WaitForDigestsAsync(string conversation, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Digests(conversation).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} digests");
            await Task.Delay(20);
        }

        await Task.Delay(150);
        var digests = Digests(conversation);
        Assert.Equal(count, digests.Count);
        return digests;
    }
}
