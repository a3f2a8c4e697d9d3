using System.Net;
using System.Text.Json.Nodes;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Hostile;

/// <summary>
/// Issue 13: free-form parts of an activity with the wrong JSON type (channelData, card data, mentions, Action.Execute
/// fields) are read as absent: the turn runs as if they were not there, and nothing answers 500.
/// </summary>
public sealed class WrongTypedFieldsTests : ScriptedBotTestBase
{
    public static TheoryData<string, string, JsonNode?> OddMessages => new()
    {
        { "channelData a string", "channelData", JsonValue.Create("tenant") },
        { "channelData an array", "channelData", new JsonArray(1, 2) },
        { "channelData.tenant an array", "channelData", new JsonObject { ["tenant"] = new JsonArray("t") } },
        { "an eyes-on answer with numbers", "value", new JsonObject { ["eyesOn"] = 7, ["answer"] = 1 } },
        { "a mention whose id is a number", "entities", new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>Bot</at>", ["mentioned"] = new JsonObject { ["id"] = 28 } }) },
    };

    [Theory]
    [MemberData(nameof(OddMessages))]
    public async Task AMessageWithAWronglyTypedField_IsATurnAsIfTheFieldWereAbsent(string why, string field, JsonNode? value)
    {
        var message = Activities.Message(Connector.ServiceUrl, "c-odd", "hello");
        message[field] = value;

        using var response = await Bot.Client.PostAsync(message);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{why}: {response.StatusCode}");
        Assert.Contains(Connector.Calls, call => call.Text == "turn 1");
    }

    [Theory]
    [InlineData("type a number", """{"type": 5, "verb": "x", "data": {}}""", 400)]
    [InlineData("verb an object", """{"type": "Action.Execute", "verb": {"v": 1}, "data": {"choice": 1}}""", 200)]
    [InlineData("data an array", """{"type": "Action.Execute", "verb": "x", "data": [1]}""", 200)]
    public async Task AnActionExecuteWithWronglyTypedFields_IsAnsweredInTheInvokeBody(string why, string action, int statusCode)
    {
        var invoke = Activities.Message(Connector.ServiceUrl, "c-odd-invoke", string.Empty);
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = JsonNode.Parse(action) };

        using var response = await Bot.Client.PostAsync(invoke);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.True((int)response.StatusCode < 500, $"{why}: {response.StatusCode}");
        Assert.Equal(statusCode, body?["statusCode"]?.GetValue<int>());
    }
}
