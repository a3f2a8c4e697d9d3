using System.Net;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Api;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_IsAlive_ReadyzIsReady_AndTheDatabaseFileWasCreatedOnFirstRun()
    {
        await using var bot = await TestBotHost.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/readyz")).StatusCode);
        Assert.True(File.Exists(bot.DatabasePath));
    }

    [Fact]
    public async Task Readyz_Is503_WhenTheStoreCannotBeReached_WhileHealthzStaysAlive()
    {
        await using var bot = await TestBotHost.StartAsync();
        var dataFolder = Path.GetDirectoryName(bot.DatabasePath)!;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        // The data folder disappears (a detached volume) and a plain file stands in its way.
        Directory.Move(dataFolder, dataFolder + "-gone");
        await File.WriteAllTextAsync(dataFolder, "not a folder");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await bot.Client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);
    }
}
