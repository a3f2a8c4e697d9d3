using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Connector.Schema;

/// <summary>Metadata attached to an activity (mention, clientInfo, ...). Unknown entity types are kept as they came (spec A2104).</summary>
public sealed class Entity
{
    public const string MentionType = "mention";
    public const string ClientInfoType = "clientInfo";

    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
