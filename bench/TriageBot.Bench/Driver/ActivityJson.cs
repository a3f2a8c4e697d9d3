using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Bench.Driver;

/// <summary>
/// Activities as Teams sends them to a bot in a 1:1 chat (channelId msteams, a personal conversation, the tenant, the
/// user's Entra object id), written straight to UTF-8 so the driver spends as little of the shared CPU as it can.
/// </summary>
internal static class ActivityJson
{
    public const string TenantId = "bench-tenant-0000";
    public const string BotId = "28:bench-triagebot";

    public static byte[] Message(Member from, string conversationId, string serviceUrl, string? text, JsonObject? value) =>
        Write(w =>
        {
            Envelope(w, "message", from, conversationId, serviceUrl);
            if (text is not null)
            {
                w.WriteString("text", text);
                w.WriteString("textFormat", "plain");
            }

            if (value is not null)
            {
                w.WritePropertyName("value");
                value.WriteTo(w);
            }
        });

    public static byte[] ConversationUpdate(Member from, string conversationId, string serviceUrl) =>
        Write(w =>
        {
            Envelope(w, "conversationUpdate", from, conversationId, serviceUrl);
            w.WriteStartArray("membersAdded");
            w.WriteStartObject();
            w.WriteString("id", BotId);
            w.WriteEndObject();
            w.WriteEndArray();
        });

    /// <summary>Action.Execute on a card: the adaptiveCard/action invoke Teams sends.</summary>
    public static byte[] CardAction(Member from, string conversationId, string serviceUrl, string verb, JsonObject data) =>
        Write(w =>
        {
            Envelope(w, "invoke", from, conversationId, serviceUrl);
            w.WriteString("name", "adaptiveCard/action");
            w.WriteStartObject("value");
            w.WriteStartObject("action");
            w.WriteString("type", "Action.Execute");
            w.WriteString("verb", verb);
            w.WritePropertyName("data");
            data.WriteTo(w);
            w.WriteEndObject();
            w.WriteString("trigger", "manual");
            w.WriteEndObject();
        });

    private static void Envelope(Utf8JsonWriter w, string type, Member from, string conversationId, string serviceUrl)
    {
        w.WriteString("type", type);
        w.WriteString("id", "bench-" + Guid.NewGuid().ToString("N"));
        w.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("localTimestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        w.WriteString("channelId", "msteams");
        w.WriteString("serviceUrl", serviceUrl);
        w.WriteString("locale", "en-GB");
        w.WriteStartObject("from");
        w.WriteString("id", from.Id);
        w.WriteString("name", from.Name);
        w.WriteString("aadObjectId", from.AadObjectId);
        w.WriteString("role", "user");
        w.WriteEndObject();
        w.WriteStartObject("recipient");
        w.WriteString("id", BotId);
        w.WriteString("name", "TriageBot");
        w.WriteString("role", "bot");
        w.WriteEndObject();
        w.WriteStartObject("conversation");
        w.WriteString("id", conversationId);
        w.WriteString("conversationType", "personal");
        w.WriteString("tenantId", TenantId);
        w.WriteEndObject();
        w.WriteStartObject("channelData");
        w.WriteStartObject("tenant");
        w.WriteString("id", TenantId);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>A person talking to the bot: Teams ids, display name, Entra object id and the email Teams' member list gives.</summary>
internal sealed record Member(string Id, string Name, string AadObjectId, string Email)
{
    public JsonObject ToMemberJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["aadObjectId"] = AadObjectId,
        ["email"] = Email,
        ["userPrincipalName"] = Email,
        ["tenantId"] = ActivityJson.TenantId,
    };
}
