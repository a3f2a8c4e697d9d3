using Microsoft.Extensions.Options;
using TriageBot.Connector.Authentication;
using TriageBot.Connector.Authentication.Inbound;
using TriageBot.Connector.Authentication.Outbound;
using TriageBot.Connector.Client;

namespace TriageBot.Hosting;

/// <summary>The Bot Framework protocol layer: bot identity, inbound token checks, outbound tokens and the connector client.</summary>
public static class ConnectorServices
{
    public const string RetrySectionName = "ConnectorRetry";

    public static IServiceCollection AddTriageBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        // MicrosoftAppId and friends sit at the configuration root, where the Azure templates and the SDK put them.
        services.AddOptions<BotFrameworkOptions>().Bind(configuration);
        services.AddOptions<ConnectorRetryOptions>().Bind(configuration.GetSection(RetrySectionName));

        // Created once: a misconfigured identity (e.g. SingleTenant without a tenant) stops the start with the key to fix.
        services.AddSingleton(provider => AccessTokenProviderFactory.Create(
            provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));

        // Long-lived clients with pooled connections that are recycled, so DNS changes are still seen.
        services.AddKeyedSingleton(nameof(ConnectorClient), (_, _) => CreateHttpClient());
        services.AddKeyedSingleton(nameof(BotFrameworkInboundAuthenticator), (_, _) => CreateHttpClient());

        services.AddSingleton<IConnectorClient>(provider => new ConnectorClient(
            provider.GetRequiredKeyedService<HttpClient>(nameof(ConnectorClient)),
            provider.GetRequiredService<IAccessTokenProvider>(),
            provider.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ConnectorClient>>()));

        // One instance: it holds the signing-key cache.
        services.AddSingleton(provider => new BotFrameworkInboundAuthenticator(
            provider.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            provider.GetRequiredKeyedService<HttpClient>(nameof(BotFrameworkInboundAuthenticator)),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BotFrameworkInboundAuthenticator>>()));
        services.AddSingleton<IInboundAuthenticator>(provider => provider.GetRequiredService<BotFrameworkInboundAuthenticator>());
        return services;
    }

    private static HttpClient CreateHttpClient() => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        // Each attempt has its own timeout in the retry pipeline.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
