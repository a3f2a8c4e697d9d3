using Microsoft.Extensions.DependencyInjection;
using TriageBot.Escalations;
using TriageBot.Incidents;

namespace TriageBot.Tests.Storage.Contracts;

/// <summary>
/// Escalations, on any engine: one made reads back as made; a move along the chain and a decision are compare-and-sets,
/// so of two timers (or two leads) at once exactly one wins; a raised level only ever brings the deadline closer; an
/// eyes-on check-in and a reporter's answer are each taken once; a card recorded twice is kept once.
/// </summary>
public abstract class EscalationStoreContract : StoreContract
{
    private IEscalationStore Store => Services.GetRequiredService<IEscalationStore>();

    private IEscalationQueries Queries => Services.GetRequiredService<IEscalationQueries>();

    private NewEscalation Escalation(string id, string incidentId) =>
        new(id, incidentId, "self_harm", "urgent_same_day", "requested", Now, "user-1", "Robin Staff", "conv-1",
            ["dsl-1", "dsl-2"], Now.AddMinutes(10), Now.AddMinutes(5));

    private Task CreateAsync(NewEscalation escalation) => Writer.WriteAsync(write => Store.CreateAsync(write, escalation), CancellationToken.None);

    [Fact]
    public async Task AnEscalation_ReadsBackAsMade_AndIsTheIncidentsOpenOne()
    {
        await CreateAsync(Escalation("esc-1", "inc-1"));

        var read = await Queries.GetAsync("esc-1", null, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(("inc-1", "self_harm", "urgent_same_day", "user-1", "conv-1"), (read.IncidentId, read.ProtocolId, read.Level, read.ReporterId, read.ReporterConversationId));
        Assert.Equal(["dsl-1", "dsl-2"], read.Chain);
        Assert.Equal((0, EscalationRecord.Open, 1L, Now.AddMinutes(10), Now), (read.RecipientIndex, read.Status, read.Version, read.Deadline, read.RequestedAt));
        Assert.Equal("esc-1", (await Queries.OpenForIncidentAsync("inc-1", null, CancellationToken.None))?.Id);
        Assert.Null(await Queries.OpenForIncidentAsync("inc-other", null, CancellationToken.None));
        Assert.Equal(new IncidentOpenWork(1, 0), await Writer.WriteAsync(
            write => Services.GetRequiredService<IIncidentQueries>().OpenWorkAsync("inc-1", write, CancellationToken.None), CancellationToken.None));
    }

    [Fact]
    public async Task OfTwoMovesFromTheSamePosition_ExactlyOneWins_AndTheDeadlineIsFoundWhenItPasses()
    {
        await CreateAsync(Escalation("esc-2", "inc-2"));
        Assert.Empty(await Queries.OpenPastDeadlineAsync(Now, CancellationToken.None));
        Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("esc-2", Assert.Single(await Queries.OpenPastDeadlineAsync(Now, CancellationToken.None)).Id);

        var moves = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Writer.WriteAsync(write => Store.MoveOnAsync(write, "esc-2", 0, 1, Now.AddMinutes(10)), CancellationToken.None)));

