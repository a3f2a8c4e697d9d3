using TriageBot.Connector.Authentication.Inbound;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

/// <summary>Key caching and refresh, observed through the number of JWKS downloads the loopback server counted.</summary>
public sealed class SigningKeyRotationTests
{
    private const string Channel = LoopbackOpenIdServer.ChannelIssuer;

    [Fact]
    public async Task KeysAreFetchedOnceAndCached()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator();

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now))).IsAuthenticated);
            harness.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(1, harness.Server.RequestCount("/botframework/openid"));
        Assert.Equal(1, harness.Server.KeyRequests(Channel));
    }

    [Fact]
    public async Task UnknownKeyId_TriggersOneRefresh_AndTheNewlyPublishedKeyIsAccepted()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator();
        Assert.True((await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now))).IsAuthenticated);

        harness.Server.Publish(Channel, TestSigningKey.Channel.ToJwk("msteams"), TestSigningKey.ChannelRotated.ToJwk("msteams"));
        harness.Clock.Advance(OpenIdSigningKeySource.MinimumRefreshInterval);
        var rotated = await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now, signedWith: TestSigningKey.ChannelRotated.Credentials));
        var old = await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now));

        Assert.True(rotated.IsAuthenticated, rotated.FailureReason);
        Assert.True(old.IsAuthenticated, old.FailureReason);
        Assert.Equal(2, harness.Server.KeyRequests(Channel));
    }

    [Fact]
    public async Task UnknownKeyIds_DoNotRefreshMoreThanOncePerMinimumInterval()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator();
        Assert.True((await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now))).IsAuthenticated);
        harness.Server.Publish(Channel, TestSigningKey.ChannelRotated.ToJwk("msteams"));

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 5; i++)
        {
            var forged = await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now, signedWith: TestSigningKey.Rogue.Credentials));
            InboundAssert.Rejected(forged, "token is signed by a key that is not published");
        }

        var tooEarly = await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now, signedWith: TestSigningKey.ChannelRotated.Credentials));
        Assert.Equal(1, harness.Server.KeyRequests(Channel));
        Assert.False(tooEarly.IsAuthenticated);

        harness.Clock.Advance(OpenIdSigningKeySource.MinimumRefreshInterval);
        var later = await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now, signedWith: TestSigningKey.ChannelRotated.Credentials));
        Assert.True(later.IsAuthenticated, later.FailureReason);
        Assert.Equal(2, harness.Server.KeyRequests(Channel));
    }

    [Fact]
    public async Task KeysOlderThanADay_AreRefetched_AndARetiredKeyIsThenRefused()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator();
        Assert.True((await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now))).IsAuthenticated);
        harness.Server.Publish(Channel, TestSigningKey.ChannelRotated.ToJwk("msteams"));

        harness.Clock.Advance(OpenIdSigningKeySource.MaximumKeyAge);
        var retired = await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now));

        InboundAssert.Rejected(retired, "token is signed by a key that is not published");
        Assert.Equal(2, harness.Server.KeyRequests(Channel));
    }

    [Fact]
    public async Task FailedRefresh_KeepsUsingTheCachedKeys()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator();
        Assert.True((await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now))).IsAuthenticated);
        harness.Server.Break("/botframework/keys");

        harness.Clock.Advance(OpenIdSigningKeySource.MaximumKeyAge);
        var result = await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now));

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(2, harness.Server.KeyRequests(Channel));
    }

    [Fact]
    public async Task BotConnectorAndEmulatorKeysAreCachedSeparately()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator();

        var channel = await AuthenticateAsync(authenticator, TestTokens.Channel(harness.Now));
        var emulator = await authenticator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Emulator(harness.Now, "1.0")), "emulator", "http://localhost:56789", CancellationToken.None);

        Assert.True(channel.IsAuthenticated, channel.FailureReason);
        Assert.True(emulator.IsAuthenticated, emulator.FailureReason);
        Assert.Equal(1, harness.Server.KeyRequests(Channel));
        Assert.Equal(1, harness.Server.KeyRequests(LoopbackOpenIdServer.EmulatorIssuer));
    }

    [Fact]
    public async Task ConcurrentRequests_ShareOneFetch()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator();
        var token = TestTokens.Channel(harness.Now);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => AuthenticateAsync(authenticator, token)));

        Assert.All(results, result => Assert.True(result.IsAuthenticated, result.FailureReason));
        Assert.Equal(1, harness.Server.KeyRequests(Channel));
    }

    private static Task<InboundAuthenticationResult> AuthenticateAsync(BotFrameworkInboundAuthenticator authenticator, string token) =>
        authenticator.AuthenticateAsync(TestTokens.Bearer(token), InboundAuthenticationHarness.TeamsChannel, TestTokens.ServiceUrl, CancellationToken.None);
}
