using TriageBot.Connector.Authentication;
using TriageBot.Connector.Authentication.Outbound;

namespace TriageBot.Connector.Tests.Authentication.Outbound;

public sealed class AccessTokenProviderFactoryTests
{
    private const string AppId = "00000000-0000-0000-0000-00000000b07a";
    private const string Password = "super-secret-value";
    private const string Tenant = "school-tenant";

    private static IAccessTokenProvider Create(string? appType, string? appId, string? password, string? tenant) =>
        AccessTokenProviderFactory.Create(
            new BotFrameworkOptions { MicrosoftAppType = appType, MicrosoftAppId = appId, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant },
            TimeProvider.System);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task NoAppId_SendsNoToken(string? appId)
    {
        var provider = Create(null, appId, null, null);

        Assert.IsType<AnonymousTokenProvider>(provider);
        Assert.Null(await provider.GetAccessTokenAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("MultiTenant")]
    [InlineData("multitenant")]
    public void MultiTenant_WithIdAndPassword_UsesTheClientSecret(string? appType)
    {
        Assert.IsType<ClientSecretTokenProvider>(Create(appType, AppId, Password, null));
    }

    [Fact]
    public void SingleTenant_WithIdPasswordAndTenant_UsesTheClientSecret()
    {
        Assert.IsType<ClientSecretTokenProvider>(Create("SingleTenant", AppId, Password, Tenant));
    }

    [Fact]
    public void UserAssignedManagedIdentity_WithIdAndTenant_UsesTheManagedIdentity()
    {
        Assert.IsType<ManagedIdentityTokenProvider>(Create("UserAssignedMSI", AppId, null, Tenant));
    }

    [Theory]
    [InlineData("MultiTenant", AppId, null, null, "MicrosoftAppPassword", "MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.")]
    [InlineData("SingleTenant", AppId, null, Tenant, "MicrosoftAppPassword", "MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.")]
    [InlineData("SingleTenant", AppId, Password, null, "MicrosoftAppTenantId", "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.")]
    [InlineData("SingleTenant", null, Password, Tenant, "MicrosoftAppId", "MicrosoftAppId is required when MicrosoftAppType is SingleTenant.")]
    [InlineData("UserAssignedMSI", null, null, Tenant, "MicrosoftAppId", "MicrosoftAppId is required when MicrosoftAppType is UserAssignedMSI.")]
    [InlineData("UserAssignedMSI", AppId, null, null, "MicrosoftAppTenantId", "MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.")]
    public void MissingSetting_IsRejected_NamingTheKey(string appType, string? appId, string? password, string? tenant, string key, string message)
    {
        var error = Assert.Throws<BotFrameworkConfigurationException>(() => Create(appType, appId, password, tenant));

        Assert.Equal(key, error.Key);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ManagedIdentity_WithAPassword_IsRejected_WithoutRevealingIt()
    {
        var error = Assert.Throws<BotFrameworkConfigurationException>(() => Create("UserAssignedMSI", AppId, Password, Tenant));

        Assert.Equal("MicrosoftAppPassword", error.Key);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAppType_IsRejected_NamingTheKey()
    {
        var error = Assert.Throws<BotFrameworkConfigurationException>(() => Create("Certificate", AppId, Password, Tenant));

        Assert.Equal("MicrosoftAppType", error.Key);
        Assert.Contains("MultiTenant, SingleTenant or UserAssignedMSI", error.Message, StringComparison.Ordinal);
    }
}
