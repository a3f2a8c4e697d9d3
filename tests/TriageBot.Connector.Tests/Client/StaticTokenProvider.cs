using TriageBot.Connector.Authentication.Outbound;

namespace TriageBot.Connector.Tests.Client;

/// <summary>Hands out one fixed token (or none) and counts how often it was asked.</summary>
internal sealed class StaticTokenProvider(string? token) : IAccessTokenProvider
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(token);
    }
}
