using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Connector.Schema;

/// <summary>The conversation an activity belongs to. Teams ids look like a:..., 19:...@thread.tacv2;messageid=N.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
