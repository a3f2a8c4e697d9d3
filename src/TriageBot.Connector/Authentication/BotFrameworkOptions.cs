namespace TriageBot.Connector.Authentication;

/// <summary>
/// The bot's identity and the Bot Framework endpoints it trusts, bound from the configuration root with the key names
/// the Bot Framework SDK and the Azure deployment templates use. The endpoint URLs default to the public cloud and can be
/// pointed at a loopback server in tests or at a sovereign cloud.
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedManagedIdentity = "UserAssignedMSI";

    /// <summary>MultiTenant (default), SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The Azure Bot's app id. Blank: no authentication either way (Emulator / Agents Playground without credentials).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret for MultiTenant and SingleTenant. Never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Tenant for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata for tokens from the Bot Connector service (Teams, Direct Line).</summary>
    public string BotOpenIdMetadata { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Issuer of Bot Connector tokens.</summary>
    public string ToBotFromChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>OpenID metadata for tokens the Bot Framework Emulator obtains with the bot's own credentials.</summary>
    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>Authority host for outbound tokens; the tenant (botframework.com or MicrosoftAppTenantId) is appended.</summary>
    public string ToChannelFromBotLoginUrlPrefix { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Scope (resource) of outbound tokens for the connector.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>Allowed clock difference when checking token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Metadata must come over HTTPS unless a test serves it on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public string EffectiveAppType => string.IsNullOrWhiteSpace(MicrosoftAppType) ? MultiTenant : MicrosoftAppType.Trim();
}
