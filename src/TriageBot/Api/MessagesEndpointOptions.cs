namespace TriageBot.Api;

/// <summary>Limits of POST /api/messages. Bound from the MessagesEndpoint section.</summary>
public sealed class MessagesEndpointOptions
{
    public const string SectionName = "MessagesEndpoint";

    /// <summary>Largest accepted request body. Teams messages are at most 100 KB; 1 MB leaves room for cards and history.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Longest accepted id (conversation, channel, user, activity, tenant). Teams ids are well under 200 characters;
    /// every id may end up as a key in memory or in the store, so a longer one is refused with 400.
    /// </summary>
    public int MaxIdLength { get; set; } = 512;

    /// <summary>Deepest accepted JSON nesting. Real activities (cards included) stay under 20 levels.</summary>
    public int MaxJsonDepth { get; set; } = 64;
}
