using TriageBot.Connector.Authentication;
using TriageBot.Connector.Authentication.Inbound;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

/// <summary>
/// Emulator tokens carry the real Emulator issuer strings; their keys come from the loopback "Entra" metadata the options
/// point at, which publishes no endorsements.
/// </summary>
public sealed class EmulatorTokenAuthenticationTests
{
    [Fact]
    public async Task V1Token_WithAppIdClaim_IsAcceptedAsEmulator()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await AuthenticateFromEmulatorAsync(harness, TestTokens.Emulator(harness.Now, version: "1.0"));

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(InboundCaller.Emulator, result.Caller);
        Assert.Equal(TestTokens.AppId, result.Identity.FindFirst("appid")?.Value);
    }

    [Fact]
    public async Task TokenWithoutVersion_IsReadAsV1AndAccepted()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await AuthenticateFromEmulatorAsync(harness, TestTokens.Emulator(harness.Now, version: null));

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(InboundCaller.Emulator, result.Caller);
    }

    [Fact]
    public async Task V2Token_WithAzpClaim_IsAcceptedAsEmulator()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await AuthenticateFromEmulatorAsync(harness, TestTokens.Emulator(harness.Now, version: "2.0", issuer: TestTokens.EmulatorV2Issuer));

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(InboundCaller.Emulator, result.Caller);
        Assert.Equal(TestTokens.AppId, result.Identity.FindFirst("azp")?.Value);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task TokenIssuedToAnotherAppId_IsRejected(string version)
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await AuthenticateFromEmulatorAsync(harness, TestTokens.Emulator(harness.Now, version, appId: TestTokens.OtherAppId));

        InboundAssert.Rejected(result, "emulator token was issued to another app id");
    }

    [Fact]
    public async Task V2Token_WithTheAppIdOnlyInTheV1Claim_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var token = TestTokens.Emulator(harness.Now, version: "2.0", appIdClaim: "appid");

        var result = await AuthenticateFromEmulatorAsync(harness, token);

        InboundAssert.Rejected(result, "emulator token has no azp claim");
    }

    [Fact]
    public async Task Version3Token_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await AuthenticateFromEmulatorAsync(harness, TestTokens.Emulator(harness.Now, version: "3.0"));

        InboundAssert.Rejected(result, "emulator token has an unknown version");
    }

    [Fact]
    public async Task ExpiredEmulatorToken_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var token = TestTokens.Emulator(harness.Now, version: "1.0", lifetime: TimeSpan.FromHours(1));
        harness.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));

        var result = await AuthenticateFromEmulatorAsync(harness, token);

        InboundAssert.Rejected(result, "token expired");
    }

    [Fact]
    public async Task EmulatorIssuerSignedWithABotConnectorKey_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var token = TestTokens.Emulator(harness.Now, version: "1.0", signedWith: TestSigningKey.Channel.Credentials);

        var result = await AuthenticateFromEmulatorAsync(harness, token);

        InboundAssert.Rejected(result, "token is signed by a key that is not published");
    }

    [Fact]
    public async Task SingleTenantBot_AcceptsItsOwnTenantAsEmulatorIssuer()
    {
        const string tenantId = "3c1f6e2a-8d4b-4f5e-9a7c-1b2d3e4f5a6b";
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator(options =>
        {
            options.MicrosoftAppType = BotFrameworkOptions.SingleTenant;
            options.MicrosoftAppTenantId = tenantId;
        });
        var token = TestTokens.Emulator(harness.Now, version: "2.0", issuer: $"https://login.microsoftonline.com/{tenantId}/v2.0");

        var result = await authenticator.AuthenticateAsync(TestTokens.Bearer(token), "emulator", "http://localhost:56789", CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(InboundCaller.Emulator, result.Caller);
    }

    [Fact]
    public async Task MultiTenantBot_TreatsATenantIssuerAsBotConnectorAndRejectsIt()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var token = TestTokens.Emulator(harness.Now, version: "2.0", issuer: "https://login.microsoftonline.com/3c1f6e2a-8d4b-4f5e-9a7c-1b2d3e4f5a6b/v2.0");

        var result = await AuthenticateFromEmulatorAsync(harness, token);

        Assert.False(result.IsAuthenticated);
    }

    // The Emulator sends its own channel id and a loopback serviceUrl; neither is checked on this path.
    private static Task<InboundAuthenticationResult> AuthenticateFromEmulatorAsync(InboundAuthenticationHarness harness, string token) =>
        harness.AuthenticateAsync(TestTokens.Bearer(token), channelId: "emulator", serviceUrl: "http://localhost:56789");
}
