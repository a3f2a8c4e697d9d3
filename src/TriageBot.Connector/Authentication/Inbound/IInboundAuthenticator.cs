namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// Decides whether an inbound activity request may be processed. The host calls it before reading the activity into the
/// turn pipeline and answers 401 for every failure.
/// </summary>
public interface IInboundAuthenticator
{
    /// <param name="authorizationHeader">The raw <c>Authorization</c> header, or null when absent.</param>
    /// <param name="channelId">The activity's <c>channelId</c>; Bot Connector keys must be endorsed for it.</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c>; a Bot Connector token must name the same one.</param>
    Task<InboundAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        string? channelId,
        string? serviceUrl,
        CancellationToken cancellationToken);
}
