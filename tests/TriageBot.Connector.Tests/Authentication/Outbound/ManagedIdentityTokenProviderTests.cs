using Microsoft.Extensions.Time.Testing;
using TriageBot.Connector.Authentication;
using TriageBot.Connector.Authentication.Outbound;

namespace TriageBot.Connector.Tests.Authentication.Outbound;

public sealed class ManagedIdentityTokenProviderTests : IDisposable
{
    private readonly FakeTokenEndpoint _endpoint = new();

    [Fact]
    public async Task AsksTheIdentityEndpoint_ForTheConnectorResource_AsTheConfiguredIdentity()
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = "UserAssignedMSI", MicrosoftAppId = "11111111-0000-0000-0000-00000000b07a", MicrosoftAppTenantId = "school-tenant" };
        using var provider = new ManagedIdentityTokenProvider(options, new FakeTimeProvider(TimeProvider.System.GetUtcNow()), _endpoint);

        var first = await provider.GetAccessTokenAsync(CancellationToken.None);
        var second = await provider.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", second);
        var request = Assert.Single(_endpoint.Requests);
        var query = Uri.UnescapeDataString(request.Uri.Query);
        Assert.Contains("resource=https://api.botframework.com", query, StringComparison.Ordinal);
        Assert.Contains("client_id=11111111-0000-0000-0000-00000000b07a", query, StringComparison.Ordinal);
    }

    public void Dispose() => _endpoint.Dispose();
}
