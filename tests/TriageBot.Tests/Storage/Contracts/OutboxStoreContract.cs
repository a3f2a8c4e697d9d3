using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Outbox;

namespace TriageBot.Tests.Storage.Contracts;

/// <summary>
/// The outbox, on any engine: the sender claims due messages in batches, a card to a duty lead before anything else,
/// then the oldest first; a claimed message is not claimed again while its claim holds; a message exists only if the
/// unit that queued it committed.
/// </summary>
public abstract class OutboxStoreContract : StoreContract
{
    private IOutboxStore Outbox => Services.GetRequiredService<IOutboxStore>();

    protected override void Configure(IServiceCollection services) =>
        services.Configure<OutboxOptions>(options => options.ClaimTimeout = TimeSpan.FromMinutes(1));

    [Fact]
    public async Task ACardToTheDutyLead_IsClaimedFirst_ThenTheOldest_AndNothingTwice_UntilTheClaimExpires()
    {
        string[] kinds = [OutboxKinds.Message, OutboxKinds.UpdateEscalationCards, OutboxKinds.PostEscalationCard, OutboxKinds.Message, OutboxKinds.PostEscalationCard];
        await Writer.WriteAsync(async write =>
        {
            foreach (var (kind, i) in kinds.Select((k, i) => (k, i)))
            {
                await Outbox.EnqueueAsync(write, kind, $"esc-{i}", new JsonObject { ["n"] = i });
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
        Advance(TimeSpan.FromMinutes(2));
        var reclaimed = await Outbox.ClaimDueAsync(10, CancellationToken.None);
        Assert.Equal(["esc-4", "esc-0", "esc-1", "esc-3"], reclaimed.Select(m => m.EscalationId));
    }

    [Fact]
    public async Task AMessageForLater_IsNotClaimedBeforeItsTime()
    {
        await Writer.WriteAsync(write => Outbox.EnqueueAsync(write, OutboxKinds.EyesOnCheck, "esc-later", [], Now.AddMinutes(5)), CancellationToken.None);

        Assert.Empty(await Outbox.ClaimDueAsync(10, CancellationToken.None));
        Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("esc-later", Assert.Single(await Outbox.ClaimDueAsync(10, CancellationToken.None)).EscalationId);
    }

    [Fact]
    public async Task AMessageQueuedClaimed_IsLeftToItsProcess_UntilTheClaimExpires()
    {
        var made = await Writer.WriteAsync(write => Outbox.EnqueueClaimedAsync(write, OutboxKinds.PostEscalationCard, "esc-now", new JsonObject { ["recipientIndex"] = 0 }), CancellationToken.None);

        Assert.Equal(0, made.Attempts);
        Assert.Equal(0, made.Payload["recipientIndex"]!.GetValue<int>());
        Assert.Empty(await Outbox.ClaimDueAsync(10, CancellationToken.None));
        Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(made.Id, Assert.Single(await Outbox.ClaimDueAsync(10, CancellationToken.None)).Id);
    }

    [Fact]
    public async Task ARetry_WaitsForItsTime_AndCountsTheAttempt_AndAFailedMessage_IsNeverClaimedAgain()
    {
        await Writer.WriteAsync(async write =>
        {
            await Outbox.EnqueueAsync(write, OutboxKinds.Message, "esc-retry", []);
            await Outbox.EnqueueAsync(write, OutboxKinds.Message, "esc-fail", []);
        }, CancellationToken.None);
        var claimed = await Outbox.ClaimDueAsync(10, CancellationToken.None);

        await Outbox.RetryAtAsync(claimed.Single(m => m.EscalationId == "esc-retry").Id, Now.AddSeconds(30), "connector answered 503", CancellationToken.None);
        await Outbox.MarkFailedAsync(claimed.Single(m => m.EscalationId == "esc-fail").Id, "connector answered 403", CancellationToken.None);

        Assert.Empty(await Outbox.ClaimDueAsync(10, CancellationToken.None));
        Advance(TimeSpan.FromSeconds(30));
        var retried = Assert.Single(await Outbox.ClaimDueAsync(10, CancellationToken.None));
        Assert.Equal(("esc-retry", 1), (retried.EscalationId, retried.Attempts));
        Advance(TimeSpan.FromHours(1));
        Assert.DoesNotContain(await Outbox.ClaimDueAsync(10, CancellationToken.None), m => m.EscalationId == "esc-fail");
    }

    [Fact]
    public async Task AMessageQueuedInAUnitThatWasDiscardedOrThrew_DoesNotExist()
    {
        await Writer.WriteAsync(async write =>
        {
            await Outbox.EnqueueAsync(write, OutboxKinds.Message, "esc-discarded", []);
            write.Discard();
        }, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Writer.WriteAsync(async write =>
        {
            await Outbox.EnqueueAsync(write, OutboxKinds.Message, "esc-threw", []);
            throw new InvalidOperationException("the decision failed");
        }, CancellationToken.None));

        Assert.Empty(await Outbox.ClaimDueAsync(10, CancellationToken.None));
    }
}

/// <summary>The outbox contract on SQLite.</summary>
public sealed class SqliteOutboxStoreTests : OutboxStoreContract
{
    protected override void AddEngine(IServiceCollection services) => SqliteEngine.Add(services);
}
