using TriageBot.Connector.Authentication;
using TriageBot.Connector.Authentication.Inbound;

namespace TriageBot.Connector.Tests.Authentication.Inbound;

public sealed class EmulatorTokenIssuersTests
{
    private const string TenantId = "3c1f6e2a-8d4b-4f5e-9a7c-1b2d3e4f5a6b";

    [Theory]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    [InlineData("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0")]
    [InlineData("https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/")]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0")]
    [InlineData("https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/")]
    [InlineData("https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0")]
    public void EmulatorIssuers_AreRecognised(string issuer) =>
        Assert.True(EmulatorTokenIssuers.IsEmulatorIssuer(issuer, new BotFrameworkOptions()));

    [Theory]
    [InlineData("https://api.botframework.com")]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db")]
    [InlineData("HTTPS://STS.WINDOWS.NET/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherIssuers_AreNot(string? issuer) =>
        Assert.False(EmulatorTokenIssuers.IsEmulatorIssuer(issuer, new BotFrameworkOptions()));

    [Theory]
    [InlineData("https://sts.windows.net/" + TenantId + "/")]
    [InlineData("https://login.microsoftonline.com/" + TenantId + "/v2.0")]
    public void SingleTenantBot_AlsoTrustsItsTenant(string issuer)
    {
        var singleTenant = new BotFrameworkOptions { MicrosoftAppType = BotFrameworkOptions.SingleTenant, MicrosoftAppTenantId = TenantId };
        var multiTenant = new BotFrameworkOptions { MicrosoftAppTenantId = TenantId };

        Assert.True(EmulatorTokenIssuers.IsEmulatorIssuer(issuer, singleTenant));
        Assert.False(EmulatorTokenIssuers.IsEmulatorIssuer(issuer, multiTenant));
    }

    [Theory]
    [InlineData(null, "appid")]
    [InlineData("1.0", "appid")]
    [InlineData("2.0", "azp")]
    [InlineData("3.0", null)]
    [InlineData("", null)]
    [InlineData("2", null)]
    public void TokenVersion_SelectsTheAppIdClaim(string? version, string? claim) =>
        Assert.Equal(claim, EmulatorTokenValidator.AppIdClaimFor(version));
}
