using Microsoft.Extensions.Options;

namespace TriageBot.Retention;

/// <summary>Runs the personal data purge at start and then every <see cref="RetentionOptions.TimerInterval"/>, when retention is on.</summary>
public sealed partial class RetentionTimer(PersonalDataPurge purge, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsOn)
        {
            LogOff();
            return;
        }

        using var timer = new PeriodicTimer(options.Value.TimerInterval, time);
        do
        {
            try
            {
                await purge.RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or IOException)
            {
                LogStoreProblem(exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(1711, LogLevel.Warning, "Retention:AfterClosureDays is not set: personal data of closed incidents is kept indefinitely")]
    private partial void LogOff();

    [LoggerMessage(1712, LogLevel.Error, "Retention purge could not run ({ExceptionType}); trying again at the next tick")]
    private partial void LogStoreProblem(string exceptionType);
}
