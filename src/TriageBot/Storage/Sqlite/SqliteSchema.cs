using Dapper;
using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// The store's tables, as numbered migrations applied in order and recorded in schema_migrations,
/// so a school's existing database is upgraded in place when a new version starts.
/// </summary>
internal static class SqliteSchema
{
    private static readonly (int Number, string Sql)[] Migrations =
    [
        (1, """
            CREATE TABLE conversation_state (
                channel_id      TEXT    NOT NULL,
                conversation_id TEXT    NOT NULL,
                state_json      TEXT    NOT NULL,
                version         INTEGER NOT NULL,
                updated_at      TEXT    NOT NULL,
                PRIMARY KEY (channel_id, conversation_id)
            );
            """),
        (2, SqliteIncidentLogTable.CreateSql),
        (3, SqliteKnownConversationTable.CreateSql),
        (4, SqliteEscalationTables.CreateSql),
        (5, SqliteEscalationTables.AddEyesOnSql),
        (6, SqliteEscalationTables.AddQuestionPendingSql),
        (7, SqliteIncidentTables.CreateSql),
        (8, SqliteFollowUpTables.CreateSql),
        (9, SqliteDownloadLinkTable.CreateSql),
        (10, SqliteEscalationTables.AddQuestionPendingIndexSql),
        (11, SqliteKnownConversationTable.AddByConversationIndexSql),
        (12, SqliteIncidentTables.AddNotClosedIndexSql),
    ];

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);",
            cancellationToken: cancellationToken));

        // BEGIN IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT number FROM schema_migrations;", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();

        foreach (var (number, sql) in Migrations)
        {
            if (applied.Contains(number))
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (number, applied_at) VALUES (@number, @appliedAt);",
                new { number, appliedAt = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
