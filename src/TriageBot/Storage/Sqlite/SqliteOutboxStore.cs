using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Options;
using TriageBot.Outbox;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// The outbox table on SQLite. Claims are a write (UPDATE ... RETURNING in the writer's transaction), so two senders,
/// even in two processes on one file, never claim the same row; a look that finds nothing due does not queue a write.
/// </summary>
public sealed class SqliteOutboxStore(SqliteDatabase database, SqliteWriter writer, TimeProvider time, IOptions<OutboxOptions> options) : IOutboxStore
{
    public Task EnqueueAsync(IStoreTransaction transaction, string kind, string? escalationId, JsonObject payload, DateTimeOffset? notBefore = null) =>
        InsertAsync(SqliteWrite.From(transaction), kind, escalationId, payload, notBefore, claimed: false);

    public async Task<OutboxMessage> EnqueueClaimedAsync(IStoreTransaction transaction, string kind, string? escalationId, JsonObject payload)
    {
        var id = await InsertAsync(SqliteWrite.From(transaction), kind, escalationId, payload, notBefore: null, claimed: true);
        return new OutboxMessage(id, kind, escalationId, (JsonObject)payload.DeepClone(), 0);
    }

    private async Task<long> InsertAsync(SqliteWrite write, string kind, string? escalationId, JsonObject payload, DateTimeOffset? notBefore, bool claimed)
    {
        var now = time.GetUtcNow();
        return (long)(await write.Connection.Prepared(write.Transaction,
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
            .ExecuteScalarAsync(write.CancellationToken))!;
    }

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

    public async Task RetryAtAsync(long id, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(write => write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @next, claimed_until = NULL, last_error = @error WHERE id = @id;",
            new { id, next = Stamp(nextAttemptAt), error = reason }, write.Transaction, cancellationToken: write.CancellationToken)), cancellationToken);
    }

    public async Task MarkFailedAsync(long id, string reason, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(write => write.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET status = 'failed', attempts = attempts + 1, claimed_until = NULL, last_error = @error WHERE id = @id;",
            new { id, error = reason }, write.Transaction, cancellationToken: write.CancellationToken)), cancellationToken);
    }

    private static string Stamp(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private sealed record Row(long Id, string Kind, string? EscalationId, string PayloadJson, long Attempts);
}
