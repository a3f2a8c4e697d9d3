using Microsoft.Extensions.DependencyInjection;
using TriageBot.Storage;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Tests.Storage.Contracts;

/// <summary>The SQLite engine on a new file in a temporary folder, registered as the host registers it.</summary>
internal static class SqliteEngine
{
    public static void Add(IServiceCollection services)
    {
        var folder = Directory.CreateTempSubdirectory("triagebot-contract-").FullName;
        services.Configure<StorageOptions>(options => options.ConnectionString = "Data Source=data/triagebot.db");
        services.AddSqliteStorage(folder);
    }
}
