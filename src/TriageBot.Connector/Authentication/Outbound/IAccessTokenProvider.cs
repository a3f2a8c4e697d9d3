namespace TriageBot.Connector.Authentication.Outbound;

/// <summary>The bearer token the bot sends to the connector (PROTOCOL.md 4.4).</summary>
public interface IAccessTokenProvider
{
    /// <summary>A token valid for at least a few more minutes, or null to send no Authorization header (no app id configured).</summary>
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}
