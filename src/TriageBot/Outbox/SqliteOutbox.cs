using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Outbox;

/// <summary>
/// The outbox table: messages are added inside the transaction that decided them, and claimed in batches by the
/// sender. A claim expires, so a message held by a process that died is sent by the next one. Delivery is at least
/// once: a crash after the connector accepted a message but before it is marked sent sends it again.
/// </summary>
public sealed class SqliteOutbox(SqliteDatabase database, SqliteWriter writer, TimeProvider time, IOptions<OutboxOptions> options)
{
    /// <summary>Adds a message in the caller's transaction (it exists only if that transaction commits).</summary>
    public Task EnqueueAsync(DbConnection connection, DbTransaction transaction, string kind, string? escalationId, JsonObject payload, CancellationToken cancellationToken, DateTimeOffset? notBefore = null) =>
        InsertAsync(connection, transaction, kind, escalationId, payload, notBefore, claimed: false, cancellationToken);

    /// <summary>
    /// Adds a message in the caller's transaction already claimed by this process, for a sender to deliver at once
    /// (<see cref="OutboxSender.DeliverNow"/>) rather than wait for its turn. Should this process die first, the claim
    /// expires and any sender delivers it, as with any other message.
    /// </summary>
    public async Task<OutboxMessage> EnqueueClaimedAsync(DbConnection connection, DbTransaction transaction, string kind, string? escalationId, JsonObject payload, CancellationToken cancellationToken)
    {
        var id = await InsertAsync(connection, transaction, kind, escalationId, payload, notBefore: null, claimed: true, cancellationToken);
        return new OutboxMessage(id, kind, escalationId, (JsonObject)payload.DeepClone(), 0);
    }

    private async Task<long> InsertAsync(
        DbConnection connection, DbTransaction transaction, string kind, string? escalationId, JsonObject payload, DateTimeOffset? notBefore, bool claimed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return (long)(await connection.Prepared(transaction,
                """
                INSERT INTO outbox (kind, escalation_id, payload_json, status, attempts, next_attempt_at, claimed_until, created_at)
                VALUES (@kind, @escalationId, @payload, 'pending', 0, @next, @until, @now)
                RETURNING id;
                """)
            .With("@kind", kind)
            .With("@escalationId", escalationId)
            .With("@payload", payload.ToJsonString())
            .With("@next", Stamp(notBefore ?? now))
            .With("@until", claimed ? Stamp(now + options.Value.ClaimTimeout) : null)
            .With("@now", Stamp(now))
            .ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due messages, in the order they should go: cards to a duty lead first (that
    /// is what someone is waiting for), then the rest oldest first. Empty when none is due.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // Most looks find nothing: see that without queuing a write.
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT EXISTS (SELECT 1 FROM outbox WHERE status = 'pending' AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now));",
                    new { now = Stamp(now) }, cancellationToken: cancellationToken)))
            {
                return [];
            }
        }

        var rows = await writer.WriteAsync(async write => (await write.Connection.QueryAsync<Row>(new CommandDefinition(
            """
            UPDATE outbox SET claimed_until = @until
            WHERE id IN (
                SELECT id FROM outbox
                WHERE status = 'pending' AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now)
                ORDER BY kind <> @first, id LIMIT @max)
            RETURNING id AS Id, kind AS Kind, escalation_id AS EscalationId, payload_json AS PayloadJson, attempts AS Attempts;
            """,
            new { now = Stamp(now), until = Stamp(now + options.Value.ClaimTimeout), first = OutboxKinds.PostEscalationCard, max },
            write.Transaction,
            cancellationToken: write.CancellationToken))).ToList(), cancellationToken);
        return [.. rows
            .OrderBy(r => r.Kind != OutboxKinds.PostEscalationCard)
            .ThenBy(r => r.Id)
            .Select(r => new OutboxMessage(r.Id, r.Kind, r.EscalationId, JsonNode.Parse(r.PayloadJson)!.AsObject(), (int)r.Attempts))];
    }

    public async Task MarkSentAsync(long id, string? deliveredId, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(write => write.Connection.Prepared(write.Transaction,
                "UPDATE outbox SET status = 'sent', delivered_id = @deliveredId, attempts = attempts + 1, claimed_until = NULL WHERE id = @id;")
            .With("@id", id)
            .With("@deliveredId", deliveredId)
            .ExecuteNonQueryAsync(write.CancellationToken), cancellationToken);
    }

    /// <summary>Schedules another attempt: after the connector's Retry-After when it gave one, else with doubling backoff.</summary>
    public async Task RetryLaterAsync(long id, int attempts, TimeSpan? retryAfter, string error, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts + 1), options.Value.MaxRetryDelay.TotalSeconds));
        var next = time.GetUtcNow() + (retryAfter is { } after && after > backoff ? after : backoff);
        await writer.WriteAsync(write => write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @next, claimed_until = NULL, last_error = @error WHERE id = @id;",
            new { id, next = Stamp(next), error }, write.Transaction, cancellationToken: write.CancellationToken)), cancellationToken);
    }

    /// <summary>Gives up on a message the connector refused for good (recorded with the reason, never silently dropped).</summary>
    public async Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(write => write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET status = 'failed', attempts = attempts + 1, claimed_until = NULL, last_error = @error WHERE id = @id;",
            new { id, error }, write.Transaction, cancellationToken: write.CancellationToken)), cancellationToken);
    }

    private static string Stamp(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private sealed record Row(long Id, string Kind, string? EscalationId, string PayloadJson, long Attempts);
}
