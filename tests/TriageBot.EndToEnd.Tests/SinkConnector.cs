using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TriageBot.EndToEnd.Tests;

/// <summary>
/// A stand-in Bot Connector on loopback for tests that talk to the bot over HTTP without a client: it answers every
/// POST and PUT with an activity id and keeps the bodies, so a test can read the cards the bot sent.
/// </summary>
public sealed class SinkConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonNode> _bodies = new();

    private SinkConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyList<JsonNode> Bodies => [.. _bodies];

    public static async Task<SinkConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new SinkConnector(app);
        var count = 0;
        async Task<IResult> Record(HttpRequest request)
        {
            if (await JsonNode.ParseAsync(request.Body) is { } body)
            {
                sink._bodies.Enqueue(body);
            }

            return Results.Json(new { id = $"sink-{Interlocked.Increment(ref count)}" });
        }

        app.MapPost("/{**path}", Record);
        app.MapPut("/{**path}", Record);
        await app.StartAsync();
        sink.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
