using TriageBot.Connector.Authentication.Outbound;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Storage;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Hosting;

public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("SingleTenant", "secret", "", "MicrosoftAppTenantId")]
    [InlineData("MultiTenant", "", "", "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "", "", "MicrosoftAppTenantId")]
    public async Task MisconfiguredIdentity_StopsTheStart_NamingTheKeyToFix(string appType, string password, string tenant, string key)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = "6f1c4a7e-0000-4000-8000-00000000b07a",
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        };

        var failure = await Assert.ThrowsAsync<BotFrameworkConfigurationException>(() => TestBotHost.StartDirectlyAsync(settings));

        Assert.Equal(key, failure.Key);
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "delete")]
    [InlineData("wal", "wal")]
    public async Task JournalMode_IsAppliedToTheDatabase(string configured, string expected)
    {
        await using var bot = await TestBotHost.StartAsync(new Dictionary<string, string?> { ["Storage:SqliteJournalMode"] = configured });

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={bot.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal(expected, (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task UnknownJournalMode_StopsTheStart_NamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestBotHost.StartDirectlyAsync(new Dictionary<string, string?> { ["Storage:SqliteJournalMode"] = "MEMORY-ISH" }));

        Assert.Contains("Storage:SqliteJournalMode", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresProvider_StopsTheStart_SayingOnOneLineThatTheEngineIsNotBuilt()
    {
        var failure = await Assert.ThrowsAsync<StorageConfigurationException>(() =>
            TestBotHost.StartDirectlyAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" }));

        Assert.StartsWith("Storage:Provider is Postgres", failure.Message, StringComparison.Ordinal);
        Assert.Contains("no PostgreSQL engine", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public async Task UnknownProvider_StopsTheStart_NamingTheSettingAndTheChoices()
    {
        var failure = await Assert.ThrowsAsync<StorageConfigurationException>(() =>
            TestBotHost.StartDirectlyAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" }));

        Assert.Equal("Storage:Provider is 'Oracle'; use Sqlite (the default) or Postgres.", failure.Message);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("sqlite")]
    public async Task SqliteProvider_NamedOrNot_StartsOnTheSqliteEngine(string provider)
    {
        await using var bot = await TestBotHost.StartAsync(new Dictionary<string, string?> { ["Storage:Provider"] = provider });

        Assert.IsType<TriageBot.Storage.Sqlite.SqliteWriter>(bot.Services.GetRequiredService<IStoreWriter>());
        Assert.True(await bot.Services.GetRequiredService<IStoreHealth>().IsReachableAsync(CancellationToken.None));
    }
}
