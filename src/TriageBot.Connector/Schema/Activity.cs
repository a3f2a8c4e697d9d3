using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TriageBot.Connector.Schema;

/// <summary>
/// One Bot Framework activity, with every field of the Activity schema (botframework-activity spec 3.1).
/// Fields this class does not name are kept in <see cref="Properties"/> so nothing a channel sends is lost.
/// Serialise with <see cref="ActivityJson.Options"/>: camelCase out, case-insensitive in, nulls and empty lists omitted.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public List<MessageReaction>? ReactionsAdded { get; set; }
    public List<MessageReaction>? ReactionsRemoved { get; set; }
    public string? TopicName { get; set; }
    public bool? HistoryDisclosed { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    public JsonNode? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Label { get; set; }
    public string? ValueType { get; set; }
    public JsonNode? Value { get; set; }
    public string? Name { get; set; }
    public JsonNode? RelatesTo { get; set; }
    public string? Code { get; set; }
    public DateTimeOffset? Expiration { get; set; }
    public string? Importance { get; set; }
    public string? DeliveryMode { get; set; }
    public List<string>? ListenFor { get; set; }
    public List<JsonNode>? TextHighlights { get; set; }
    public JsonNode? SemanticAction { get; set; }
    public string? CallerId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
