namespace TriageBot.Connector.Client;

/// <summary>
/// Relative paths of the Bot Connector REST API and how they are joined to a serviceUrl. Ids are escaped as single path
/// segments because Teams ids contain ':', ';' and '@' and Emulator conversation ids end in '|livechat'.
/// </summary>
public static class ConnectorPaths
{
    public const string Conversations = "v3/conversations";

    public static string Activities(string conversationId) => $"{Conversation(conversationId)}/activities";

    public static string Activity(string conversationId, string activityId) =>
        $"{Activities(conversationId)}/{Uri.EscapeDataString(activityId)}";

    public static string Members(string conversationId) => $"{Conversation(conversationId)}/members";

    /// <summary>
    /// Joins a relative path to a serviceUrl, keeping any path the serviceUrl carries
    /// (https://smba.trafficmanager.net/teams/, http://localhost:1234/_connector): without a trailing slash on the base,
    /// URI resolution would drop its last segment.
    /// </summary>
    public static Uri Resolve(string serviceUrl, string relativePath)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The serviceUrl must be an absolute http or https URL.", nameof(serviceUrl));
        }

        var basePath = parsed.GetLeftPart(UriPartial.Path);
        var baseUri = new Uri(basePath.EndsWith('/') ? basePath : basePath + "/");
        return new Uri(baseUri, relativePath);
    }

    private static string Conversation(string conversationId) => $"{Conversations}/{Uri.EscapeDataString(conversationId)}";
}
