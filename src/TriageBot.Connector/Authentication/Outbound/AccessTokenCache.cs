namespace TriageBot.Connector.Authentication.Outbound;

/// <summary>
/// Holds the current token and fetches a new one once it is within <see cref="RefreshMargin"/> of expiry, so a request
/// never leaves with a token that could expire in flight. Concurrent callers share one fetch.
/// MSAL caches too, but judges expiry by the system clock; this cache uses the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AccessTokenCache(TimeProvider timeProvider, Func<bool, CancellationToken, Task<AccessToken>> acquire) : IDisposable
{
    /// <summary>The margin MSAL and the Emulator use as well.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private AccessToken? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (IsFresh(current))
        {
            return current!.Value;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (IsFresh(current))
            {
                return current!.Value;
            }

            // When a token we hold is going stale, tell MSAL to skip its own cache rather than hand the same one back.
            var fresh = await acquire(current is not null, cancellationToken);
            Volatile.Write(ref _current, fresh);
            return fresh.Value;
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();

    private bool IsFresh(AccessToken? token) => token is not null && timeProvider.GetUtcNow() < token.ExpiresOn - RefreshMargin;
}
