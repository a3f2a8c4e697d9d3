using Microsoft.Identity.Client;

namespace TriageBot.Connector.Authentication.Outbound;

/// <summary>
/// Chooses how outbound calls authenticate from the bot's identity settings, with the rules of the Bot Framework SDK's
/// configuration credential factory (PROTOCOL.md 4.4): MultiTenant (default) needs id + password, SingleTenant id +
/// password + tenant, UserAssignedMSI id + tenant and no password; MultiTenant without an app id sends no token.
/// </summary>
public static class AccessTokenProviderFactory
{
    private const string AppTypeKey = nameof(BotFrameworkOptions.MicrosoftAppType);
    private const string AppIdKey = nameof(BotFrameworkOptions.MicrosoftAppId);
    private const string PasswordKey = nameof(BotFrameworkOptions.MicrosoftAppPassword);
    private const string TenantKey = nameof(BotFrameworkOptions.MicrosoftAppTenantId);

    /// <exception cref="BotFrameworkConfigurationException">A required key is missing or a key is set that must not be.</exception>
    public static IAccessTokenProvider Create(BotFrameworkOptions options, TimeProvider timeProvider, IMsalHttpClientFactory? msalHttpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var appType = options.EffectiveAppType;
        if (Is(appType, BotFrameworkOptions.MultiTenant))
        {
            if (options.IsAuthenticationDisabled)
            {
                return AnonymousTokenProvider.Instance;
            }

            Require(options.MicrosoftAppPassword, PasswordKey, BotFrameworkOptions.MultiTenant);
            return new ClientSecretTokenProvider(options, timeProvider, msalHttpClientFactory);
        }

        if (Is(appType, BotFrameworkOptions.SingleTenant))
        {
            Require(options.MicrosoftAppId, AppIdKey, BotFrameworkOptions.SingleTenant);
            Require(options.MicrosoftAppPassword, PasswordKey, BotFrameworkOptions.SingleTenant);
            Require(options.MicrosoftAppTenantId, TenantKey, BotFrameworkOptions.SingleTenant);
            return new ClientSecretTokenProvider(options, timeProvider, msalHttpClientFactory);
        }

        if (Is(appType, BotFrameworkOptions.UserAssignedManagedIdentity))
        {
            Require(options.MicrosoftAppId, AppIdKey, BotFrameworkOptions.UserAssignedManagedIdentity);
            Require(options.MicrosoftAppTenantId, TenantKey, BotFrameworkOptions.UserAssignedManagedIdentity);
            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                throw new BotFrameworkConfigurationException(PasswordKey,
                    $"{PasswordKey} must be empty when {AppTypeKey} is {BotFrameworkOptions.UserAssignedManagedIdentity}: a managed identity has no secret.");
            }

            return new ManagedIdentityTokenProvider(options, timeProvider, msalHttpClientFactory);
        }

        throw new BotFrameworkConfigurationException(AppTypeKey,
            $"{AppTypeKey} '{appType}' is not supported; use {BotFrameworkOptions.MultiTenant}, {BotFrameworkOptions.SingleTenant} or {BotFrameworkOptions.UserAssignedManagedIdentity}.");
    }

    private static bool Is(string appType, string expected) => string.Equals(appType, expected, StringComparison.OrdinalIgnoreCase);

    private static void Require(string? value, string key, string appType)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new BotFrameworkConfigurationException(key, $"{key} is required when {AppTypeKey} is {appType}.");
        }
    }
}
