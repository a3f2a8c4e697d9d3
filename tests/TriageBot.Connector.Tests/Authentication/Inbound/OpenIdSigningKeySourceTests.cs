using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Connector.Authentication.Inbound;
using TriageBot.Connector.Tests.Client;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

public sealed class OpenIdSigningKeySourceTests
{
    [Fact]
    public async Task FirstFetchFails_CallersWithinTheRetryIntervalFailFast_ThenItIsRetried()
    {
        await using var server = LoopbackOpenIdServer.Start();
        using var http = new HttpClient();
        var clock = new FakeTimeProvider(SteppingTimeProvider.DefaultStart);
        var source = new OpenIdSigningKeySource(server.ChannelMetadataUrl, requireHttps: false, http, clock, NullLogger.Instance);
        server.Break("/botframework/keys");

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => source.GetSigningKeysAsync("k", CancellationToken.None));
        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => source.GetSigningKeysAsync("k", CancellationToken.None));
        Assert.Equal(1, server.KeyRequests(LoopbackOpenIdServer.ChannelIssuer));

        server.Publish(LoopbackOpenIdServer.ChannelIssuer, TestSigningKey.Channel.ToJwk("msteams"));
        clock.Advance(OpenIdSigningKeySource.RetryIntervalWithoutKeys);
        var keys = await source.GetSigningKeysAsync(TestSigningKey.Channel.KeyId, CancellationToken.None);

        Assert.True(keys.ContainsKeyId(TestSigningKey.Channel.KeyId));
        Assert.Equal(2, server.KeyRequests(LoopbackOpenIdServer.ChannelIssuer));
    }

    [Fact]
    public async Task MetadataWithoutJwksUri_IsUnavailable()
    {
        await using var server = LoopbackOpenIdServer.Start();
        using var http = new HttpClient();
        var source = new OpenIdSigningKeySource(
            new Uri(server.BaseAddress, "botframework/keys").AbsoluteUri, requireHttps: false, http, TimeProvider.System, NullLogger.Instance);

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => source.GetSigningKeysAsync(null, CancellationToken.None));
    }
}
