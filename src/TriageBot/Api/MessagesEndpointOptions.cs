namespace TriageBot.Api;

/// <summary>Limits of POST /api/messages. Bound from the MessagesEndpoint section.</summary>
public sealed class MessagesEndpointOptions
{
    public const string SectionName = "MessagesEndpoint";

    /// <summary>Largest accepted request body. Teams messages are at most 100 KB; 1 MB leaves room for cards and history.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;
}
