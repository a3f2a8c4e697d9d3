using Microsoft.Extensions.Options;
using TriageBot.Connector.Authentication;
using TriageBot.Connector.Authentication.Outbound;

namespace TriageBot.Hosting;

/// <summary>
/// Checks the bot's identity at start: a misconfigured one (SingleTenant without a tenant, say) stops the start with
/// the key to fix, instead of failing the first reply; and it says once when the bot accepts requests without
/// authentication (no MicrosoftAppId).
/// </summary>
public sealed partial class StartupWarnings(
    IOptions<BotFrameworkOptions> options,
    IServiceProvider services,
    ILogger<StartupWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IAccessTokenProvider>();

        if (options.Value.IsAuthenticationDisabled)
        {
            LogAuthenticationDisabled();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1202, LogLevel.Warning,
        "MicrosoftAppId is blank: requests without a token are accepted and replies carry none. Use this only with the Emulator or the Agents Playground on this machine.")]
    private partial void LogAuthenticationDisabled();
}
