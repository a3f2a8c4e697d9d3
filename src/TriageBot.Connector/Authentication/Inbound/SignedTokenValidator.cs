using System.Diagnostics.CodeAnalysis;
using System.IdentityModel.Tokens.Jwt;
using Microsoft.IdentityModel.Tokens;

namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// The checks every inbound token gets, whoever issued it: RSA signature by a key of the given set, issuer, optional
/// audience, lifetime by the injected clock. Caller-specific rules (endorsements, serviceurl, app id claims) come after.
/// </summary>
internal sealed class SignedTokenValidator(TimeProvider timeProvider, TimeSpan clockSkew)
{
    /// <summary>The algorithms the Bot Framework SDK accepts; anything else, "none" included, is refused.</summary>
    public static readonly IReadOnlyList<string> AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    // Claim types stay as on the wire (serviceurl, appid, azp, ver) instead of being mapped to long URIs.
    private readonly JwtSecurityTokenHandler handler = new() { MapInboundClaims = false };

    /// <param name="validAudience">The required <c>aud</c>; null skips the audience check (Emulator tokens are checked by app id claims instead).</param>
    public bool TryValidate(
        string token,
        SigningKeySet keys,
        IReadOnlyList<string> validIssuers,
        string? validAudience,
        [NotNullWhen(true)] out ValidatedToken? validated,
        [NotNullWhen(false)] out string? failureReason)
    {
        ArgumentNullException.ThrowIfNull(keys);
        validated = null;
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = validIssuers,
            ValidateAudience = validAudience is not null,
            ValidAudience = validAudience,
            IssuerSigningKeys = keys.Keys,
            RequireSignedTokens = true,
            ValidAlgorithms = AllowedAlgorithms,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = clockSkew,
            LifetimeValidator = ValidateLifetime,
        };

        try
        {
            var principal = handler.ValidateToken(token, parameters, out var securityToken);
            if (principal.Identity is not System.Security.Claims.ClaimsIdentity identity)
            {
                failureReason = "token produced no identity";
                return false;
            }

            validated = new ValidatedToken(identity, securityToken.SigningKey?.KeyId);
            failureReason = null;
            return true;
        }
        catch (SecurityTokenException exception)
        {
            failureReason = ReasonFor(exception);
            return false;
        }
        catch (ArgumentException)
        {
            failureReason = "token is malformed";
            return false;
        }
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var problem = TokenLifetimeValidator.FindProblem(notBefore, expires, timeProvider.GetUtcNow(), clockSkew);
        return problem is null ? true : throw new SecurityTokenInvalidLifetimeException(problem);
    }

    private static string ReasonFor(SecurityTokenException exception) => exception switch
    {
        SecurityTokenInvalidLifetimeException lifetime => lifetime.Message,
        SecurityTokenSignatureKeyNotFoundException => "token is signed by a key that is not published",
        SecurityTokenInvalidSignatureException => "token signature is invalid",
        SecurityTokenInvalidAlgorithmException => "token algorithm is not allowed",
        SecurityTokenInvalidAudienceException => "token audience is not this bot's app id",
        SecurityTokenInvalidIssuerException => "token issuer is not trusted",
        _ => $"token validation failed ({exception.GetType().Name})",
    };
}
