using System.Collections.Concurrent;
using System.Diagnostics;
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

namespace TriageBot.Bench.Connector;

/// <summary>
/// Plays the Bot Connector service on 127.0.0.1 (Kestrel, in the bench's process): the bots' serviceUrl. Every
/// activity a bot posts or updates is timestamped on arrival and kept in its conversation's inbox; it is answered 200
/// at once with a new id, as the real service does. Member lists are answered from what the driver registered, so
/// the bot can learn a member's email as it does in Teams.
/// </summary>
internal sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConversationInbox> _inboxes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonArray> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _leadConversations = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _nextId;
    private long _unexpectedCalls;

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Every activity posted into a duty lead's conversation (see <see cref="WatchAsLead"/>).</summary>
    public ConversationInbox LeadCards { get; } = new();

    /// <summary>Calls to routes a Bot Connector does not have: a sign the bot or the bench is wrong.</summary>
    public long UnexpectedCalls => Interlocked.Read(ref _unexpectedCalls);

    public static async Task<LoopbackConnector> StartAsync()
    {
        var connector = new LoopbackConnector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        app.MapPost("/v3/conversations", (Delegate)connector.CreateConversationAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.RecordAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", connector.RecordAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", connector.RecordAsync);
        app.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}", () => Results.Ok());
        app.MapGet("/v3/conversations/{conversationId}/members", (string conversationId) =>
            Results.Text((connector._members.TryGetValue(conversationId, out var members) ? members : []).ToJsonString(), "application/json"));
        app.MapFallback((HttpContext _) =>
        {
            Interlocked.Increment(ref connector._unexpectedCalls);
            return Results.NotFound();
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        connector._app = app;
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    public ConversationInbox Inbox(string conversationId) => _inboxes.GetOrAdd(conversationId, _ => new ConversationInbox());

    /// <summary>What GET members answers for this conversation (Teams gives the email there, not on activities).</summary>
    public void RegisterMember(string conversationId, JsonObject member) => _members[conversationId] = [member];

    /// <summary>Activities posted into this conversation go to <see cref="LeadCards"/> instead of its own inbox.</summary>
    public void WatchAsLead(string conversationId) => _leadConversations[conversationId] = 0;

    /// <summary>Forgets a conversation's activities (a finished report), so a long run does not hold them all.</summary>
    public void Forget(string conversationId) => _inboxes.TryRemove(conversationId, out _);

    private async Task<IResult> RecordAsync(HttpContext context, string conversationId)
    {
        var arrived = Stopwatch.GetTimestamp();
        var body = await ReadBodyAsync(context.Request);
        var activity = new ReceivedActivity(arrived, context.Request.Method, conversationId, body);
        if (!_leadConversations.ContainsKey(conversationId))
        {
            Inbox(conversationId).Add(activity);
        }
        else if (HttpMethods.IsPost(context.Request.Method))
        {
            // A lead's conversation is only read for new cards; updates of cards already there are not kept.
            LeadCards.Add(activity);
        }

        return NewId();
    }

    private async Task<IResult> CreateConversationAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request);
        var conversationId = "bench-created-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var activityId = "sent-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        Inbox(conversationId).Add(new ReceivedActivity(Stopwatch.GetTimestamp(), HttpMethods.Post, conversationId, body));
        return Results.Text($$"""{"id":"{{conversationId}}","activityId":"{{activityId}}"}""", "application/json");
    }

    private IResult NewId() =>
        Results.Text($$"""{"id":"sent-{{Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture)}}"}""", "application/json");

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length and < int.MaxValue ? (int)length : 4096);
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
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
