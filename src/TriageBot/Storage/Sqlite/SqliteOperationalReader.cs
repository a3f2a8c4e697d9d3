using System.Globalization;
using Dapper;
using TriageBot.Outbox;
using TriageBot.Telemetry;

namespace TriageBot.Storage.Sqlite;

/// <summary>The gauges' reads on SQLite: three small queries on a reader connection (never the writer).</summary>
public sealed class SqliteOperationalReader(SqliteDatabase database) : IOperationalReader
{
    /// <summary>Kinds reported even when none waits, so a chart shows 0 rather than a gap.</summary>
    private static readonly string[] KnownKinds =
    [
        OutboxKinds.PostEscalationCard, OutboxKinds.UpdateEscalationCards, OutboxKinds.EyesOnCheck, OutboxKinds.Message,
        FollowUps.FollowUpOutbox.TaskCard, FollowUps.FollowUpOutbox.Digest,
    ];

    public OperationalSnapshot Read(DateTimeOffset now)
    {
        // Microsoft.Data.Sqlite does its I/O synchronously, so this completes at once.
        using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        var backlog = KnownKinds.ToDictionary(kind => kind, _ => 0L);
        foreach (var (kind, count) in connection.Query<(string Kind, long Count)>(
                     "SELECT kind, COUNT(*) FROM outbox WHERE status = 'pending' GROUP BY kind;"))
        {
            backlog[kind] = count;
        }

        var oldest = connection.ExecuteScalar<string?>(
            "SELECT MIN(created_at) FROM outbox WHERE status = 'pending' AND kind = @kind;", new { kind = OutboxKinds.PostEscalationCard });
        var waiting = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM escalations WHERE status = 'open';");
        var age = oldest is null
            ? TimeSpan.Zero
            : now - DateTimeOffset.Parse(oldest, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new OperationalSnapshot(backlog, age < TimeSpan.Zero ? TimeSpan.Zero : age, waiting);
    }
}
