using Microsoft.Extensions.Options;
using TriageBot.Admin;
using TriageBot.Escalations;
using TriageBot.FollowUps;
using TriageBot.IncidentLog;
using TriageBot.Incidents;
using TriageBot.Outbox;
using TriageBot.Outcomes;
using TriageBot.References;
using TriageBot.Retention;
using TriageBot.Telemetry;

namespace TriageBot.Storage.Sqlite;

/// <summary>Every SQLite implementation of the store's interfaces, registered together: the one place that picks them.</summary>
public static class SqliteStorageServices
{
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string contentRoot)
    {
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new SqliteDatabase(options.ConnectionString, contentRoot, options.SqliteJournalMode);
        });
        services.AddSingleton<SqliteWriter>();
        services.AddSingleton<IStoreWriter>(provider => provider.GetRequiredService<SqliteWriter>());
        services.AddSingleton<SqliteStoreSchema>();
        services.AddSingleton<IStoreSchema>(provider => provider.GetRequiredService<SqliteStoreSchema>());
        services.AddSingleton<IStoreHealth>(provider => provider.GetRequiredService<SqliteStoreSchema>());
        services.AddSingleton<SqliteConversationStateStore>();
        services.AddSingleton<IConversationStateStore>(provider => provider.GetRequiredService<SqliteConversationStateStore>());
        services.AddSingleton<IIncidentLogStore, SqliteIncidentLogStore>();
        services.AddSingleton<IIncidentKeyStore, SqliteIncidentKeyStore>();
        services.AddSingleton<IProjectionCursors, SqliteProjectionCursors>();
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<SqliteKnownConversationStore>();
        services.AddSingleton<IKnownConversationStore>(provider => provider.GetRequiredService<SqliteKnownConversationStore>());
        services.AddSingleton<IDownloadLinkStore, SqliteDownloadLinkStore>();
        services.AddSingleton<IIncidentQueries, SqliteIncidentQueries>();
        services.AddSingleton<IRetentionStore, SqliteRetentionStore>();
        services.AddSingleton<IFollowUpQueries, SqliteFollowUpQueries>();
        services.AddSingleton<IFollowUpStore, SqliteFollowUpStore>();
        services.AddSingleton<IEscalationQueries, SqliteEscalationQueries>();
        services.AddSingleton<IEscalationStore, SqliteEscalationStore>();
        services.AddSingleton<IDigestStore, SqliteDigestStore>();
        services.AddSingleton<IOutcomeFacts, SqliteOutcomeFacts>();
        services.AddSingleton<IIncidentRegisterStore, SqliteIncidentRegisterStore>();
        services.AddSingleton<IOperationalReader, SqliteOperationalReader>();
        return services;
    }
}
