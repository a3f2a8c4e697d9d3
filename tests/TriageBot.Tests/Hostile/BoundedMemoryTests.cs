using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.IncidentLog;
using TriageBot.References;
using TriageBot.Storage;
using TriageBot.Tests.Infrastructure;
using TriageBot.Turns;

namespace TriageBot.Tests.Hostile;

/// <summary>
/// Issue 13: whatever ids arrive, what the process keeps per conversation, channel or user stays at its bound: 20,000
/// distinct conversations, each a member of staff starting a report, leave every in-memory cache at its configured size
/// and no per-conversation gate behind, while every conversation's state is in the store.
/// </summary>
public sealed class BoundedMemoryTests
{
    private const int Conversations = 20_000;

    [Fact]
    public async Task TwentyThousandConversations_LeaveEveryCacheAtItsBound_AndTheirStateInTheStore()
    {
        await using var connector = await RecordingConnector.StartAsync();
        await using var bot = await TestBotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:StateCacheSize"] = "1024",
            ["References:RecentCacheSize"] = "4096",
            ["IncidentLog:KeyCacheSize"] = "1024",

            // 20,000 turns' worth of request lines would only bury the test's output.
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });

        var next = 0;
        var refused = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i <= Conversations)
            {
                var message = Activities.Message(connector.ServiceUrl, "c-bounded-" + i.ToString(CultureInfo.InvariantCulture), "a year 9 girl told me she wants to die");
                message["from"]!["id"] = "29:user-" + i.ToString(CultureInfo.InvariantCulture);
                using var response = await bot.Client.PostAsync(message);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }));

        Assert.Equal(0, refused);
        Assert.Equal(1024, bot.Services.GetRequiredService<ConversationStateCache>().Count);
        Assert.Equal(4096, bot.Services.GetRequiredService<ConversationReferenceCapture>().Remembered);
        Assert.True(bot.Services.GetRequiredService<IncidentKeys>().CachedKeys <= 1024);
        Assert.Equal(0, bot.Services.GetRequiredService<ConversationLocks>().Count);
        Assert.Equal(Conversations, await bot.CountRowsAsync("conversation_state"));
    }
}
