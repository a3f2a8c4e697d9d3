using TriageBot.Connector.Authentication.Outbound;
using TriageBot.Tests.Infrastructure;

namespace TriageBot.Tests.Hosting;

public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("SingleTenant", "secret", "", "MicrosoftAppTenantId")]
    [InlineData("MultiTenant", "", "", "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "", "", "MicrosoftAppTenantId")]
    public async Task MisconfiguredIdentity_StopsTheStart_NamingTheKeyToFix(string appType, string password, string tenant, string key)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = "6f1c4a7e-0000-4000-8000-00000000b07a",
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        };

        var failure = await Assert.ThrowsAsync<BotFrameworkConfigurationException>(() => TestBotHost.StartAsync(settings));

        Assert.Equal(key, failure.Key);
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure.Message, StringComparison.Ordinal);
    }
}
