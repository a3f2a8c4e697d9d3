using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Hosting;

/// <summary>
/// The store: the engine named by Storage:Provider (Sqlite by default) on ConnectionStrings:TriageBot
/// (data/triagebot.db by default), migrated at start. Feature code sees only the interfaces in Storage/ and its own
/// folders; the engine's implementations are registered here and nowhere else.
/// </summary>
public static class StorageServices
{
    public static IServiceCollection AddTriageBotStorage(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).Configure(options =>
        {
            var configured = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                options.ConnectionString = configured;
            }
        });

        services.AddSingleton(provider => new ConversationStateCache(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.StateCacheSize));

        var engine = configuration.GetSection(StorageOptions.SectionName)[nameof(StorageOptions.Provider)];
        switch (string.IsNullOrWhiteSpace(engine) ? StorageOptions.SqliteProvider : engine.Trim())
        {
            case var sqlite when sqlite.Equals(StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase):
                services.AddSqliteStorage(environment.ContentRootPath);
                break;
            case var postgres when postgres.Equals(StorageOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase):
                throw new StorageConfigurationException(
                    "Storage:Provider is Postgres, but this version has no PostgreSQL engine yet: remove the setting or set it to Sqlite.");
            default:
                throw new StorageConfigurationException($"Storage:Provider is '{engine}'; use Sqlite (the default) or Postgres.");
        }

        services.AddHostedService<DatabaseInitializer>();
        return services;
    }
}
