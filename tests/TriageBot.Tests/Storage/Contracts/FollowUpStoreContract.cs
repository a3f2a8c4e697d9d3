using Microsoft.Extensions.DependencyInjection;
using TriageBot.FollowUps;
using TriageBot.Incidents;

namespace TriageBot.Tests.Storage.Contracts;

/// <summary>
/// Follow-up tasks and digests, on any engine: a task is made once per incident, rule and subject; a change applies
/// to the version it read of an open task, so of two at once exactly one is recorded; a reminder and an overdue card
/// are claimed once; a digest is made once per day and person, even when two writers race.
/// </summary>
public abstract class FollowUpStoreContract : StoreContract
{
    private IFollowUpStore Store => Services.GetRequiredService<IFollowUpStore>();

    private IFollowUpQueries Queries => Services.GetRequiredService<IFollowUpQueries>();

    private IDigestStore Digests => Services.GetRequiredService<IDigestStore>();

    private static readonly FollowUpOwnerRef Owner = new("dsl-1", null, "aad-1", "Sam Lead", null);

    private NewFollowUp NewTask(string incidentId, string subject = "") =>
        new(incidentId, "check-in", subject, "Check in with the student", "You spoke to them", Owner,
            Now, Now.AddDays(1), Now.AddDays(1), Now.AddDays(2));

    private Task<long?> CreateAsync(NewFollowUp task) => Writer.WriteAsync(write => Store.CreateAsync(write, task), CancellationToken.None);

