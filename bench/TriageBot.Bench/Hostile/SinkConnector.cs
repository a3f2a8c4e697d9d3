using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TriageBot.Bench.Hostile;

/// <summary>
/// The Bot Connector for the hostile run: answers every call 200 with a new id and keeps the bodies only of the
/// conversations it is told to watch (the valid reports), so 150,000 conversations do not fill the bench's memory.
/// </summary>
internal sealed class SinkConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonNode>> _watched = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _nextId;
    private long _calls;

    public string ServiceUrl { get; private set; } = string.Empty;

    public long Calls => Interlocked.Read(ref _calls);

    public static async Task<SinkConnector> StartAsync()
    {
        var connector = new SinkConnector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapFallback((Delegate)connector.AnswerAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/";
        connector._app = app;
        return connector;
    }

    public void Watch(string conversationId) => _watched[conversationId] = new ConcurrentQueue<JsonNode>();

    public IReadOnlyList<JsonNode> Received(string conversationId) => _watched.TryGetValue(conversationId, out var queue) ? [.. queue] : [];

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _calls);
        var path = context.Request.Path.Value ?? string.Empty;
        foreach (var (conversationId, queue) in _watched)
        {
            if (path.Contains("/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/", StringComparison.Ordinal))
            {
                using var reader = new StreamReader(context.Request.Body);
                if (JsonNode.Parse(await reader.ReadToEndAsync()) is { } body)
                {
                    queue.Enqueue(body);
                }
            }
        }

        if (HttpMethods.IsGet(context.Request.Method))
        {
            return Results.Text("[]", "application/json");
        }

        return Results.Text($$"""{"id":"sink-{{Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture)}}"}""", "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
