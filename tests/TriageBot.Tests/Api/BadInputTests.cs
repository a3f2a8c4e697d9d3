using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Api;

/// <summary>Every bad request gets its status and a clear problem, runs nothing, writes nothing, and the bot keeps serving.</summary>
public sealed class BadInputTests : ScriptedBotTestBase
{
    public static TheoryData<string, string, string, HttpStatusCode, string?> Refused => new()
    {
        { "malformed JSON", "{\"type\":\"message\", \"conversation\": {\"id\": \"c1\"", "application/json", HttpStatusCode.BadRequest, "line 1" },
        { "wrong value type", """{"type": 42, "conversation": {"id": "c1"}, "serviceUrl": "SERVICE"}""", "application/json", HttpStatusCode.BadRequest, "$.type" },
        { "JSON null", "null", "application/json", HttpStatusCode.BadRequest, null },
        { "no type", """{"conversation": {"id": "c1"}, "serviceUrl": "SERVICE"}""", "application/json", HttpStatusCode.BadRequest, "type" },
        { "no conversation", """{"type": "message", "serviceUrl": "SERVICE"}""", "application/json", HttpStatusCode.BadRequest, "conversation.id" },
        { "no conversation id", """{"type": "message", "conversation": {}, "serviceUrl": "SERVICE"}""", "application/json", HttpStatusCode.BadRequest, "conversation.id" },
        { "no serviceUrl", """{"type": "message", "conversation": {"id": "c1"}}""", "application/json", HttpStatusCode.BadRequest, "serviceUrl" },
        { "relative serviceUrl", """{"type": "message", "conversation": {"id": "c1"}, "serviceUrl": "/v3"}""", "application/json", HttpStatusCode.BadRequest, "serviceUrl" },
        { "text/plain", """{"type": "message", "conversation": {"id": "c1"}, "serviceUrl": "SERVICE"}""", "text/plain", HttpStatusCode.UnsupportedMediaType, null },
        { "form", "type=message", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, null },
        { "nested deeper than 64", """{"type": "message", "conversation": {"id": "c1"}, "serviceUrl": "SERVICE", "value": """ + new string('[', 70) + new string(']', 70) + "}", "application/json", HttpStatusCode.BadRequest, "\"field\":\"value\"" },
        { "a key twice", """{"type": "message", "conversation": {"id": "c1", "ID": "c2"}, "serviceUrl": "SERVICE"}""", "application/json", HttpStatusCode.BadRequest, "conversation.ID" },
        { "conversation id over 512", "{\"type\": \"message\", \"conversation\": {\"id\": \"" + new string('c', 513) + "\"}, \"serviceUrl\": \"SERVICE\"}", "application/json", HttpStatusCode.BadRequest, "\"field\":\"conversation.id\"" },
        { "control character in channelId", """{"type": "message", "channelId": "ms\u0000teams", "conversation": {"id": "c1"}, "serviceUrl": "SERVICE"}""", "application/json", HttpStatusCode.BadRequest, "\"field\":\"channelId\"" },
        { "line break in conversation id", """{"type": "message", "conversation": {"id": "../c1\n"}, "serviceUrl": "SERVICE"}""", "application/json", HttpStatusCode.BadRequest, "\"field\":\"conversation.id\"" },
        { "blank activity id", """{"type": "message", "id": " ", "conversation": {"id": "c1"}, "serviceUrl": "SERVICE"}""", "application/json", HttpStatusCode.BadRequest, "\"field\":\"id\"" },
        { "serviceUrl without a host", """{"type": "message", "conversation": {"id": "c1"}, "serviceUrl": "http://"}""", "application/json", HttpStatusCode.BadRequest, "serviceUrl" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task RefusedRequest_GetsProblemNamingTheField_RunsNothing_AndTheBotKeepsServing(
        string why, string body, string contentType, HttpStatusCode expected, string? namedInProblem)
    {
        var content = new StringContent(body.Replace("SERVICE", Connector.ServiceUrl, StringComparison.Ordinal), Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await Bot.Client.PostAsync("/api/messages", content);

        Assert.True(expected == response.StatusCode, $"{why}: expected {expected}, got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (namedInProblem is not null)
        {
            Assert.Contains(namedInProblem, problem.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await Bot.CountRowsAsync("conversation_state"));
        Assert.Empty(Connector.Calls);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task BodyOver1MB_Gets413_EvenWithoutContentLength()
    {
        var huge = Activities.Message(Connector.ServiceUrl, "c-huge", new string('x', 3 * 1024 * 1024));

        var withLength = await Bot.Client.PostAsync(huge);
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge.ToJsonString())));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var withoutLength = await Bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withoutLength.StatusCode);
        Assert.Contains("1048576", await withLength.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Bot.CountRowsAsync("conversation_state"));
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task UnknownActivityType_IsAcknowledgedAndIgnored()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "c-unknown", "hi");
        activity["type"] = "somethingNew";

        var response = await Bot.Client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(Connector.Calls);
        Assert.Equal(0, await Bot.CountRowsAsync("conversation_state"));
    }

    [Fact]
    public async Task UnknownInvoke_Gets501()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "c-invoke", "");
        activity["type"] = "invoke";
        activity["name"] = "composeExtension/query";

        var response = await Bot.Client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(Connector.Calls);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task GetOnMessages_Gets405()
    {
        var response = await Bot.Client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private async Task AssertStillServingAsync()
    {
        var before = Connector.Calls.Count;
        var response = await Bot.Client.PostAsync(Activities.Message(Connector.ServiceUrl, $"c-ok-{Guid.NewGuid():N}", "hello"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Connector.WaitForCallsAsync(before + 1);
    }
}
