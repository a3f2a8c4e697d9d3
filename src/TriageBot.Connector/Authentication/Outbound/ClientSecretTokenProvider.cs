using Microsoft.Identity.Client;

namespace TriageBot.Connector.Authentication.Outbound;

/// <summary>
/// Client-credentials tokens for a MultiTenant or SingleTenant bot (app id + client secret), from
/// {ToChannelFromBotLoginUrlPrefix}{botframework.com | tenant}/oauth2/v2.0/token with scope {ToChannelFromBotOAuthScope}/.default.
/// </summary>
public sealed class ClientSecretTokenProvider : IAccessTokenProvider, IDisposable
{
    private const string MultiTenantAuthorityTenant = "botframework.com";

    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;
    private readonly AccessTokenCache _cache;

    /// <param name="options">Needs MicrosoftAppId, MicrosoftAppPassword and, for SingleTenant, MicrosoftAppTenantId.</param>
    /// <param name="timeProvider">Decides when the cached token is near expiry.</param>
    /// <param name="msalHttpClientFactory">Replaces MSAL's HTTP client, so tests can answer the token endpoint.</param>
    public ClientSecretTokenProvider(BotFrameworkOptions options, TimeProvider timeProvider, IMsalHttpClientFactory? msalHttpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MicrosoftAppId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MicrosoftAppPassword);

        // The authority comes from our own configuration, not from a caller, so validating it against Entra's
        // instance discovery adds a network call and no safety; sovereign clouds set the prefix explicitly.
        var builder = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId.Trim())
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority(Authority(options), validateAuthority: false)
            .WithInstanceDiscovery(false);
        if (msalHttpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(msalHttpClientFactory);
        }

        _application = builder.Build();
        _scopes = [Scope(options)];
        _cache = new AccessTokenCache(timeProvider, AcquireAsync);
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => await _cache.GetAsync(cancellationToken);

    public void Dispose() => _cache.Dispose();

    internal static string Authority(BotFrameworkOptions options)
    {
        var tenant = string.Equals(options.EffectiveAppType, BotFrameworkOptions.SingleTenant, StringComparison.OrdinalIgnoreCase)
            ? options.MicrosoftAppTenantId?.Trim()
            : MultiTenantAuthorityTenant;
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        return $"{options.ToChannelFromBotLoginUrlPrefix.TrimEnd('/')}/{tenant}";
    }

    internal static string Scope(BotFrameworkOptions options) => $"{options.ToChannelFromBotOAuthScope.TrimEnd('/')}/.default";

    private async Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(_scopes).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
        return new AccessToken(result.AccessToken, result.ExpiresOn);
    }
}
