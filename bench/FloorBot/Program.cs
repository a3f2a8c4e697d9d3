using System.Net;
using System.Text;
using System.Text.Json;

// The floor: parse the activity (System.Text.Json), POST one reply to serviceUrl/v3/conversations/{id}/activities/{activityId},
// answer 200. No authentication, no state, no logging per request: the cost every bot on ASP.NET Core pays at least.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = builder.Build();
using var connector = new HttpClient(new SocketsHttpHandler
{
    UseProxy = false,
    UseCookies = false,
    MaxConnectionsPerServer = int.MaxValue,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
})
{
    Timeout = TimeSpan.FromSeconds(30),
};

app.MapGet("/healthz", () => Results.Ok());
app.MapPost("/api/messages", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    using var activity = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
    var root = activity.RootElement;
    if (!root.TryGetProperty("serviceUrl", out var serviceUrl) || !root.TryGetProperty("conversation", out var conversation)
        || !conversation.TryGetProperty("id", out var conversationId))
    {
        return Results.BadRequest();
    }

    var activityId = root.TryGetProperty("id", out var id) ? id.GetString() ?? string.Empty : string.Empty;
    var reply = JsonSerializer.SerializeToUtf8Bytes(new FloorReply("message", "ok", activityId), FloorJson.Default.FloorReply);
    var target = new Uri(new Uri(serviceUrl.GetString()!.TrimEnd('/') + "/"),
        $"v3/conversations/{Uri.EscapeDataString(conversationId.GetString()!)}/activities/{Uri.EscapeDataString(activityId)}");
    using var content = new ByteArrayContent(reply);
    content.Headers.ContentType = new("application/json") { CharSet = Encoding.UTF8.WebName };
    using var response = await connector.PostAsync(target, content, cancellationToken);
    return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode((int)HttpStatusCode.BadGateway);
});

await app.RunAsync();

internal sealed record FloorReply(string Type, string Text, string ReplyToId);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(FloorReply))]
internal sealed partial class FloorJson : System.Text.Json.Serialization.JsonSerializerContext;
