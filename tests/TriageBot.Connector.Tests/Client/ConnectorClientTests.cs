using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Connector.Authentication;
using TriageBot.Connector.Authentication.Outbound;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Connector.Tests.Authentication.Outbound;

namespace TriageBot.Connector.Tests.Client;

/// <summary>What each connector operation puts on the wire and reads back, against a real HTTP server.</summary>
public sealed class ConnectorClientTests : ConnectorClientTestBase
{
    private static Activity Message(string text = "I need to talk to someone") => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task Send_PostsToTheEscapedTeamsConversation_UnderTheServiceUrlBasePath()
    {
        Connector.Enqueue(201, """{"id":"1:new-message"}""");

        var result = await CreateClient().SendToConversationAsync(Connector.ServiceUrl, TeamsConversationId, Message(), CancellationToken.None);

        var request = Assert.Single(Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{LoopbackConnector.BasePath}/v3/conversations/{EscapedTeamsConversationId}/activities", request.RawPath);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("I need to talk to someone", JsonNode.Parse(request.Body)!["text"]!.GetValue<string>());
        Assert.Equal("1:new-message", result.Id);
    }

    [Fact]
    public async Task Send_LeavesOutTheId_WithoutChangingTheCallersActivity()
    {
        Connector.Enqueue(200, """{"id":"2"}""");
        var activity = Message();
        activity.Id = "incoming-id";

        await CreateClient().SendToConversationAsync(Connector.ServiceUrl, TeamsConversationId, activity, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(Connector.Requests).Body)!.AsObject();
        Assert.False(body.ContainsKey("id"));
        Assert.Equal("incoming-id", activity.Id);
    }

    [Fact]
    public async Task Reply_EscapesEmulatorIds_AndAddsReplyToId()
    {
        Connector.Enqueue(200, """{"id":"reply-1"}""");

        var result = await CreateClient().ReplyToActivityAsync(Connector.ServiceUrl + "/", EmulatorConversationId, "act|0001", Message(), CancellationToken.None);

        var request = Assert.Single(Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{LoopbackConnector.BasePath}/v3/conversations/{EscapedEmulatorConversationId}/activities/act%7C0001", request.RawPath);
        Assert.Equal("act|0001", JsonNode.Parse(request.Body)!["replyToId"]!.GetValue<string>());
        Assert.Equal("reply-1", result.Id);
    }

    [Fact]
    public async Task Reply_EscapesTeamsConversationIds()
    {
        Connector.Enqueue(201, """{"id":"1:reply"}""");

        await CreateClient().ReplyToActivityAsync(Connector.ServiceUrl, TeamsConversationId, "1712345678901", Message(), CancellationToken.None);

        Assert.Equal(
            $"{LoopbackConnector.BasePath}/v3/conversations/{EscapedTeamsConversationId}/activities/1712345678901",
            Assert.Single(Connector.Requests).RawPath);
    }

    [Fact]
    public async Task Update_PutsTheNewActivity_WithTheIdOfTheMessageItReplaces()
    {
        Connector.Enqueue(200, """{"id":"1712345678901"}""");

        var result = await CreateClient().UpdateActivityAsync(Connector.ServiceUrl, TeamsConversationId, "1712345678901", Message("Card answered"), CancellationToken.None);

        var request = Assert.Single(Connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"{LoopbackConnector.BasePath}/v3/conversations/{EscapedTeamsConversationId}/activities/1712345678901", request.RawPath);
        Assert.Equal("1712345678901", JsonNode.Parse(request.Body)!["id"]!.GetValue<string>());
        Assert.Equal("1712345678901", result.Id);
    }

    [Fact]
    public async Task Delete_SendsDelete_AndAcceptsAnEmptyAnswer()
    {
        Connector.Enqueue(204);

        await CreateClient().DeleteActivityAsync(Connector.ServiceUrl, TeamsConversationId, "1712345678901", CancellationToken.None);

        var request = Assert.Single(Connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"{LoopbackConnector.BasePath}/v3/conversations/{EscapedTeamsConversationId}/activities/1712345678901", request.RawPath);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task CreateConversation_PostsTheParameters_AndReadsTheNewConversationId()
    {
        Connector.Enqueue(201, """{"id":"a:1-on-1"}""");
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Members = [new ChannelAccount { Id = "29:student" }],
            TenantId = "school-tenant",
            Bot = new ChannelAccount { Id = "28:bot" },
        };

        var result = await CreateClient().CreateConversationAsync(Connector.ServiceUrl, parameters, CancellationToken.None);

        var request = Assert.Single(Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"{LoopbackConnector.BasePath}/v3/conversations", request.RawPath);
        var body = JsonNode.Parse(request.Body)!;
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("29:student", body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("school-tenant", body["tenantId"]!.GetValue<string>());
        Assert.Equal("a:1-on-1", result.Id);
        Assert.Null(result.ActivityId);
    }

    [Fact]
    public async Task GetMembers_ReadsTheList_KeepingTeamsFields()
    {
        Connector.Enqueue(200, """[{"id":"29:1","name":"Ada","aadObjectId":"00000000-0000-0000-0000-000000000001","email":"ada@school.example"},{"id":"28:bot","name":"TriageBot"}]""");

        var members = await CreateClient().GetConversationMembersAsync(Connector.ServiceUrl, TeamsConversationId, CancellationToken.None);

        var request = Assert.Single(Connector.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"{LoopbackConnector.BasePath}/v3/conversations/{EscapedTeamsConversationId}/members", request.RawPath);
        Assert.Equal(["Ada", "TriageBot"], members.Select(m => m.Name));
        Assert.Equal("ada@school.example", members[0].Properties!["email"].GetString());
    }

    [Fact]
    public async Task Accepted_WithoutABody_GivesAnEmptyResourceResponse()
    {
        Connector.Enqueue(202);

        var result = await CreateClient().SendToConversationAsync(Connector.ServiceUrl, EmulatorConversationId, Message(), CancellationToken.None);

        Assert.Null(result.Id);
    }

    [Fact]
    public async Task EveryRequest_CarriesTheBearerTokenFromTheProvider()
    {
        Connector.Enqueue(200, """{"id":"1"}""");
        Connector.Enqueue(200, "[]");

        var client = CreateClient();
        await client.SendToConversationAsync(Connector.ServiceUrl, TeamsConversationId, Message(), CancellationToken.None);
        await client.GetConversationMembersAsync(Connector.ServiceUrl, TeamsConversationId, CancellationToken.None);

        Assert.All(Connector.Requests, request => Assert.Equal("Bearer test-token", request.Authorization));
    }

    [Fact]
    public async Task BotWithAClientSecret_SendsTheTokenItGotFromEntra()
    {
        Connector.Enqueue(200, """{"id":"1"}""");
        using var tokenEndpoint = new FakeTokenEndpoint();
        var options = new BotFrameworkOptions { MicrosoftAppId = "00000000-0000-0000-0000-00000000b07a", MicrosoftAppPassword = "not-a-real-secret" };
        var tokens = AccessTokenProviderFactory.Create(options, TimeProvider.System, tokenEndpoint);

        await CreateClient(tokens: tokens).SendToConversationAsync(Connector.ServiceUrl, TeamsConversationId, Message(), CancellationToken.None);

        Assert.Equal("Bearer token-1", Assert.Single(Connector.Requests).Authorization);
    }

    [Fact]
    public async Task AnonymousBot_SendsNoAuthorizationHeader()
    {
        Connector.Enqueue(200, """{"id":"1"}""");

        await CreateClient(tokens: AnonymousTokenProvider.Instance)
            .SendToConversationAsync(Connector.ServiceUrl, EmulatorConversationId, Message(), CancellationToken.None);

        Assert.Null(Assert.Single(Connector.Requests).Authorization);
    }

    [Fact]
    public async Task SuccessWithABodyThatIsNotJson_IsReportedAsAConnectorError()
    {
        Connector.Enqueue(200, "<html>proxy says hi</html>");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            CreateClient().SendToConversationAsync(Connector.ServiceUrl, TeamsConversationId, Message(), CancellationToken.None));

        Assert.Equal(200, error.StatusCode);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }
}
