namespace TriageBot.Connector.Schema;

/// <summary>The connector's answer to a send or update: the id of the activity, kept to update or delete it later.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>The connector's answer to create conversation. Teams answers 1:1 creation with an id and no activityId.</summary>
public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}
