using System.Text.Json.Nodes;
using TriageBot.Storage;

namespace TriageBot.Outbox;

/// <summary>
/// The outbox: messages are added inside the transaction that decided them, and claimed in batches by the sender. A
/// claim expires (<see cref="OutboxOptions.ClaimTimeout"/>), so a message held by a process that died is sent by the
/// next one; a claim is taken by exactly one sender (SQLite: the writer's lock; PostgreSQL: FOR UPDATE SKIP LOCKED).
/// Delivery is at least once: a crash after the connector accepted a message but before it is marked sent sends it again.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Adds a message in the caller's transaction (it exists only if that transaction commits), due at once or at <paramref name="notBefore"/>.</summary>
    Task EnqueueAsync(IStoreTransaction transaction, string kind, string? escalationId, JsonObject payload, DateTimeOffset? notBefore = null);

    /// <summary>
    /// Adds a message in the caller's transaction already claimed by this process, for a sender to deliver at once
    /// (<see cref="OutboxSender.DeliverNow"/>) rather than wait for its turn. Should this process die first, the claim
    /// expires and any sender delivers it, as with any other message.
    /// </summary>
    Task<OutboxMessage> EnqueueClaimedAsync(IStoreTransaction transaction, string kind, string? escalationId, JsonObject payload);

    /// <summary>
    /// Claims up to <paramref name="max"/> due messages, in the order they should go: cards to a duty lead first (that
    /// is what someone is waiting for), then the rest oldest first. Empty when none is due.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int max, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, string? deliveredId, CancellationToken cancellationToken);

    /// <summary>Releases the claim and schedules another attempt at <paramref name="nextAttemptAt"/>, keeping the reason.</summary>
    Task RetryAtAsync(long id, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken);

    /// <summary>Gives up on a message the connector refused for good (recorded with the reason, never silently dropped).</summary>
    Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken);
}
