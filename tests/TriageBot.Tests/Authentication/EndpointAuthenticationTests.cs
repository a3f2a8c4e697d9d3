using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Connector.Authentication.Outbound;
using TriageBot.Dialogs.Turns;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Authentication;

/// <summary>
/// With MicrosoftAppId set, /api/messages accepts only tokens PROTOCOL.md section 4 allows; every other request gets 401
/// and nothing runs: no state written, no reply sent. Keys are minted here and served from a loopback OpenID endpoint.
/// </summary>
public sealed class EndpointAuthenticationTests : IAsyncLifetime
{
    private const string AppId = "6f1c4a7e-0000-4000-8000-00000000b07a";
    private TestIssuer _issuer = null!;
    private RecordingConnector _connector = null!;
    private TestBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        _connector = await RecordingConnector.StartAsync();
        _bot = await TestBotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-used-outbound-token-is-stubbed",
                ["BotOpenIdMetadata"] = _issuer.ChannelMetadataUrl,
                ["ToBotFromEmulatorOpenIdMetadataUrl"] = _issuer.EmulatorMetadataUrl,
                ["RequireHttpsMetadata"] = "false",
            },
            services =>
            {
                services.AddSingleton<IConversationBot, ScriptedBot>();
                services.AddSingleton<IAccessTokenProvider>(new FixedTokenProvider("outbound-token"));
            });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task ValidBotConnectorToken_IsAccepted_AndTheReplyCarriesTheOutboundToken()
    {
        var response = await _bot.Client.PostAsync(Message("msteams"), ChannelToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The reply, and (in Teams, while the rota names someone by email) the member lookup that learns emails.
        var calls = await _connector.WaitForCallsAsync(1);
        var reply = Assert.Single(calls, call => call.Method == "POST");
        Assert.Equal("Bearer outbound-token", reply.Authorization);
        Assert.All(calls, call => Assert.Equal("Bearer outbound-token", call.Authorization));
    }

    [Fact]
    public async Task EmulatorV1Token_WithAppIdInAppid_IsAccepted()
    {
        var token = TestIssuer.Mint(_issuer.EmulatorKey, TestIssuer.EmulatorIssuerV1, "https://api.botframework.com",
            [new Claim("ver", "1.0"), new Claim("appid", AppId)]);

        var response = await _bot.Client.PostAsync(Message("emulator"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EmulatorV2Token_WithAppIdInAzp_IsAccepted()
    {
        var token = TestIssuer.Mint(_issuer.EmulatorKey, TestIssuer.EmulatorIssuerV2, AppId,
            [new Claim("ver", "2.0"), new Claim("azp", AppId)]);

        var response = await _bot.Client.PostAsync(Message("emulator"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> BadTokens =>
    [
        "missing", "not a jwt", "unsigned", "expired", "wrongly signed", "wrong audience", "wrong issuer",
        "wrong endorsement", "wrong serviceurl", "no serviceurl", "emulator for another app", "emulator version 3",
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_Gets401_AndNothingRuns(string bad)
    {
        var channelId = bad == "wrong endorsement" ? "slack" : "msteams";
        var token = bad switch
        {
            "missing" => null,
            "not a jwt" => "definitely-not-a-jwt",
            "unsigned" => TestIssuer.Unsigned(TestIssuer.ChannelIssuer, AppId, _connector.ServiceUrl),
            "expired" => ChannelToken(expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddHours(-2)),
            "wrongly signed" => TestIssuer.Mint(_issuer.StrangerKey, TestIssuer.ChannelIssuer, AppId, [new Claim("serviceurl", _connector.ServiceUrl)]),
            "wrong audience" => TestIssuer.Mint(_issuer.ChannelKey, TestIssuer.ChannelIssuer, "someone-else", [new Claim("serviceurl", _connector.ServiceUrl)]),
            "wrong issuer" => TestIssuer.Mint(_issuer.ChannelKey, "https://evil.example", AppId, [new Claim("serviceurl", _connector.ServiceUrl)]),
            "wrong endorsement" => ChannelToken(),
            "wrong serviceurl" => TestIssuer.Mint(_issuer.ChannelKey, TestIssuer.ChannelIssuer, AppId, [new Claim("serviceurl", "https://elsewhere.example/")]),
            "no serviceurl" => TestIssuer.Mint(_issuer.ChannelKey, TestIssuer.ChannelIssuer, AppId, []),
            "emulator for another app" => TestIssuer.Mint(_issuer.EmulatorKey, TestIssuer.EmulatorIssuerV1, "x", [new Claim("ver", "1.0"), new Claim("appid", "another-app")]),
            "emulator version 3" => TestIssuer.Mint(_issuer.EmulatorKey, TestIssuer.EmulatorIssuerV2, AppId, [new Claim("ver", "3.0"), new Claim("azp", AppId)]),
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };

        var response = await _bot.Client.PostAsync(Message(channelId), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await _bot.CountRowsAsync("conversation_state"));
        Assert.Empty(_connector.Calls);
    }

    private System.Text.Json.Nodes.JsonObject Message(string channelId) =>
        Activities.Message(_connector.ServiceUrl, $"c-auth-{Guid.NewGuid():N}", "hello", channelId);

    private string ChannelToken(DateTime? expires = null, DateTime? notBefore = null) =>
        TestIssuer.Mint(_issuer.ChannelKey, TestIssuer.ChannelIssuer, AppId, [new Claim("serviceurl", _connector.ServiceUrl)], expires, notBefore);

    private sealed class FixedTokenProvider(string token) : IAccessTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
    }
}
