using Microsoft.Extensions.Time.Testing;
using TriageBot.Connector.Authentication;
using TriageBot.Connector.Authentication.Outbound;

namespace TriageBot.Connector.Tests.Authentication.Outbound;

public sealed class ClientSecretTokenProviderTests : IDisposable
{
    private const string Password = "not-a-real-secret";

    private readonly FakeTokenEndpoint _endpoint = new();

    // MSAL stamps expiry with the system clock, so the test clock starts there too.
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());

    private static BotFrameworkOptions Options(string? appType = null, string? tenant = null) => new()
    {
        MicrosoftAppType = appType,
        MicrosoftAppId = "00000000-0000-0000-0000-00000000b07a",
        MicrosoftAppPassword = Password,
        MicrosoftAppTenantId = tenant,
        ToChannelFromBotLoginUrlPrefix = "https://login.test.example/",
    };

    [Fact]
    public async Task MultiTenant_AsksTheBotFrameworkAuthority_ForAClientCredentialsToken()
    {
        using var provider = new ClientSecretTokenProvider(Options(), _clock, _endpoint);

        var token = await provider.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        var request = Assert.Single(_endpoint.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://login.test.example/botframework.com/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal("https://api.botframework.com/.default", request.Form["scope"]);
        Assert.Equal("00000000-0000-0000-0000-00000000b07a", request.Form["client_id"]);
        Assert.Equal(Password, request.Form["client_secret"]);
    }

    [Fact]
    public async Task SingleTenant_AsksTheBotsOwnTenant()
    {
        using var provider = new ClientSecretTokenProvider(Options(BotFrameworkOptions.SingleTenant, tenant: "school-tenant"), _clock, _endpoint);

        await provider.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal("https://login.test.example/school-tenant/oauth2/v2.0/token", Assert.Single(_endpoint.Requests).Uri.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task Token_IsReused_UntilFiveMinutesBeforeItExpires()
    {
        using var provider = new ClientSecretTokenProvider(Options(), _clock, _endpoint);

        var first = await provider.GetAccessTokenAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(54));
        var stillValid = await provider.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", stillValid);
        Assert.Single(_endpoint.Requests);
    }

    [Fact]
    public async Task Token_NearExpiry_IsReplacedByANewOne()
    {
        using var provider = new ClientSecretTokenProvider(Options(), _clock, _endpoint);

        await provider.GetAccessTokenAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(56));
        var refreshed = await provider.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", refreshed);
        Assert.Equal(2, _endpoint.Requests.Count);
    }

    [Fact]
    public async Task ConcurrentCallers_ShareOneTokenRequest()
    {
        using var provider = new ClientSecretTokenProvider(Options(), _clock, _endpoint);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetAccessTokenAsync(CancellationToken.None)));

        Assert.All(tokens, token => Assert.Equal("token-1", token));
        Assert.Single(_endpoint.Requests);
    }

    public void Dispose() => _endpoint.Dispose();
}
