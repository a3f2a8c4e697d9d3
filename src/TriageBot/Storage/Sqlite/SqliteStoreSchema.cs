using Dapper;
using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// The SQLite engine's start and health: migrations on the file (<see cref="SqliteSchema"/>), and /readyz, which opens
/// the file anew (a pooled handle still works on a file that was moved or deleted) and reads the migrations table.
/// </summary>
public sealed class SqliteStoreSchema(SqliteDatabase database) : IStoreSchema, IStoreHealth
{
    public string Location => $"SQLite at {database.FilePath}";

    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => Task.FromResult(File.Exists(database.FilePath));

    public Task MigrateAsync(CancellationToken cancellationToken) => database.EnsureCreatedAsync(cancellationToken);

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenFreshAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations;", cancellationToken: cancellationToken)) > 0;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
