namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// The Bot Connector publishes, per signing key, the channels that key may speak for. A token signed by a key that is
/// not endorsed for the activity's channel must be refused, or one channel could impersonate another.
/// </summary>
internal static class EndorsementsValidator
{
    /// <summary>
    /// True when <paramref name="channelId"/> is among the key's endorsements (ordinal, like the channel ids themselves).
    /// A missing channel id is refused: every activity a channel sends carries one (spec A2020).
    /// </summary>
    public static bool IsEndorsed(string? channelId, IReadOnlyCollection<string> endorsements)
    {
        ArgumentNullException.ThrowIfNull(endorsements);
        return !string.IsNullOrWhiteSpace(channelId) && endorsements.Contains(channelId, StringComparer.Ordinal);
    }
}
