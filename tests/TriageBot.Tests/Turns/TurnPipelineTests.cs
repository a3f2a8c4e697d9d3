using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Turns;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Turns;

/// <summary>The turn pipeline through real HTTP: ordering, persistence with a version, failures.</summary>
public sealed class TurnPipelineTests : IAsyncLifetime
{
    private RecordingConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private static Action<IServiceCollection> WithScriptedBot => services => services.AddSingleton<IConversationBot, ScriptedBot>();

    [Fact]
    public async Task ConcurrentTurnsOfOneConversation_NeverInterleave_NoTurnIsLost()
    {
        await using var bot = await TestBotHost.StartAsync(overrideServices: WithScriptedBot);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30)
            .Select(_ => bot.Client.PostAsync(Activities.Message(_connector.ServiceUrl, "c-busy", "next"))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var state = JsonNode.Parse((await bot.ReadStateJsonAsync("c-busy"))!)!;
        Assert.Equal(30, state["values"]!["count"]!.GetValue<int>());
        var texts = (await _connector.WaitForCallsAsync(30)).Select(call => call.Text).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 30).Select(n => $"turn {n}").Order(), texts);
    }

    [Fact]
    public async Task TwoProcessesOnOneDatabase_TheVersionCheckKeepsEveryTurn()
    {
        var folder = Directory.CreateTempSubdirectory("triagebot-shared-").FullName;
        await using var first = await TestBotHost.StartAsync(overrideServices: WithScriptedBot, folder: folder);
        await using var second = await TestBotHost.StartAsync(overrideServices: WithScriptedBot, folder: folder);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? first : second).Client.PostAsync(Activities.Message(_connector.ServiceUrl, "c-shared", "next"))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var apologies = (await _connector.WaitForCallsAsync(20)).Where(call => call.Text?.StartsWith("Sorry", StringComparison.Ordinal) == true);
        Assert.Empty(apologies);
        var state = JsonNode.Parse((await first.ReadStateJsonAsync("c-shared"))!)!;
        Assert.Equal(20, state["values"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task StatePersistsAcrossARestart()
    {
        var folder = Directory.CreateTempSubdirectory("triagebot-restart-").FullName;
        await using (var before = await TestBotHost.StartAsync(overrideServices: WithScriptedBot, folder: folder))
        {
            await before.Client.PostAsync(Activities.Message(_connector.ServiceUrl, "c-restart", "one"));
            await before.Client.PostAsync(Activities.Message(_connector.ServiceUrl, "c-restart", "two"));
        }

        await using var after = await TestBotHost.StartAsync(overrideServices: WithScriptedBot, folder: folder);
        await after.Client.PostAsync(Activities.Message(_connector.ServiceUrl, "c-restart", "three"));

        var calls = await _connector.WaitForCallsAsync(3);
        Assert.Equal("turn 3", calls[^1].Text);
    }

    [Fact]
    public async Task ExceptionInATurn_UserGetsAnApologyWithAReference_The500SaysNothingWasSaved_ItIsLogged_AndTheBotKeepsServing()
    {
        await using var bot = await TestBotHost.StartAsync(overrideServices: WithScriptedBot);

        var failed = await bot.Client.PostAsync(Activities.Message(_connector.ServiceUrl, "c-fail", "boom"));
        var next = await bot.Client.PostAsync(Activities.Message(_connector.ServiceUrl, "c-fail", "after"));

        // Only a saved turn is acknowledged with 200: the channel must not believe this message was kept.
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("not saved", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var calls = await _connector.WaitForCallsAsync(2);
        var apology = calls[0].Text!;
        Assert.StartsWith("Sorry, something went wrong", apology, StringComparison.Ordinal);
        Assert.Contains("call 999", apology, StringComparison.Ordinal);
        var reference = apology[(apology.LastIndexOf("Reference ", StringComparison.Ordinal) + 10)..].TrimEnd(')');

        // The failed turn changed nothing: the next turn is the first one saved.
        Assert.Equal("turn 1", calls[1].Text);

        await bot.StopAsync();
        var log = bot.ReadLogFiles();
        Assert.Contains(reference, log, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", log, StringComparison.Ordinal);
        Assert.DoesNotContain("must never reach a log line", log, StringComparison.Ordinal);
    }
}
