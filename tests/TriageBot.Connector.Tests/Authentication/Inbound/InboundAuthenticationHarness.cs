using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using TriageBot.Connector.Authentication;
using TriageBot.Connector.Authentication.Inbound;
using TriageBot.Connector.Tests.Client;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

/// <summary>
/// One test's world: a loopback OpenID server publishing a Bot Connector key endorsed for msteams and an Emulator key,
/// a manual clock, and authenticators configured against them (app id set, plain-http metadata allowed).
/// </summary>
internal sealed class InboundAuthenticationHarness : IAsyncDisposable
{
    public const string TeamsChannel = "msteams";

    private readonly HttpClient httpClient = new();

    private InboundAuthenticationHarness(LoopbackOpenIdServer server)
    {
        Server = server;
        Server.Publish(LoopbackOpenIdServer.ChannelIssuer, TestSigningKey.Channel.ToJwk(TeamsChannel, "directline", "webchat"));
        Server.Publish(LoopbackOpenIdServer.EmulatorIssuer, TestSigningKey.Emulator.ToJwk(endorsements: null));
    }

    public LoopbackOpenIdServer Server { get; }

    public FakeTimeProvider Clock { get; } = new(SteppingTimeProvider.DefaultStart);

    public RecordingLogger<BotFrameworkInboundAuthenticator> Logger { get; } = new();

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static InboundAuthenticationHarness Start() => new(LoopbackOpenIdServer.Start());

    public BotFrameworkInboundAuthenticator CreateAuthenticator(Action<BotFrameworkOptions>? configure = null)
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppId = TestTokens.AppId,
            BotOpenIdMetadata = Server.ChannelMetadataUrl,
            ToBotFromEmulatorOpenIdMetadataUrl = Server.EmulatorMetadataUrl,
            RequireHttpsMetadata = false,
        };
        configure?.Invoke(options);
        return new BotFrameworkInboundAuthenticator(Options.Create(options), httpClient, Clock, Logger);
    }

    /// <summary>Authenticates a Teams activity (channel msteams, the test serviceUrl) with a fresh default authenticator.</summary>
    public Task<InboundAuthenticationResult> AuthenticateAsync(string? authorizationHeader, string? channelId = TeamsChannel, string? serviceUrl = TestTokens.ServiceUrl) =>
        CreateAuthenticator().AuthenticateAsync(authorizationHeader, channelId, serviceUrl, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        httpClient.Dispose();
        await Server.DisposeAsync();
    }
}
