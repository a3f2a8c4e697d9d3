namespace TriageBot.Connector.Authentication.Inbound;

/// <summary>
/// The issuers of tokens the Bot Framework Emulator obtains with the bot's own credentials. A token whose (unvalidated)
/// <c>iss</c> is one of these is routed to Emulator validation; everything else must be a Bot Connector token.
/// </summary>
internal static class EmulatorTokenIssuers
{
    // Values from the SDK's emulator validation (PROTOCOL.md §4.2); the doc page shows a placeholder GUID instead.
    private static readonly string[] Fixed =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",               // Auth v3.1, v1 token
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0", // Auth v3.1, v2 token
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",               // Auth v3.2, v1 token
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0", // Auth v3.2, v2 token
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",               // US Gov, v1 token
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",  // US Gov, v2 token
    ];

    /// <summary>The trusted issuers; a SingleTenant bot also trusts its own tenant's v1 and v2 issuers.</summary>
    public static IReadOnlyList<string> For(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenantId = options.MicrosoftAppTenantId?.Trim();
        var isSingleTenant = string.Equals(options.EffectiveAppType, BotFrameworkOptions.SingleTenant, StringComparison.OrdinalIgnoreCase);
        if (!isSingleTenant || string.IsNullOrEmpty(tenantId))
        {
            return Fixed;
        }

        return [.. Fixed, $"https://sts.windows.net/{tenantId}/", $"https://login.microsoftonline.com/{tenantId}/v2.0"];
    }

    public static bool IsEmulatorIssuer(string? issuer, BotFrameworkOptions options) =>
        !string.IsNullOrEmpty(issuer) && For(options).Contains(issuer, StringComparer.Ordinal);
}
