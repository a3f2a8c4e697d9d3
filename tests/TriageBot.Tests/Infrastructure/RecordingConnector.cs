using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TriageBot.Tests.Infrastructure;

/// <summary>
/// Plays the Bot Connector service on loopback: the bot's serviceUrl points here, and every call the bot makes to
/// /v3/conversations/... is recorded (method, raw path, body, Authorization) and answered 200 with a new activity id.
/// The serviceUrl carries a path (/connector/) to prove the bot keeps it, as Teams' regional URLs need.
/// </summary>
internal sealed class RecordingConnector : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private int _nextId;

    private RecordingConnector(LoopbackServer server) => _server = server;

    public string ServiceUrl => new Uri(_server.BaseAddress, "connector/").AbsoluteUri;

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <summary>
    /// Lets a test make the connector fail: return a status (and a Retry-After value) for a call, or null to answer
    /// it normally. Failed calls are recorded too (<see cref="RecordedCall.Status"/>).
    /// </summary>
    public Func<string, string, (int Status, string? RetryAfter)?>? Failure { get; set; }

    /// <summary>Lets a test answer a call with its own JSON body (a member list, a created conversation); null for the default.</summary>
    public Func<string, string, string?>? Responder { get; set; }

    public static async Task<RecordingConnector> StartAsync()
    {
        RecordingConnector? connector = null;
        var server = await LoopbackServer.StartAsync(app =>
            app.Map("/connector/{**rest}", (HttpContext context) => connector!.RecordAsync(context)));
        connector = new RecordingConnector(server);
        return connector;
    }

    /// <summary>Waits until at least <paramref name="count"/> calls arrived, or fails after the timeout.</summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_calls.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Expected {count} connector calls, got {_calls.Count}.");
            }

            await Task.Delay(20);
        }

        return Calls;
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();

        if (Failure?.Invoke(context.Request.Method, context.Request.Path.Value ?? string.Empty) is { } failure)
        {
            _calls.Enqueue(new RecordedCall(context.Request.Method, RawTargetOf(context), body.Length == 0 ? null : JsonNode.Parse(body), context.Request.Headers.Authorization.ToString(), failure.Status));
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            return;
        }

        _calls.Enqueue(new RecordedCall(context.Request.Method, RawTargetOf(context), body.Length == 0 ? null : JsonNode.Parse(body), context.Request.Headers.Authorization.ToString()));
        context.Response.ContentType = "application/json";
        if (Responder?.Invoke(context.Request.Method, context.Request.Path.Value ?? string.Empty) is { } answer)
        {
            await context.Response.WriteAsync(answer);
            return;
        }

        var id = Interlocked.Increment(ref _nextId);
        await context.Response.WriteAsync($$"""{"id":"sent-{{id}}"}""");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string RawTargetOf(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
}

/// <summary>One call the bot made to the connector.</summary>
internal sealed record RecordedCall(string Method, string RawPath, JsonNode? Body, string Authorization, int Status = 200)
{
    public string? Text => Body?["text"]?.GetValue<string>();

    public JsonNode? Card => Body?["attachments"]?[0]?["content"];
}
