using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Connector.Authentication.Outbound;
using TriageBot.Connector.Client;

namespace TriageBot.Connector.Tests.Client;

/// <summary>A loopback connector, a manual clock and a client wired to both, fresh for every test.</summary>
public abstract class ConnectorClientTestBase : IAsyncLifetime
{
    internal const string TeamsConversationId = "19:abc@thread.tacv2;messageid=1";
    internal const string EscapedTeamsConversationId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1";
    internal const string EmulatorConversationId = "abc|livechat";
    internal const string EscapedEmulatorConversationId = "abc%7Clivechat";

    private readonly List<HttpClient> _httpClients = [];

    internal LoopbackConnector Connector { get; } = LoopbackConnector.Start();

    internal SteppingTimeProvider Clock { get; } = new(SteppingTimeProvider.DefaultStart);

    internal StaticTokenProvider Tokens { get; } = new("test-token");

    /// <summary>Defaults except a long attempt timeout, so only retry delays fire while <see cref="SteppingTimeProvider.RunAsync"/> drives the clock.</summary>
    internal static ConnectorRetryOptions Patient(int maxRetryAttempts = 5) =>
        new() { MaxRetryAttempts = maxRetryAttempts, AttemptTimeout = TimeSpan.FromMinutes(10) };

    internal ConnectorClient CreateClient(ConnectorRetryOptions? options = null, IAccessTokenProvider? tokens = null)
    {
        var httpClient = new HttpClient();
        _httpClients.Add(httpClient);
        return new ConnectorClient(httpClient, tokens ?? Tokens, options ?? Patient(), Clock, NullLogger<ConnectorClient>.Instance);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _httpClients.ForEach(client => client.Dispose());
        await Connector.DisposeAsync();
    }
}
