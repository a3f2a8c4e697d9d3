using TriageBot.Storage.Sqlite;

namespace TriageBot.Hosting;

/// <summary>Creates or upgrades the database before the server accepts requests (hosted services start first).</summary>
public sealed partial class DatabaseInitializer(SqliteDatabase database, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        LogReady(database.FilePath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1201, LogLevel.Information, "Store ready: SQLite at {DatabasePath}")]
    private partial void LogReady(string databasePath);
}
