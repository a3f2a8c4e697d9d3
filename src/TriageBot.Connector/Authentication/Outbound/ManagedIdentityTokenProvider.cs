using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace TriageBot.Connector.Authentication.Outbound;

/// <summary>
/// Tokens for a UserAssignedMSI bot: the Azure host's managed identity endpoint, asked for resource
/// {ToChannelFromBotOAuthScope} on behalf of the identity whose client id is MicrosoftAppId. No secret is involved.
/// </summary>
public sealed class ManagedIdentityTokenProvider : IAccessTokenProvider, IDisposable
{
    private readonly IManagedIdentityApplication _application;
    private readonly string _resource;
    private readonly AccessTokenCache _cache;

    /// <param name="options">Needs MicrosoftAppId (the identity's client id).</param>
    /// <param name="timeProvider">Decides when the cached token is near expiry.</param>
    /// <param name="msalHttpClientFactory">Replaces MSAL's HTTP client, so tests can answer the identity endpoint.</param>
    public ManagedIdentityTokenProvider(BotFrameworkOptions options, TimeProvider timeProvider, IMsalHttpClientFactory? msalHttpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MicrosoftAppId);

        var builder = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(options.MicrosoftAppId.Trim()));
        if (msalHttpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(msalHttpClientFactory);
        }

        _application = builder.Build();
        _resource = options.ToChannelFromBotOAuthScope;
        _cache = new AccessTokenCache(timeProvider, AcquireAsync);
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => await _cache.GetAsync(cancellationToken);

    public void Dispose() => _cache.Dispose();

    private async Task<AccessToken> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForManagedIdentity(_resource).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
        return new AccessToken(result.AccessToken, result.ExpiresOn);
    }
}
