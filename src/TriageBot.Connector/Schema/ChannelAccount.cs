using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Connector.Schema;

/// <summary>A user or bot on a channel. Teams adds fields such as email or userPrincipalName; they are kept in <see cref="Properties"/>.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
