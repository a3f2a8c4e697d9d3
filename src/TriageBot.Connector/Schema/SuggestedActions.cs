using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TriageBot.Connector.Schema;

/// <summary>Quick-reply buttons shown with a message (Teams: 1:1 only, imBack, up to 3).</summary>
public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction>? Actions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A button in suggested actions or a hero card.</summary>
public sealed class CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public JsonNode? Value { get; set; }
    public JsonNode? ChannelData { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
