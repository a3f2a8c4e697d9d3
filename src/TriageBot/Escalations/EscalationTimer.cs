using Microsoft.Extensions.Options;
using TriageBot.Dialogs.Protocols;
using TriageBot.Outbox;
using TriageBot.Storage;

namespace TriageBot.Escalations;

/// <summary>
/// Moves escalations nobody acknowledged in time to the next person in the chain. Deadlines are rows in the store and
/// the clock is the <see cref="TimeProvider"/>, so a restart in the middle changes nothing: the next check finds the
/// same overdue rows. It also runs the projector, which catches up on requests a crash left unprojected.
/// </summary>
public sealed partial class EscalationTimer(
    IEscalationQueries escalationQueries,
    IStoreWriter writer,
    IEscalationStore escalations,
    IOutboxStore outbox,
    OutboxSignal outboxSignal,
    EscalationProjector projector,
    EyesOnChecks eyesOn,
    ProtocolCatalog catalog,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<EscalationTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TimerInterval, time);
        do
        {
            try
            {
                await projector.ProjectPendingAsync(stoppingToken);
                await CheckDeadlinesAsync(stoppingToken);
                await eyesOn.SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or IOException)
            {
                LogStoreProblem(exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Moves on every open escalation past its deadline; returns how many moved.</summary>
    public async Task<int> CheckDeadlinesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var overdue = await escalationQueries.OpenPastDeadlineAsync(now, cancellationToken);

        var moved = 0;
        foreach (var escalation in overdue)
        {
            var why = $"had not answered {Waited(escalation, now)} after the report";
            if (await writer.WriteAsync(write => EscalationChain.MoveOnAsync(
                    write, escalations, outbox, escalation, escalation.RecipientIndex, catalog, options.Value.ToTimeouts(), time, why), cancellationToken))
            {
                moved++;
                LogMovedOn(escalation.Id, escalation.RecipientIndex + 1);
            }
        }

        if (moved > 0)
        {
            outboxSignal.Notify();
        }

        return moved;
    }

    private static string Waited(EscalationRecord escalation, DateTimeOffset now)
    {
        var minutes = Math.Max(1, (int)Math.Round((now - escalation.RequestedAt).TotalMinutes));
        return minutes < 120 ? $"{minutes} minutes" : $"{minutes / 60} hours";
    }

    [LoggerMessage(1421, LogLevel.Warning, "Escalation {EscalationId} not acknowledged in time; moved on to position {Position} of its chain")]
    private partial void LogMovedOn(string escalationId, int position);

    [LoggerMessage(1422, LogLevel.Error, "Escalation deadlines could not be checked ({ExceptionType}); trying again at the next tick")]
    private partial void LogStoreProblem(string exceptionType);
}
