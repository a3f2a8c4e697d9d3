using Microsoft.Extensions.Options;
using TriageBot.Connector.Authentication;

namespace TriageBot.Hosting;

/// <summary>Says once, at start, when the bot accepts requests without authentication (no MicrosoftAppId).</summary>
public sealed partial class StartupWarnings(IOptions<BotFrameworkOptions> options, ILogger<StartupWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
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
