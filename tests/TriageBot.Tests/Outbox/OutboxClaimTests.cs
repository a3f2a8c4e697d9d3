using Microsoft.Extensions.Time.Testing;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TriageBot.Outbox;
using TriageBot.Storage.Sqlite;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Outbox;

/// <summary>
/// The sender claims due messages in batches: a card to a duty lead before anything else, then the oldest first, and a
/// claimed message is not claimed again while its claim holds.
/// </summary>
public sealed class OutboxClaimTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("triagebot-outbox-").FullName;
    private Store _store = null!;

    private SqliteWriter Writer => _store.Writer;

    private SqliteOutbox Outbox => _store.Outbox;

    public async Task InitializeAsync()
    {
        // The outbox alone on its own database: no sender of the bot's claims anything behind the test's back.
        var database = new SqliteDatabase("Data Source=data/triagebot.db", _folder);
        await database.EnsureCreatedAsync(CancellationToken.None);
        var writer = new SqliteWriter(database, NullLogger<SqliteWriter>.Instance);
        _store = new Store(writer, new SqliteOutbox(database, writer, _clock, Options.Create(new OutboxOptions { ClaimTimeout = TimeSpan.FromMinutes(1) })));
    }

    public async Task DisposeAsync() => await _store.Writer.DisposeAsync();

    [Fact]
    public async Task ACardToTheDutyLead_IsClaimedFirst_ThenTheOldest_AndNothingTwice_UntilTheClaimExpires()
    {
        string[] kinds = [OutboxKinds.Message, OutboxKinds.UpdateEscalationCards, OutboxKinds.PostEscalationCard, OutboxKinds.Message, OutboxKinds.PostEscalationCard];
        await Writer.WriteAsync(async write =>
        {
            foreach (var (kind, i) in kinds.Select((k, i) => (k, i)))
            {
                await Outbox.EnqueueAsync(write.Connection, write.Transaction, kind, $"esc-{i}", new JsonObject { ["n"] = i }, write.CancellationToken);
            }
        }, CancellationToken.None);

        var first = await Outbox.ClaimDueAsync(3, CancellationToken.None);
        var rest = await Outbox.ClaimDueAsync(10, CancellationToken.None);
        var again = await Outbox.ClaimDueAsync(10, CancellationToken.None);

        Assert.Equal(["esc-2", "esc-4", "esc-0"], first.Select(m => m.EscalationId));
        Assert.Equal([OutboxKinds.PostEscalationCard, OutboxKinds.PostEscalationCard, OutboxKinds.Message], first.Select(m => m.Kind));
        Assert.Equal(["esc-1", "esc-3"], rest.Select(m => m.EscalationId));
        Assert.Empty(again);

        // A claim never settled (its process died) expires, and the message is claimed again; one marked sent is not.
        await Outbox.MarkSentAsync(first[0].Id, "sent-1", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var reclaimed = await Outbox.ClaimDueAsync(10, CancellationToken.None);
        Assert.Equal(["esc-4", "esc-0", "esc-1", "esc-3"], reclaimed.Select(m => m.EscalationId));
    }

    [Fact]
    public async Task AMessageForLater_IsNotClaimedBeforeItsTime()
    {
        await Writer.WriteAsync(write => Outbox.EnqueueAsync(
            write.Connection, write.Transaction, OutboxKinds.EyesOnCheck, "esc-later", [], write.CancellationToken, _clock.GetUtcNow().AddMinutes(5)), CancellationToken.None);

        Assert.Empty(await Outbox.ClaimDueAsync(10, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("esc-later", Assert.Single(await Outbox.ClaimDueAsync(10, CancellationToken.None)).EscalationId);
    }

    private sealed record Store(SqliteWriter Writer, SqliteOutbox Outbox);
}
