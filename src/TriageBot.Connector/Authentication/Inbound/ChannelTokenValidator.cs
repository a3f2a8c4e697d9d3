using System.IdentityModel.Tokens.Jwt;

namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// Tokens from the Bot Connector service (Teams, Direct Line, Web Chat): issuer and audience fixed, the signing key must
/// be endorsed for the activity's channel, and the token must name the activity's serviceUrl.
/// </summary>
internal sealed class ChannelTokenValidator(BotFrameworkOptions options, ISigningKeySource keySource, SignedTokenValidator tokenValidator)
{
    /// <summary>Claim in which the connector states which serviceUrl the token is for.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    public async Task<InboundAuthenticationResult> ValidateAsync(
        string token,
        JwtSecurityToken unvalidated,
        string? channelId,
        string? serviceUrl,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unvalidated);
        var keys = await keySource.GetSigningKeysAsync(unvalidated.Header.Kid, cancellationToken);
        if (!tokenValidator.TryValidate(token, keys, [options.ToBotFromChannelTokenIssuer], options.MicrosoftAppId?.Trim(), out var validated, out var failure))
        {
            return InboundAuthenticationResult.Failure(failure);
        }

        if (!EndorsementsValidator.IsEndorsed(channelId, keys.EndorsementsOf(validated.SigningKeyId)))
        {
            return InboundAuthenticationResult.Failure("signing key is not endorsed for the activity's channel");
        }

        var serviceUrlClaim = validated.Claim(ServiceUrlClaim);
        if (string.IsNullOrWhiteSpace(serviceUrlClaim))
        {
            return InboundAuthenticationResult.Failure("token has no serviceurl claim");
        }

        // Case-insensitive as in the SDK (host names are case-insensitive anyway).
        if (!string.Equals(serviceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthenticationResult.Failure("token serviceurl does not match the activity's serviceUrl");
        }

        return InboundAuthenticationResult.Success(validated.Identity, InboundCaller.BotConnector);
    }
}
