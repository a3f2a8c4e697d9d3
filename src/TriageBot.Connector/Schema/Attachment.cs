using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TriageBot.Connector.Schema;

/// <summary>A card or file sent with a message. Send either <see cref="Content"/> or <see cref="ContentUrl"/>, not both (spec A7100).</summary>
public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonNode? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public static Attachment AdaptiveCard(JsonNode card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
