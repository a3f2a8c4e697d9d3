using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly;
using TriageBot.Connector.Authentication.Outbound;
using TriageBot.Connector.Schema;

namespace TriageBot.Connector.Client;

/// <summary>
/// The Bot Connector REST client over one HttpClient: JSON with <see cref="ActivityJson.Options"/>, a bearer token from
/// <see cref="IAccessTokenProvider"/> on every attempt, retries per <see cref="ConnectorRetryOptions"/>.
/// </summary>
public sealed class ConnectorClient(
    HttpClient httpClient,
    IAccessTokenProvider tokenProvider,
    ConnectorRetryOptions retryOptions,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    private readonly ResiliencePipeline<ConnectorResponse> _pipeline = ConnectorRetryPipeline.Create(retryOptions, timeProvider, logger);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var body = SerializeActivity(activity, json => json.Remove("id"));
        return SendAsync<ResourceResponse>("SendToConversation", HttpMethod.Post, serviceUrl, ConnectorPaths.Activities(conversationId), body, cancellationToken);
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var body = SerializeActivity(activity, json =>
        {
            json.Remove("id");
            json["replyToId"] ??= activityId;
        });
        return SendAsync<ResourceResponse>("ReplyToActivity", HttpMethod.Post, serviceUrl, ConnectorPaths.Activity(conversationId, activityId), body, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);

        // An update carries the id of the message it replaces (PROTOCOL.md 3.2).
        var body = SerializeActivity(activity, json => json["id"] = activityId);
        return SendAsync<ResourceResponse>("UpdateActivity", HttpMethod.Put, serviceUrl, ConnectorPaths.Activity(conversationId, activityId), body, cancellationToken);
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return ExecuteAsync("DeleteActivity", HttpMethod.Delete, ConnectorPaths.Resolve(serviceUrl, ConnectorPaths.Activity(conversationId, activityId)), body: null, cancellationToken);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = JsonSerializer.Serialize(parameters, ActivityJson.Options);
        return SendAsync<ConversationResourceResponse>("CreateConversation", HttpMethod.Post, serviceUrl, ConnectorPaths.Conversations, body, cancellationToken);
    }

    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return await SendAsync<List<ChannelAccount>>("GetConversationMembers", HttpMethod.Get, serviceUrl, ConnectorPaths.Members(conversationId), body: null, cancellationToken);
    }

    /// <summary>Serialises a copy so the caller's activity is never changed by sending it.</summary>
    private static string SerializeActivity(Activity activity, Action<JsonObject> adjust)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var json = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!.AsObject();
        adjust(json);
        return json.ToJsonString(ActivityJson.Options);
    }

    private async Task<T> SendAsync<T>(string operation, HttpMethod method, string serviceUrl, string relativePath, string? body, CancellationToken cancellationToken)
        where T : class, new()
    {
        var response = await ExecuteAsync(operation, method, ConnectorPaths.Resolve(serviceUrl, relativePath), body, cancellationToken);
        if (string.IsNullOrWhiteSpace(response.Body))
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(response.Body, ActivityJson.Options) ?? new T();
        }
        catch (JsonException error)
        {
            throw ConnectorException.FromUnreadableBody(operation, response, error);
        }
    }

    private async Task<ConnectorResponse> ExecuteAsync(string operation, HttpMethod method, Uri uri, string? body, CancellationToken cancellationToken)
    {
        using var span = ConnectorTelemetry.Source.StartActivity("connector " + operation, System.Diagnostics.ActivityKind.Internal);
        span?.SetTag("triagebot.connector.operation", operation);
        try
        {
            var response = await ExecuteAttemptsAsync(operation, method, uri, body, cancellationToken);
            span?.SetTag("http.response.status_code", response.StatusCode);
            return response;
        }
        catch (ConnectorException error)
        {
            span?.SetTag("http.response.status_code", error.StatusCode);
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
            throw;
        }
    }

    private async Task<ConnectorResponse> ExecuteAttemptsAsync(string operation, HttpMethod method, Uri uri, string? body, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        ConnectorResponse response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Client.SendOnceAsync(state.Method, state.Uri, state.Body, ctx.CancellationToken),
                context,
                (Client: this, Method: method, Uri: uri, Body: body));
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Network failures, timeouts and token failures all reach the caller as one exception type; the cause is inner.
            throw ConnectorException.WithoutResponse(operation, error);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (!response.IsSuccess)
        {
            ConnectorClientLog.Failed(logger, operation, response.StatusCode, response.CorrelationId);
            throw ConnectorException.FromResponse(operation, response);
        }

        ConnectorClientLog.Succeeded(logger, operation, response.StatusCode);
        return response;
    }

    private async ValueTask<ConnectorResponse> SendOnceAsync(HttpMethod method, Uri uri, string? body, CancellationToken cancellationToken)
    {
        // An HttpRequestMessage can be sent only once, so every attempt builds its own.
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var token = await tokenProvider.GetAccessTokenAsync(cancellationToken);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ConnectorResponse((int)response.StatusCode, text, ReadRetryAfter(response), ReadCorrelationId(response));
    }

    /// <summary>Retry-After as delta seconds or as an HTTP date; a date in the past means "now".</summary>
    private TimeSpan? ReadRetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => TimeSpan.FromTicks(Math.Max(0, (date - timeProvider.GetUtcNow()).Ticks)),
        _ => null,
    };

    private static string? ReadCorrelationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("MS-CV", out var cv) ? cv.FirstOrDefault()
        : response.Headers.TryGetValues("X-Correlating-OperationId", out var operationId) ? operationId.FirstOrDefault()
        : null;
}
