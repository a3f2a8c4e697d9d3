using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace TriageBot.Tests.Infrastructure;

/// <summary>Activities shaped like those the Bot Framework Emulator sends (PROTOCOL.md section 6), pointed at a test connector.</summary>
internal static class Activities
{
    public const string BotId = "bot-1";
    public const string UserId = "user-7f3a";

    public static JsonObject ConversationUpdate(string serviceUrl, string conversationId, string channelId = "emulator") => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = $"cu-{Guid.NewGuid():N}",
        ["timestamp"] = "2026-11-22T09:00:00.000Z",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" },
        ["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = BotId, ["name"] = "Bot" },
            new JsonObject { ["id"] = UserId, ["name"] = "User" }),
        ["membersRemoved"] = new JsonArray(),
    };

    public static JsonObject Message(string serviceUrl, string conversationId, string text, string channelId = "emulator") => new()
    {
        ["type"] = "message",
        ["id"] = $"m-{Guid.NewGuid():N}",
        ["timestamp"] = "2026-11-22T09:00:05.000Z",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" },
        ["text"] = text,
        ["locale"] = "en-GB",
    };

    public static StringContent Json(JsonNode activity) => new(activity.ToJsonString(), Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonNode activity, string? bearerToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(activity) };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client.SendAsync(request);
    }
}
