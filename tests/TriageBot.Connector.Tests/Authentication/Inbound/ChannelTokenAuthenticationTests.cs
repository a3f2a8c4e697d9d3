using TriageBot.Connector.Authentication.Inbound;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

/// <summary>Bot Connector (Teams) tokens through the real authenticator, keys served over loopback HTTP.</summary>
public sealed class ChannelTokenAuthenticationTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    [Fact]
    public async Task ValidToken_IsAcceptedAsBotConnector()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now)));

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(InboundCaller.BotConnector, result.Caller);
        Assert.Null(result.FailureReason);
        Assert.True(result.Identity.IsAuthenticated);
        Assert.Equal(TestTokens.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
        Assert.Equal(TestTokens.AppId, result.Identity.FindFirst("aud")?.Value);
    }

    [Fact]
    public async Task ValidToken_ForAnotherEndorsedChannel_IsAccepted()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now)), channelId: "directline");

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task MissingHeader_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(authorizationHeader: null);

        InboundAssert.Rejected(result, "Authorization header missing");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer a b")]
    public async Task NonBearerHeader_IsRejected(string header)
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(header);

        InboundAssert.Rejected(result, "Authorization header is not a Bearer token");
    }

    [Fact]
    public async Task NotAJwt_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync("Bearer not-a-jwt");

        InboundAssert.Rejected(result, "token is not a well-formed JWT");
    }

    [Fact]
    public async Task UnsignedToken_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Unsigned(harness.Now)));

        InboundAssert.Rejected(result, "token is unsigned");
    }

    [Fact]
    public async Task SymmetricallySignedToken_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.SymmetricallySigned(harness.Now)));

        InboundAssert.Rejected(result, "token algorithm is not allowed");
    }

    [Fact]
    public async Task TokenExpiredBeyondClockSkew_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var expiredSixMinutesAgo = TestTokens.Channel(harness.Now, startsIn: -(OneHour + TimeSpan.FromMinutes(6)), lifetime: OneHour);

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(expiredSixMinutesAgo));

        InboundAssert.Rejected(result, "token expired");
    }

    [Fact]
    public async Task TokenExpiredWithinClockSkew_IsAccepted()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var expiredFourMinutesAgo = TestTokens.Channel(harness.Now, startsIn: -(OneHour + TimeSpan.FromMinutes(4)), lifetime: OneHour);

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(expiredFourMinutesAgo));

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task TokenExpiresWhileTheClockMoves()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator();
        var header = TestTokens.Bearer(TestTokens.Channel(harness.Now, lifetime: OneHour));

        Assert.True((await authenticator.AuthenticateAsync(header, "msteams", TestTokens.ServiceUrl, CancellationToken.None)).IsAuthenticated);
        harness.Clock.Advance(OneHour + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var result = await authenticator.AuthenticateAsync(header, "msteams", TestTokens.ServiceUrl, CancellationToken.None);

        InboundAssert.Rejected(result, "token expired");
    }

    [Fact]
    public async Task TokenNotYetValidBeyondClockSkew_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var startsInTenMinutes = TestTokens.Channel(harness.Now, startsIn: TimeSpan.FromMinutes(10));

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(startsInTenMinutes));

        InboundAssert.Rejected(result, "token not yet valid");
    }

    [Fact]
    public async Task TokenNotYetValidWithinClockSkew_IsAccepted()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var startsInFourMinutes = TestTokens.Channel(harness.Now, startsIn: TimeSpan.FromMinutes(4));

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(startsInFourMinutes));

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task TokenSignedByAnUnpublishedKey_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now, signedWith: TestSigningKey.Rogue.Credentials)));

        InboundAssert.Rejected(result, "token is signed by a key that is not published");
    }

    [Fact]
    public async Task TokenSignedByAnotherKeyUnderAPublishedKeyId_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now, signedWith: TestSigningKey.ChannelImpostor.Credentials)));

        InboundAssert.Rejected(result, "token signature is invalid");
    }

    [Fact]
    public async Task WrongAudience_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now, audience: TestTokens.OtherAppId)));

        InboundAssert.Rejected(result, "token audience is not this bot's app id");
    }

    [Fact]
    public async Task WrongIssuer_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now, issuer: "https://api.botframework.example")));

        InboundAssert.Rejected(result, "token issuer is not trusted");
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("MSTEAMS")]
    [InlineData("")]
    [InlineData(null)]
    public async Task SigningKeyNotEndorsedForTheChannel_IsRejected(string? channelId)
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now)), channelId: channelId);

        InboundAssert.Rejected(result, "signing key is not endorsed for the activity's channel");
    }

    [Fact]
    public async Task SigningKeyWithoutEndorsements_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        harness.Server.Publish(LoopbackOpenIdServer.ChannelIssuer, TestSigningKey.Channel.ToJwk(endorsements: null));

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now)));

        InboundAssert.Rejected(result, "signing key is not endorsed for the activity's channel");
    }

    [Fact]
    public async Task ServiceUrlClaimDifferentFromTheActivity_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var token = TestTokens.Channel(harness.Now, serviceUrl: "https://attacker.example/teams/");

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(token));

        InboundAssert.Rejected(result, "token serviceurl does not match the activity's serviceUrl");
    }

    [Fact]
    public async Task ActivityWithoutServiceUrl_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now)), serviceUrl: null);

        InboundAssert.Rejected(result, "token serviceurl does not match the activity's serviceUrl");
    }

    [Fact]
    public async Task ServiceUrlClaimMissing_IsRejected()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now, serviceUrl: null)));

        InboundAssert.Rejected(result, "token has no serviceurl claim");
    }

    [Fact]
    public async Task ServiceUrlComparedCaseInsensitively()
    {
        await using var harness = InboundAuthenticationHarness.Start();

        var result = await harness.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now)), serviceUrl: TestTokens.ServiceUrl.ToUpperInvariant());

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Fact]
    public async Task MetadataUnreachable_IsRejectedAndLogged()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        harness.Server.Break("/botframework/openid");
        var authenticator = harness.CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now)), "msteams", TestTokens.ServiceUrl, CancellationToken.None);

        InboundAssert.Rejected(result, "signing keys are unavailable");
        Assert.Contains(harness.Logger.Lines, line => line.StartsWith("Warning: Could not refresh signing keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlainHttpMetadata_IsRefusedWhenHttpsIsRequired()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var authenticator = harness.CreateAuthenticator(options => options.RequireHttpsMetadata = true);

        var result = await authenticator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(harness.Now)), "msteams", TestTokens.ServiceUrl, CancellationToken.None);

        InboundAssert.Rejected(result, "signing keys are unavailable");
        Assert.Equal(0, harness.Server.RequestCount("/botframework/openid"));
    }

    [Fact]
    public async Task Rejection_NeverLogsTheToken()
    {
        await using var harness = InboundAuthenticationHarness.Start();
        var token = TestTokens.Channel(harness.Now, audience: TestTokens.OtherAppId);
        var authenticator = harness.CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(TestTokens.Bearer(token), "msteams", TestTokens.ServiceUrl, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.DoesNotContain(token.Split('.')[1], result.FailureReason, StringComparison.Ordinal);
        Assert.Contains(harness.Logger.Lines, line => line == $"Warning: Inbound request rejected: {result.FailureReason}");
        Assert.All(harness.Logger.Lines, line => Assert.DoesNotContain(token.Split('.')[1], line, StringComparison.Ordinal));
    }
}
