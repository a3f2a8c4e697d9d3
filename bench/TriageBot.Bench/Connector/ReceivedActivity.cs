using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TriageBot.Bench.Connector;

/// <summary>
/// One call a bot made to the loopback connector: when it arrived (<see cref="Stopwatch"/> ticks, the driver's clock),
/// the method, the conversation and the raw body. The body is parsed only when the driver needs to look inside.
/// </summary>
internal sealed class ReceivedActivity(long arrivedAt, string method, string conversationId, byte[] body)
{
    private JsonNode? _json;
    private bool _parsed;
    private int _claimed;

    public long ArrivedAt { get; } = arrivedAt;

    public string Method { get; } = method;

    public string ConversationId { get; } = conversationId;

    public byte[] Body { get; } = body;

    public JsonNode? Json
    {
        get
        {
            if (!_parsed)
            {
                try
                {
                    _json = Body.Length == 0 ? null : JsonNode.Parse(Body);
                }
                catch (System.Text.Json.JsonException)
                {
                    _json = null;
                }

                _parsed = true;
            }

            return _json;
        }
    }

    public string? Text => Json?["text"] is JsonValue text && text.TryGetValue<string>(out var value) ? value : null;

    /// <summary>Takes this activity for one waiter only (a card matched once is not matched again).</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _claimed, 1, 0) == 0;

    /// <summary>True when any string in the activity (text, summary, card text, button titles) contains <paramref name="fragment"/>.</summary>
    public bool Mentions(string fragment) => Json is { } json && AnyString(json, fragment);

    /// <summary>The data of the first card button (Action.Submit or Action.Execute) with this title, searched through every card.</summary>
    public JsonObject? ButtonData(string title) =>
        FindActionData(action => action["title"] is JsonValue value && value.TryGetValue<string>(out var text) && string.Equals(text, title, StringComparison.OrdinalIgnoreCase));

    /// <summary>The data of the first card button whose data or action names this verb (Action.Execute).</summary>
    public JsonObject? VerbData(string verb) =>
        FindActionData(action => IsString(action["verb"], verb) || IsString(action["data"]?["verb"], verb));

    private JsonObject? FindActionData(Func<JsonObject, bool> match) => Json?["attachments"] is JsonArray attachments
        ? attachments.Select(a => FindAction(a?["content"], match)).FirstOrDefault(data => data is not null)
        : null;

    private static bool IsString(JsonNode? node, string expected) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && string.Equals(text, expected, StringComparison.Ordinal);

    private static JsonObject? FindAction(JsonNode? node, Func<JsonObject, bool> match)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var typeName) && typeName.StartsWith("Action.", StringComparison.Ordinal)
                    && obj["data"] is JsonObject data && match(obj))
                {
                    return data;
                }

                foreach (var (_, child) in obj)
                {
                    if (FindAction(child, match) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                return array.Select(child => FindAction(child, match)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }

    private static bool AnyString(JsonNode node, string fragment) => node switch
    {
        JsonObject obj => obj.Any(p => p.Value is not null && AnyString(p.Value, fragment)),
        JsonArray array => array.Any(child => child is not null && AnyString(child, fragment)),
        JsonValue value => value.TryGetValue<string>(out var text) && text.Contains(fragment, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
