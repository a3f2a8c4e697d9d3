using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TriageBot.Connector.Schema;

/// <summary>Body of POST v3/conversations. Teams 1:1 needs exactly one member and the tenantId.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public JsonNode? ChannelData { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
