using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Turns;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Logging;

/// <summary>What staff type about a student, and what they enter in cards, never reaches a log line; the conversation and activity type do.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task JsonLog_NamesConversationAndActivityType_ButNeverTextOrCardValues()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var bot = await TestBotHost.StartAsync(overrideServices: services => services.AddSingleton<IConversationBot, ScriptedBot>());
        var typed = Activities.Message(connector.ServiceUrl, "c-private", "Year 9 girl AB says she wants to die PRIVATE-MARKER-1");
        var submitted = Activities.Message(connector.ServiceUrl, "c-private", "");
        submitted["value"] = new JsonObject { ["studentRef"] = "PRIVATE-MARKER-2", ["note"] = "bruises on arms" };

        await bot.Client.PostAsync(typed);
        await bot.Client.PostAsync(submitted);
        await bot.StopAsync();
        var log = bot.ReadLogFiles();

        Assert.Contains("\"ConversationId\":\"c-private\"", log, StringComparison.Ordinal);
        Assert.Contains("\"ActivityType\":\"message\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE-MARKER", log, StringComparison.Ordinal);
        Assert.DoesNotContain("wants to die", log, StringComparison.Ordinal);
        Assert.DoesNotContain("bruises", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestLog_NamesTheRouteTemplate_NeverTheDownloadTokenOrQueryString()
    {
        await using var bot = await TestBotHost.StartAsync();

        var response = await bot.Client.GetAsync(new Uri("/admin/downloads/TOKEN-MARKER-3?studentRef=PRIVATE-MARKER-4", UriKind.Relative));
        await bot.StopAsync();
        var log = bot.ReadLogFiles();

        Assert.Contains($"\"RequestRoute\":\"/admin/downloads/{{token}}\",\"StatusCode\":{(int)response.StatusCode}", log, StringComparison.Ordinal);
        Assert.DoesNotContain("TOKEN-MARKER", log, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE-MARKER", log, StringComparison.Ordinal);
    }
}
