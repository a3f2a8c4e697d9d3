using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TriageBot.EndToEnd.Tests;

/// <summary>
/// The outcomes page for leads, in Debian's headless Chromium: after a report the duty lead approved, the page loads
/// with its API key and shows its three charts with bars. A screenshot is saved (screenshots/outcomes-page.png).
/// </summary>
public sealed class OutcomesPageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly BotHost _bot = new();
    private SinkConnector _connector = null!;

    public async Task InitializeAsync()
    {
        await _bot.InitializeAsync();
        _connector = await SinkConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task TheOutcomesPage_LoadsInChromium_AndShowsItsCharts()
    {
        using var http = new HttpClient { BaseAddress = _bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // The lead has a chat with the bot; a member of staff reports an acute positive screen; the lead approves.
        await SayAsync(http, "a:e2e-lead", BotHost.PlaygroundUserAadObjectId, "hi");
        foreach (var text in new[] { "a year 9 girl told me she wants to die", "no", "JB Y9", "done", "no", "yes", "no", "no", "no", "yes" })
        {
            await SayAsync(http, "a:e2e-staff", "aad-e2e-staff", text);
        }

        var escalationId = await WaitForEscalationIdAsync();
        await SayAsync(http, "a:e2e-lead", BotHost.PlaygroundUserAadObjectId, null, new JsonObject { ["escalationId"] = escalationId, ["verb"] = "approve" });

        await using var browser = await PlaygroundBrowser.LaunchAsync();
        await browser.Page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-TriageBot-Key"] = BotHost.AdminApiKey });
        var response = await browser.Page.GotoAsync(new Uri(_bot.BaseAddress, "/admin/outcomes/page").AbsoluteUri);
        Assert.Equal(200, response!.Status);

        await Assertions.Expect(browser.Page.Locator("h1")).ToContainTextAsync("Safeguarding outcomes");
        await Assertions.Expect(browser.Page.Locator("svg#reports-by-type rect.bar")).ToHaveCountAsync(1);
        await Assertions.Expect(browser.Page.Locator("svg#minutes-to-decision rect.bar")).ToHaveCountAsync(2);
        await Assertions.Expect(browser.Page.Locator("svg#follow-ups rect.bar")).ToHaveCountAsync(4);
        await Assertions.Expect(browser.Page.Locator("svg#reports-by-type")).ToContainTextAsync("Suicidal thoughts");
        var box = await browser.Page.Locator("svg#follow-ups").BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 50 }, "the follow-ups chart is drawn at a readable size");
        output.WriteLine("Screenshot: " + await browser.ScreenshotAsync("outcomes-page"));
    }

    private async Task SayAsync(HttpClient http, string conversation, string aad, string? text, JsonObject? value = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-e2e" },
            ["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = aad == BotHost.PlaygroundUserAadObjectId ? "Sam Taylor" : "A Teacher", ["aadObjectId"] = aad },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "TriageBot" },
            ["text"] = text,
            ["value"] = value,
        };
        var response = await http.PostAsJsonAsync("/api/messages", activity);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for '{text}'");
    }

    private async Task<string> WaitForEscalationIdAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var card = _connector.Bodies.Select(b => b.ToJsonString()).FirstOrDefault(b => b.Contains("\"escalationId\":\"", StringComparison.Ordinal));
            if (card is not null)
            {
                return card.Split("\"escalationId\":\"")[1].Split('"')[0];
            }

            await Task.Delay(50);
        }

        Assert.Fail("The escalation card never reached the lead's chat. Bot log:\n" + _bot.Log.Dump());
        return string.Empty;
    }
}
