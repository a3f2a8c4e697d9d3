using System.Net;
using System.Text.Json.Nodes;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Invokes;

/// <summary>Action.Execute arrives as an adaptiveCard/action invoke; its answer is the HTTP status and body (PROTOCOL.md 5.1).</summary>
public sealed class AdaptiveCardActionTests : ScriptedBotTestBase
{
    [Fact]
    public async Task Execute_RunsATurn_AndAnswers200WithTheInvokeResponseBody()
    {
        var response = await Bot.Client.PostAsync(Invoke(new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "approve", ["data"] = new JsonObject { ["x"] = 1 } },
            ["trigger"] = "manual",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("turn 1", (await Connector.WaitForCallsAsync(1))[0].Text);
    }

    [Theory]
    [InlineData("no action", "BadRequest")]
    [InlineData("submit", "NotSupported")]
    public async Task MalformedAction_Gets400WithAnErrorBody_AndRunsNothing(string shape, string code)
    {
        var value = shape == "no action"
            ? new JsonObject { ["trigger"] = "manual" }
            : new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit" } };

        var response = await Bot.Client.PostAsync(Invoke(value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal(code, body["value"]!["code"]!.GetValue<string>());
        Assert.Empty(Connector.Calls);
        Assert.Equal(0, await Bot.CountRowsAsync("conversation_state"));
    }

    private JsonObject Invoke(JsonObject value)
    {
        var activity = Activities.Message(Connector.ServiceUrl, $"c-invoke-{Guid.NewGuid():N}", "");
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = value;
        return activity;
    }
}
