namespace TriageBot.Connector.Authentication.Outbound;

/// <summary>
/// For a bot without an app id (Emulator, Agents Playground): no Authorization header at all, because a token sent to
/// an endpoint that has no app id would fail its app-id check (PROTOCOL.md 4.3).
/// </summary>
public sealed class AnonymousTokenProvider : IAccessTokenProvider
{
    public static AnonymousTokenProvider Instance { get; } = new();

    public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
