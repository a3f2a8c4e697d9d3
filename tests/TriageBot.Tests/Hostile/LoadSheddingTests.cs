using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Turns;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Hostile;

/// <summary>Issue 13: above LoadShedding:MaxTurnsInFlight a request is answered 503 with Retry-After, runs nothing, and the turns in flight finish normally.</summary>
public sealed class LoadSheddingTests
{
    [Fact]
    public async Task ATurnAboveTheLimit_Gets503WithRetryAfter_AndTheOthersComplete()
    {
        var bot = new HeldBot();
        await using var connector = await RecordingConnector.StartAsync();
        await using var host = await TestBotHost.StartAsync(
            new Dictionary<string, string?> { ["LoadShedding:MaxTurnsInFlight"] = "2", ["LoadShedding:RetryAfterSeconds"] = "3" },
            services => services.AddSingleton<IConversationBot>(bot));

        var first = host.Client.PostAsync(Activities.Message(connector.ServiceUrl, "c-shed-1", "one"));
        var second = host.Client.PostAsync(Activities.Message(connector.ServiceUrl, "c-shed-2", "two"));
        await bot.Entered.WaitAsync();
        await bot.Entered.WaitAsync();

        using var third = await host.Client.PostAsync(Activities.Message(connector.ServiceUrl, "c-shed-3", "three"));
        bot.Release.SetResult();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), third.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
        Assert.Null(await host.ReadStateJsonAsync("c-shed-3"));
        using var afterwards = await host.Client.PostAsync(Activities.Message(connector.ServiceUrl, "c-shed-3", "three again"));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    /// <summary>Holds every turn until released, so a test knows exactly how many are in flight.</summary>
    private sealed class HeldBot : IConversationBot
    {
        public SemaphoreSlim Entered { get; } = new(0);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<TurnResult> OnTurnAsync(TurnInput input, DialogState state, CancellationToken cancellationToken)
        {
            Entered.Release();
            await Release.Task.WaitAsync(cancellationToken);
            return new TurnResult(state, [new BotReply("held")]);
        }
    }
}