        Assert.Single(moves, m => m);
        var moved = (await Queries.GetAsync("esc-2", null, CancellationToken.None))!;
        Assert.Equal((1, 2L, Now.AddMinutes(10)), (moved.RecipientIndex, moved.Version, moved.Deadline));
        Assert.Empty(await Queries.OpenPastDeadlineAsync(Now, CancellationToken.None));
    }

    [Fact]
    public async Task OfTwoDecisionsAtOnce_ExactlyOneIsRecorded_AndADecidedEscalationNoLongerMoves()
    {
        await CreateAsync(Escalation("esc-3", "inc-3"));

        var decisions = await Task.WhenAll(
            Writer.WriteAsync(write => Store.DecideAsync(write, "esc-3", """{"verb":"approve"}""", Now), CancellationToken.None),
            Writer.WriteAsync(write => Store.DecideAsync(write, "esc-3", """{"verb":"decline"}""", Now), CancellationToken.None));

        Assert.Single(decisions, d => d);
        var decided = (await Queries.GetAsync("esc-3", null, CancellationToken.None))!;
        Assert.Equal((EscalationRecord.Decided, (DateTimeOffset?)Now), (decided.Status, decided.DecidedAt));
        Assert.NotNull(decided.DecisionJson);
        Assert.Null(await Queries.OpenForIncidentAsync("inc-3", null, CancellationToken.None));
        Assert.Equal(new IncidentOpenWork(0, 0), await Services.GetRequiredService<IIncidentQueries>().OpenWorkAsync("inc-3", null, CancellationToken.None));
        Assert.False(await Writer.WriteAsync(write => Store.MoveOnAsync(write, "esc-3", 0, 1, Now), CancellationToken.None));
    }

    [Fact]
    public async Task ARaisedLevel_OnlyBringsTheDeadlineCloser()
    {
        await CreateAsync(Escalation("esc-4", "inc-4"));

        await Writer.WriteAsync(write => Store.RaiseLevelAsync(write, "esc-4", "immediate", Now.AddMinutes(30)), CancellationToken.None);
        Assert.Equal(("immediate", Now.AddMinutes(10)), await LevelAndDeadlineAsync());
        await Writer.WriteAsync(write => Store.RaiseLevelAsync(write, "esc-4", "immediate", Now.AddMinutes(2)), CancellationToken.None);
        Assert.Equal(("immediate", Now.AddMinutes(2)), await LevelAndDeadlineAsync());
        await Writer.WriteAsync(write => Store.RaiseLevelAsync(write, "esc-4", "emergency", deadlineAtLatest: null), CancellationToken.None);
        Assert.Equal(("emergency", Now.AddMinutes(2)), await LevelAndDeadlineAsync());

        async Task<(string, DateTimeOffset)> LevelAndDeadlineAsync()
        {
            var read = (await Queries.GetAsync("esc-4", null, CancellationToken.None))!;
            return (read.Level, read.Deadline);
        }
    }

    [Fact]
    public async Task AnEyesOnCheckIn_IsClaimedOnceWhenDue_AndNotForADecidedEscalation()
    {
        await CreateAsync(Escalation("esc-5", "inc-5"));
        await CreateAsync(Escalation("esc-6", "inc-6"));
        Assert.Empty(await Queries.EyesOnDueAsync(Now, CancellationToken.None));
        Advance(TimeSpan.FromMinutes(5));
        await Writer.WriteAsync(write => Store.DecideAsync(write, "esc-6", "{}", Now), CancellationToken.None);

        var due = Assert.Single(await Queries.EyesOnDueAsync(Now, CancellationToken.None));
        Assert.Equal(("esc-5", Now, "conv-1", "user-1"), (due.EscalationId, due.DueAt, due.ReporterConversationId, due.ReporterId));
        var claims = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Writer.WriteAsync(write => Store.ClaimEyesOnAsync(write, due.EscalationId, due.DueAt, Now.AddMinutes(5)), CancellationToken.None)));

        Assert.Single(claims, c => c);
        Assert.Empty(await Queries.EyesOnDueAsync(Now, CancellationToken.None));
        Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Now, Assert.Single(await Queries.EyesOnDueAsync(Now, CancellationToken.None)).DueAt);
    }

    [Fact]
    public async Task AQuestion_IsTakenOnceByTheReporterInThatChat()
    {
        await CreateAsync(Escalation("esc-7", "inc-7"));
        Assert.False(await Queries.HasQuestionPendingAsync("user-1", "conv-1", CancellationToken.None));
        await Writer.WriteAsync(write => Store.MarkQuestionPendingAsync(write, "esc-7"), CancellationToken.None);

        Assert.True(await Queries.HasQuestionPendingAsync("user-1", "conv-1", CancellationToken.None));
        Assert.False(await Queries.HasQuestionPendingAsync("user-1", "conv-other", CancellationToken.None));
        Assert.Null(await Writer.WriteAsync(write => Store.TakeQuestionAsync(write, "user-2", "conv-1"), CancellationToken.None));
        Assert.Equal(new PendingQuestion("esc-7", "inc-7"), await Writer.WriteAsync(write => Store.TakeQuestionAsync(write, "user-1", "conv-1"), CancellationToken.None));
        Assert.Null(await Writer.WriteAsync(write => Store.TakeQuestionAsync(write, "user-1", "conv-1"), CancellationToken.None));
        Assert.False(await Queries.HasQuestionPendingAsync("user-1", "conv-1", CancellationToken.None));
    }

    [Fact]
    public async Task ACardRecordedTwice_IsKeptOnce()
    {
        await CreateAsync(Escalation("esc-8", "inc-8"));
        var card = new EscalationCard("esc-8", "dsl-1", "https://smba.example/", "conv-lead", "activity-1", Now);
        var channelCard = card with { PersonId = null, ConversationId = "conv-channel", ActivityId = "activity-2" };

        await Writer.WriteAsync(write => Store.RecordCardAsync(write, card), CancellationToken.None);
        await Writer.WriteAsync(write => Store.RecordCardAsync(write, card), CancellationToken.None);
        await Writer.WriteAsync(write => Store.RecordCardAsync(write, channelCard), CancellationToken.None);

        var cards = await Queries.CardsAsync("esc-8", null, CancellationToken.None);
        Assert.Equal(2, cards.Count);
        Assert.Contains(card, cards);
        Assert.Contains(channelCard, cards);
        Assert.Empty(await Queries.CardsAsync("esc-other", null, CancellationToken.None));
    }
}

/// <summary>The escalation contract on SQLite.</summary>
public sealed class SqliteEscalationStoreTests : EscalationStoreContract
{
    protected override void AddEngine(IServiceCollection services) => SqliteEngine.Add(services);
}
