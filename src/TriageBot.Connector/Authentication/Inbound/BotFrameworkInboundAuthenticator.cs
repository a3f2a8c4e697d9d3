using System.IdentityModel.Tokens.Jwt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// Bot Framework inbound authentication (PROTOCOL.md §4.1–4.3): no app id and no header means anonymous; otherwise the
/// request needs a Bearer JWT, which is routed by its unvalidated issuer to Emulator or Bot Connector validation.
/// Register it as a singleton: it caches the signing keys of both issuers. The <see cref="HttpClient"/> is used only for
/// OpenID metadata and key documents and is not disposed here.
/// </summary>
public sealed class BotFrameworkInboundAuthenticator : IInboundAuthenticator
{
    private readonly BotFrameworkOptions options;
    private readonly ILogger logger;
    private readonly ChannelTokenValidator channelValidator;
    private readonly EmulatorTokenValidator emulatorValidator;
    private readonly JwtSecurityTokenHandler tokenReader = new();

    public BotFrameworkInboundAuthenticator(
        IOptions<BotFrameworkOptions> options,
        HttpClient httpClient,
        TimeProvider timeProvider,
        ILogger<BotFrameworkInboundAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        this.options = options.Value;
        this.logger = logger;
        var tokenValidator = new SignedTokenValidator(timeProvider, this.options.ClockSkew);
        var channelKeys = new OpenIdSigningKeySource(this.options.BotOpenIdMetadata, this.options.RequireHttpsMetadata, httpClient, timeProvider, logger);
        var emulatorKeys = new OpenIdSigningKeySource(this.options.ToBotFromEmulatorOpenIdMetadataUrl, this.options.RequireHttpsMetadata, httpClient, timeProvider, logger);
        channelValidator = new ChannelTokenValidator(this.options, channelKeys, tokenValidator);
        emulatorValidator = new EmulatorTokenValidator(this.options, emulatorKeys, tokenValidator);
    }

    /// <summary>True when no app id is configured: requests without a token are let in. The host should warn about it once at start.</summary>
    public bool IsAuthenticationDisabled => options.IsAuthenticationDisabled;

    public async Task<InboundAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        string? channelId,
        string? serviceUrl,
        CancellationToken cancellationToken)
    {
        var result = await AuthenticateCoreAsync(authorizationHeader, channelId, serviceUrl, cancellationToken);
        if (result.IsAuthenticated)
        {
            InboundAuthenticationLog.Accepted(logger, result.Caller);
        }
        else
        {
            InboundAuthenticationLog.Rejected(logger, result.FailureReason);
        }

        return result;
    }

    private async Task<InboundAuthenticationResult> AuthenticateCoreAsync(
        string? authorizationHeader,
        string? channelId,
        string? serviceUrl,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return IsAuthenticationDisabled
                ? InboundAuthenticationResult.Anonymous()
                : InboundAuthenticationResult.Failure("Authorization header missing");
        }

        // The SDK would validate such a token and then fail the app-id comparison; the outcome is certain, so skip the key fetch.
        if (IsAuthenticationDisabled)
        {
            return InboundAuthenticationResult.Failure("a token was sent but no MicrosoftAppId is configured");
        }

        if (!BearerToken.TryExtract(authorizationHeader, out var token))
        {
            return InboundAuthenticationResult.Failure("Authorization header is not a Bearer token");
        }

        if (!TryRead(token, out var unvalidated))
        {
            return InboundAuthenticationResult.Failure("token is not a well-formed JWT");
        }

        if (!SignedTokenValidator.AllowedAlgorithms.Contains(unvalidated.Header.Alg, StringComparer.Ordinal))
        {
            return InboundAuthenticationResult.Failure(
                string.IsNullOrEmpty(unvalidated.RawSignature) ? "token is unsigned" : "token algorithm is not allowed");
        }

        try
        {
            // The issuer is read before validation only to pick the validator; each validator then checks it properly.
            return EmulatorTokenIssuers.IsEmulatorIssuer(unvalidated.Issuer, options)
                ? await emulatorValidator.ValidateAsync(token, unvalidated, cancellationToken)
                : await channelValidator.ValidateAsync(token, unvalidated, channelId, serviceUrl, cancellationToken);
        }
        catch (SigningKeysUnavailableException)
        {
            return InboundAuthenticationResult.Failure("signing keys are unavailable");
        }
    }

    private bool TryRead(string token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JwtSecurityToken? jwt)
    {
        jwt = null;
        if (!tokenReader.CanReadToken(token))
        {
            return false;
        }

        try
        {
            jwt = tokenReader.ReadJwtToken(token);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
