using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Connector.Schema;

/// <summary>A reaction such as like or plusOne. Teams names the reacted-to message in replyToId.</summary>
public sealed class MessageReaction
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
