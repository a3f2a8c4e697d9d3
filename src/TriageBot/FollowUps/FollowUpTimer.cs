using Microsoft.Extensions.Options;

namespace TriageBot.FollowUps;

/// <summary>
/// Runs the follow-up work on a timer: makes tasks from new events, queues due reminders and overdue cards, and the
/// morning digest. Everything it acts on is a row in the store and the clock is the <see cref="TimeProvider"/>, so a
/// restart changes nothing: the next tick finds the same due rows.
/// </summary>
public sealed partial class FollowUpTimer(
    FollowUpProjector projector,
    FollowUpReminders reminders,
    DailyDigest digest,
    IOptions<FollowUpOptions> options,
    TimeProvider time,
    ILogger<FollowUpTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TimerInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or IOException)
            {
                LogStoreProblem(exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One tick: new tasks, due reminders and overdue cards, the digest.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await projector.CatchUpAsync(cancellationToken);
        await reminders.SendDueAsync(cancellationToken);
        await digest.SendIfDueAsync(cancellationToken);
    }

    [LoggerMessage(1641, LogLevel.Error, "Follow-ups could not be checked ({ExceptionType}); trying again at the next tick")]
    private partial void LogStoreProblem(string exceptionType);
}
