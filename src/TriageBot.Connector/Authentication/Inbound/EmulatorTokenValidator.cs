using System.IdentityModel.Tokens.Jwt;

namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// Tokens the Bot Framework Emulator obtained from Entra ID with the bot's own credentials. Their audience is not the
/// bot, so instead the app id claim (<c>appid</c> for v1 tokens, <c>azp</c> for v2) must be the bot's app id. Entra keys
/// carry no endorsements and the token names no serviceUrl, so neither is checked.
/// </summary>
internal sealed class EmulatorTokenValidator(BotFrameworkOptions options, ISigningKeySource keySource, SignedTokenValidator tokenValidator)
{
    public const string VersionClaim = "ver";
    public const string AppIdClaim = "appid";
    public const string AuthorizedPartyClaim = "azp";

    public async Task<InboundAuthenticationResult> ValidateAsync(string token, JwtSecurityToken unvalidated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unvalidated);
        var keys = await keySource.GetSigningKeysAsync(unvalidated.Header.Kid, cancellationToken);
        if (!tokenValidator.TryValidate(token, keys, EmulatorTokenIssuers.For(options), validAudience: null, out var validated, out var failure))
        {
            return InboundAuthenticationResult.Failure(failure);
        }

        var appIdClaim = AppIdClaimFor(validated.Claim(VersionClaim));
        if (appIdClaim is null)
        {
            return InboundAuthenticationResult.Failure("emulator token has an unknown version");
        }

        var appId = validated.Claim(appIdClaim);
        if (string.IsNullOrWhiteSpace(appId))
        {
            return InboundAuthenticationResult.Failure($"emulator token has no {appIdClaim} claim");
        }

        if (!string.Equals(appId, options.MicrosoftAppId?.Trim(), StringComparison.Ordinal))
        {
            return InboundAuthenticationResult.Failure("emulator token was issued to another app id");
        }

        return InboundAuthenticationResult.Success(validated.Identity, InboundCaller.Emulator);
    }

    /// <summary>Which claim holds the app id for a token version; null for versions the protocol does not define.</summary>
    public static string? AppIdClaimFor(string? version) => version switch
    {
        null or "1.0" => AppIdClaim,
        "2.0" => AuthorizedPartyClaim,
        _ => null,
    };
}
