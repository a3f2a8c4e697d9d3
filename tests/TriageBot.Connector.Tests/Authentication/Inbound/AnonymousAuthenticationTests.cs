using TriageBot.Connector.Authentication.Inbound;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

/// <summary>A bot without an app id (local Emulator or Agents Playground without credentials).</summary>
public sealed class AnonymousAuthenticationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task NoAppId_RequestWithoutAuthorization_IsAcceptedAsAnonymous(string? appId)
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator(options => options.MicrosoftAppId = appId);

        var result = await authenticator.AuthenticateAsync(authorizationHeader: null, "emulator", "http://localhost:56789", CancellationToken.None);

        Assert.True(authenticator.IsAuthenticationDisabled);
        Assert.True(result.IsAuthenticated);
        Assert.Equal(InboundCaller.Anonymous, result.Caller);
        Assert.False(result.Identity.IsAuthenticated);
        Assert.Empty(result.Identity.Claims);
    }

    [Fact]
    public async Task NoAppId_RequestWithAToken_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator(options => options.MicrosoftAppId = null);
        var token = TestTokens.Channel(harness.Now);

        var result = await authenticator.AuthenticateAsync(TestTokens.Bearer(token), "msteams", TestTokens.ServiceUrl, CancellationToken.None);

        InboundAssert.Rejected(result, "a token was sent but no MicrosoftAppId is configured");
    }

    [Fact]
    public async Task NoAppId_RequestWithAnEmulatorToken_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator(options => options.MicrosoftAppId = "");

        var result = await authenticator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Emulator(harness.Now, "1.0")), "emulator", "http://localhost:56789", CancellationToken.None);

        Assert.False(result.IsAuthenticated);
    }

    [Fact]
    public async Task AppIdSet_AuthenticationIsNotDisabled()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        Assert.False(harness.CreateAuthenticator().IsAuthenticationDisabled);
    }
}
