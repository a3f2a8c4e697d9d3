using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// Fetches an OpenID metadata document, follows its <c>jwks_uri</c> and caches the resulting <see cref="SigningKeySet"/>.
/// Fetched with a plain <see cref="HttpClient"/> (not IdentityModel's ConfigurationManager) because the raw JWKS JSON is
/// needed for the endorsements anyway, and so that refresh timing follows the injected <see cref="TimeProvider"/>.
/// Concurrent callers share one in-flight refresh.
/// </summary>
internal sealed class OpenIdSigningKeySource(
    string metadataUrl,
    bool requireHttps,
    HttpClient httpClient,
    TimeProvider timeProvider,
    ILogger logger) : ISigningKeySource
{
    /// <summary>Keys may be rotated at any time; the Bot Framework docs ask for a refresh at least daily.</summary>
    public static readonly TimeSpan MaximumKeyAge = TimeSpan.FromHours(24);

    /// <summary>An unknown key id triggers a refresh at most this often, so forged kids cannot hammer the metadata host.</summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>While no key set has ever been fetched, a failed fetch is retried at most this often.</summary>
    public static readonly TimeSpan RetryIntervalWithoutKeys = TimeSpan.FromSeconds(30);

    private readonly Lock sync = new();
    private SigningKeySet? cachedKeys;
    private DateTimeOffset cachedAt;
    private DateTimeOffset? lastAttemptAt;
    private Task<SigningKeySet>? refreshInFlight;

    public async Task<SigningKeySet> GetSigningKeysAsync(string? keyId, CancellationToken cancellationToken)
    {
        Task<SigningKeySet> refresh;
        lock (sync)
        {
            var now = timeProvider.GetUtcNow();
            if (!IsRefreshDue(keyId, now))
            {
                return cachedKeys;
            }

            if (refreshInFlight is { IsCompleted: false })
            {
                refresh = refreshInFlight;
            }
            else if (IsRefreshAllowed(now))
            {
                lastAttemptAt = now;
                refresh = refreshInFlight = Task.Run(RefreshAsync, CancellationToken.None);
            }
            else
            {
                return cachedKeys ?? throw new SigningKeysUnavailableException($"No signing keys from {metadataUrl} yet; the last fetch failed.");
            }
        }

        // The refresh is shared, so a cancelled caller stops waiting but does not cancel it for the others.
        return await refresh.WaitAsync(cancellationToken);
    }

    [MemberNotNullWhen(false, nameof(cachedKeys))]
    private bool IsRefreshDue(string? keyId, DateTimeOffset now) =>
        cachedKeys is null
        || now - cachedAt >= MaximumKeyAge
        || (keyId is not null && !cachedKeys.ContainsKeyId(keyId));

    private bool IsRefreshAllowed(DateTimeOffset now) =>
        lastAttemptAt is null
        || now - lastAttemptAt.Value >= (cachedKeys is null ? RetryIntervalWithoutKeys : MinimumRefreshInterval);

    private async Task<SigningKeySet> RefreshAsync()
    {
        try
        {
            var keys = await FetchAsync(CancellationToken.None);
            lock (sync)
            {
                cachedKeys = keys;
                cachedAt = timeProvider.GetUtcNow();
            }

            InboundAuthenticationLog.SigningKeysRefreshed(logger, metadataUrl, keys.Keys.Count);
            return keys;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException
                                              or ArgumentException or InvalidOperationException or FormatException)
        {
            InboundAuthenticationLog.SigningKeysRefreshFailed(logger, metadataUrl, exception);
            lock (sync)
            {
                // Better to keep validating with yesterday's keys than to refuse every request while the host is down.
                return cachedKeys ?? throw new SigningKeysUnavailableException($"Could not fetch signing keys from {metadataUrl}.", exception);
            }
        }
    }

    private async Task<SigningKeySet> FetchAsync(CancellationToken cancellationToken)
    {
        var metadataJson = await httpClient.GetStringAsync(TrustedUri(metadataUrl), cancellationToken);
        string jwksUri;
        using (var metadata = JsonDocument.Parse(metadataJson))
        {
            jwksUri = metadata.RootElement.ValueKind == JsonValueKind.Object
                      && metadata.RootElement.TryGetProperty("jwks_uri", out var value)
                      && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new JsonException("The OpenID metadata has no 'jwks_uri'.");
        }

        var jwksJson = await httpClient.GetStringAsync(TrustedUri(jwksUri), cancellationToken);
        return SigningKeySet.Parse(jwksJson);
    }

    private Uri TrustedUri(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && (requireHttps || uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new InvalidOperationException($"'{address}' is not an absolute {(requireHttps ? "HTTPS" : "HTTP(S)")} address.");
        }

        return uri;
    }
}
