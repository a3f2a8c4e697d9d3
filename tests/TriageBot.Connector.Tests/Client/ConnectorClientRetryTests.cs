using System.Globalization;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;

namespace TriageBot.Connector.Tests.Client;

/// <summary>Which failures are retried, how long the client waits, and what the caller sees when it gives up.</summary>
public sealed class ConnectorClientRetryTests : ConnectorClientTestBase
{
    private const string SecretText = "my friend said she wants to hurt herself";

    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = SecretText };

    private Task<ResourceResponse> Send(ConnectorClient client, CancellationToken cancellationToken = default) =>
        client.SendToConversationAsync(Connector.ServiceUrl, TeamsConversationId, Message(), cancellationToken);

    [Fact]
    public async Task Throttled_WaitsExactlyTheRetryAfterSeconds_ThenDeliversOnce()
    {
        Connector.Enqueue(ScriptedResponse.WithRetryAfter(429, "2"), ScriptedResponse.Json(200, """{"id":"delivered"}"""));

        var result = await Clock.RunAsync(Send(CreateClient()));

        Assert.Equal("delivered", result.Id);
        Assert.Equal(2, Connector.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2)], Clock.Waits);
    }

    [Fact]
    public async Task Throttled_WithAnHttpDate_WaitsUntilThatDate()
    {
        var retryAt = SteppingTimeProvider.DefaultStart.AddSeconds(7).ToString("r", CultureInfo.InvariantCulture);
        Connector.Enqueue(ScriptedResponse.WithRetryAfter(429, retryAt), ScriptedResponse.Json(201, """{"id":"delivered"}"""));

        var result = await Clock.RunAsync(Send(CreateClient()));

        Assert.Equal("delivered", result.Id);
        Assert.Equal([TimeSpan.FromSeconds(7)], Clock.Waits);
    }

    [Fact]
    public async Task Throttled_WithoutRetryAfter_BacksOffWithinTheConfiguredBounds()
    {
        Connector.Enqueue(ScriptedResponse.Json(429, "{}"), ScriptedResponse.Json(200, """{"id":"delivered"}"""));

        await Clock.RunAsync(Send(CreateClient()));

        var wait = Assert.Single(Clock.Waits);
        Assert.InRange(wait, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ThrottledForLongerThanMaxDelay_FailsAtOnce_TellingTheCallerWhenToRetry()
    {
        Connector.Enqueue(ScriptedResponse.WithRetryAfter(429, "120"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Clock.RunAsync(Send(CreateClient())));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(Connector.Requests);
        Assert.Empty(Clock.Waits);
    }

    [Fact]
    public async Task ServiceUnavailableTwice_ThenCreated_IsDelivered_WithAFreshRequestEachTime()
    {
        Connector.Enqueue(ScriptedResponse.Json(503, "{}"), ScriptedResponse.Json(503, "{}"), ScriptedResponse.Json(201, """{"id":"delivered"}"""));

        var result = await Clock.RunAsync(Send(CreateClient()));

        Assert.Equal("delivered", result.Id);
        Assert.Equal(3, Connector.Requests.Count);
        Assert.Single(Connector.Requests.Select(r => r.Body).Distinct());
        Assert.All(Connector.Requests, r => Assert.Equal("Bearer test-token", r.Authorization));
        Assert.Equal(2, Clock.Waits.Count);
        Assert.All(Clock.Waits, wait => Assert.InRange(wait, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task PreconditionFailedAndGatewayErrors_AreRetried(int status)
    {
        Connector.Enqueue(ScriptedResponse.Json(status, "{}"), ScriptedResponse.Json(200, """{"id":"delivered"}"""));

        var result = await Clock.RunAsync(Send(CreateClient()));

        Assert.Equal("delivered", result.Id);
        Assert.Equal(2, Connector.Requests.Count);
    }

    [Fact]
    public async Task InternalServerError_IsNotRetried_AndCarriesTheErrorBody()
    {
        const string body = """{"error":{"code":"ServiceError","message":"Something went wrong"}}""";
        Connector.Enqueue(ScriptedResponse.Json(500, body));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Clock.RunAsync(Send(CreateClient())));

        Assert.Single(Connector.Requests);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("SendToConversation", error.Operation);
        Assert.Equal(body, error.Body);
        Assert.Equal("ServiceError", error.Error?.Error?.Code);
        Assert.StartsWith("Connector SendToConversation failed with 500: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretText, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task ClientErrors_AreNotRetried(int status)
    {
        Connector.Enqueue(ScriptedResponse.Json(status, """{"error":{"code":"BadArgument","message":"no"}}"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Clock.RunAsync(Send(CreateClient())));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(Connector.Requests);
        Assert.Empty(Clock.Waits);
    }

    [Fact]
    public async Task BlockedByUser_KeepsTeamsOwnErrorShapeAsRawBody()
    {
        const string body = """{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\"}"}""";
        Connector.Enqueue(ScriptedResponse.Json(403, body));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            CreateClient().ReplyToActivityAsync(Connector.ServiceUrl, TeamsConversationId, "1", Message(), CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal(body, error.Body);
        Assert.Null(error.Error);
        Assert.Contains("Connector ReplyToActivity failed with 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("MessageWritesBlocked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriesExhausted_ReportTheLastStatus()
    {
        Connector.Enqueue(ScriptedResponse.Json(503, "{}"), ScriptedResponse.Json(503, "{}"), ScriptedResponse.Json(504, """{"error":{"code":"GatewayTimeout"}}"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Clock.RunAsync(Send(CreateClient(Patient(maxRetryAttempts: 2)))));

        Assert.Equal(504, error.StatusCode);
        Assert.Equal(3, Connector.Requests.Count);
        Assert.Equal(2, Clock.Waits.Count);
    }

    [Fact]
    public async Task DefaultOptions_TryFiveTimesMoreBeforeGivingUp()
    {
        Connector.Enqueue([.. Enumerable.Repeat(ScriptedResponse.Json(503, "{}"), 6)]);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Clock.RunAsync(Send(CreateClient())));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(6, Connector.Requests.Count);
        Assert.All(Clock.Waits, wait => Assert.True(wait <= TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task HungAttempt_TimesOut_AndTheNextAttemptDelivers()
    {
        Connector.Enqueue(ScriptedResponse.Hanging, ScriptedResponse.Json(201, """{"id":"delivered"}"""));
        var options = new ConnectorRetryOptions { AttemptTimeout = TimeSpan.FromSeconds(15), BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };

        var send = Send(CreateClient(options));
        await Connector.WaitForRequestsAsync(1);
        Clock.Advance(TimeSpan.FromSeconds(15));
        var result = await Clock.RunAsync(send, within: TimeSpan.FromSeconds(2));

        Assert.Equal("delivered", result.Id);
        Assert.Equal(2, Connector.Requests.Count);
    }

    [Fact]
    public async Task UnreachableConnector_IsRetried_ThenReportedWithoutAStatus()
    {
        var closedPortUrl = $"http://127.0.0.1:{LoopbackConnector.FreePort()}/teams/";
        var client = CreateClient(Patient(maxRetryAttempts: 2));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Clock.RunAsync(
            client.SendToConversationAsync(closedPortUrl, TeamsConversationId, Message(), CancellationToken.None)));

        Assert.Equal(0, error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, Clock.Waits.Count);
    }

    [Fact]
    public async Task CallerCancelling_DuringBackoff_StopsWithoutAnotherAttempt()
    {
        Connector.Enqueue(ScriptedResponse.Json(503, "{}"), ScriptedResponse.Json(200, """{"id":"too late"}"""));
        using var cancellation = new CancellationTokenSource();

        var send = Send(CreateClient(), cancellation.Token);
        await Clock.WaitForTimerAsync(TimeSpan.FromMinutes(1));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Single(Connector.Requests);
    }
}
