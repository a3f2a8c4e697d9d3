using TriageBot.Storage;

namespace TriageBot.Hosting;

/// <summary>Creates or upgrades the database before the server accepts requests (hosted services start first).</summary>
public sealed partial class DatabaseInitializer(IStoreSchema schema, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await schema.MigrateAsync(cancellationToken);
        LogReady(schema.Location);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1201, LogLevel.Information, "Store ready: {StoreLocation}")]
    private partial void LogReady(string storeLocation);
}