    [Fact]
    public async Task ATask_IsMadeOncePerIncidentRuleAndSubject_AndReadsBackAsMade()
    {
        var first = await CreateAsync(NewTask("inc-1"));
        var again = await CreateAsync(NewTask("inc-1"));
        var otherSubject = await CreateAsync(NewTask("inc-1", "camhs"));

        Assert.NotNull(first);
        Assert.Null(again);
        Assert.NotNull(otherSubject);
        Assert.NotEqual(first, otherSubject);
        var read = await Queries.ByNumberAsync(first.Value, null, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(("inc-1", "check-in", "", FollowUpStatuses.Open, 1L), (read.IncidentId, read.RuleId, read.Subject, read.Status, read.Version));
        Assert.Equal(Owner, read.Owner);
        Assert.Equal((Now.AddDays(1), Now.AddDays(1), Now.AddDays(2)), (read.DueAt, read.RemindAt, read.OverdueAt));
        Assert.Equal(new IncidentOpenWork(0, 2), await Services.GetRequiredService<IIncidentQueries>().OpenWorkAsync("inc-1", null, CancellationToken.None));
    }

    [Fact]
    public async Task OfTwoChangesToTheSameVersion_ExactlyOneIsRecorded_EvenWhenTheyRace()
    {
        var number = (await CreateAsync(NewTask("inc-2")))!.Value;

        var results = await Task.WhenAll(
            Writer.WriteAsync(write => Store.MarkDoneAsync(write, number, 1, Now, "Sam Lead"), CancellationToken.None),
            Writer.WriteAsync(write => Store.MarkDoneAsync(write, number, 1, Now, "Alex Lead"), CancellationToken.None));

        Assert.Single(results, r => r);
        var done = (await Queries.ByNumberAsync(number, null, CancellationToken.None))!;
        Assert.Equal((FollowUpStatuses.Done, 2L, (DateTimeOffset?)null), (done.Status, done.Version, done.RemindAt));
        Assert.True(done.DoneByName is "Sam Lead" or "Alex Lead", done.DoneByName);

        // A done task takes no further change, at any version.
        Assert.False(await Writer.WriteAsync(write => Store.SnoozeAsync(write, number, 2, Now.AddHours(1)), CancellationToken.None));
        Assert.False(await Writer.WriteAsync(write => Store.NoteAddedAsync(write, number, 2), CancellationToken.None));
        Assert.False(await Writer.WriteAsync(write => Store.ClaimReminderAsync(write, number, 2), CancellationToken.None));
    }

    [Fact]
    public async Task Snooze_Reassign_AndANote_EachMoveTheVersion_AndAStaleOneChangesNothing()
    {
        var number = (await CreateAsync(NewTask("inc-3")))!.Value;

        Assert.True(await Writer.WriteAsync(write => Store.SnoozeAsync(write, number, 1, Now.AddHours(3)), CancellationToken.None));
        Assert.True(await Writer.WriteAsync(write => Store.ReassignAsync(write, number, 2, "dsl-2", "aad-2", "Alex Lead", Now.AddHours(4)), CancellationToken.None));
        Assert.True(await Writer.WriteAsync(write => Store.NoteAddedAsync(write, number, 3), CancellationToken.None));
        Assert.False(await Writer.WriteAsync(write => Store.SnoozeAsync(write, number, 3, Now.AddHours(9)), CancellationToken.None));

        var task = (await Queries.ByNumberAsync(number, null, CancellationToken.None))!;
        Assert.Equal(4, task.Version);
        Assert.Equal(new FollowUpOwnerRef("dsl-2", null, "aad-2", "Alex Lead", null), task.Owner);
        Assert.Equal(Now.AddHours(4), task.RemindAt);
        Assert.Equal(Now.AddDays(1), task.DueAt);
    }

    [Fact]
    public async Task AReminderAndAnOverdueCard_AreEachClaimedOnce()
    {
        var number = (await CreateAsync(NewTask("inc-4")))!.Value;
        Advance(TimeSpan.FromDays(2));

        Assert.Equal(number, Assert.Single(await Queries.ReminderDueAsync(Now, CancellationToken.None)).Number);
        Assert.Equal(1, await Queries.CountOverdueAsync(Now, CancellationToken.None));
        Assert.True(await Writer.WriteAsync(write => Store.ClaimReminderAsync(write, number, 1), CancellationToken.None));
        Assert.False(await Writer.WriteAsync(write => Store.ClaimReminderAsync(write, number, 1), CancellationToken.None));
        Assert.Empty(await Queries.ReminderDueAsync(Now, CancellationToken.None));

        var reminded = Assert.Single(await Queries.OverdueUnraisedAsync(Now, CancellationToken.None));
        Assert.Equal((1, 2L), (reminded.RemindersSent, reminded.Version));
        Assert.True(await Writer.WriteAsync(write => Store.ClaimOverdueAsync(write, number, 2, Now), CancellationToken.None));
        Assert.False(await Writer.WriteAsync(write => Store.ClaimOverdueAsync(write, number, 2, Now), CancellationToken.None));
        Assert.Empty(await Queries.OverdueUnraisedAsync(Now, CancellationToken.None));
        Assert.Equal(Now, (await Queries.ByNumberAsync(number, null, CancellationToken.None))!.OverdueEscalatedAt);
    }

    [Fact]
    public async Task ATaskMadeInAUnitThatWasDiscarded_DoesNotExist()
    {
        await Writer.WriteAsync(async write =>
        {
            await Store.CreateAsync(write, NewTask("inc-5"));
            write.Discard();
        }, CancellationToken.None);

        Assert.Empty(await Queries.OpenAsync(CancellationToken.None));
        Assert.NotNull(await CreateAsync(NewTask("inc-5")));
    }

    [Fact]
    public async Task ADigest_IsMadeOncePerDayAndPerson_EvenWhenTwoWritersRace()
    {
        var today = new DateOnly(2026, 12, 3);

        var raced = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Writer.WriteAsync(write => Digests.MarkMadeAsync(write, today, "dsl-1", Now), CancellationToken.None)));
        var again = await Writer.WriteAsync(write => Digests.MarkMadeAsync(write, today, "dsl-1", Now.AddHours(1)), CancellationToken.None);
        var otherLead = await Writer.WriteAsync(write => Digests.MarkMadeAsync(write, today, "dsl-2", Now), CancellationToken.None);
        var tomorrow = await Writer.WriteAsync(write => Digests.MarkMadeAsync(write, today.AddDays(1), "dsl-1", Now.AddDays(1)), CancellationToken.None);

        Assert.Single(raced, r => r);
        Assert.False(again);
        Assert.True(otherLead);
        Assert.True(tomorrow);
    }

    [Fact]
    public async Task ADigestMarkedInADiscardedUnit_CanStillBeMade()
    {
        var today = new DateOnly(2026, 12, 3);
        await Writer.WriteAsync(async write =>
        {
            await Digests.MarkMadeAsync(write, today, "dsl-1", Now);
            write.Discard();
        }, CancellationToken.None);

        Assert.True(await Writer.WriteAsync(write => Digests.MarkMadeAsync(write, today, "dsl-1", Now), CancellationToken.None));
    }
}

/// <summary>The follow-up and digest contract on SQLite.</summary>
public sealed class SqliteFollowUpStoreTests : FollowUpStoreContract
{
    protected override void AddEngine(IServiceCollection services) => SqliteEngine.Add(services);
}
