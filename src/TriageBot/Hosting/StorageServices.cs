using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Hosting;

/// <summary>The store: SQLite from ConnectionStrings:TriageBot (data/triagebot.db by default), created on first run.</summary>
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

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
            return new SqliteDatabase(options.ConnectionString, environment.ContentRootPath, options.SqliteJournalMode);
        });
        services.AddSingleton<SqliteWriter>();
        services.AddSingleton(provider => new ConversationStateCache(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.StateCacheSize));
        services.AddSingleton<SqliteConversationStateStore>();
        services.AddSingleton<IConversationStateStore>(provider => provider.GetRequiredService<SqliteConversationStateStore>());
        services.AddSingleton<IStoreHealth>(provider => provider.GetRequiredService<SqliteConversationStateStore>());
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }
}
