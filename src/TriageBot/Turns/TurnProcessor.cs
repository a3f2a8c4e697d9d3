using Microsoft.Extensions.Options;
using TriageBot.Connector.Client;
using TriageBot.Connector.Schema;
using TriageBot.Dialogs.Protocols;
using TriageBot.Dialogs.Turns;
using TriageBot.Hosting;
using TriageBot.Storage;

namespace TriageBot.Turns;

/// <summary>
/// Runs one turn of a conversation: load state, run the dialogs, save the new state, send the replies.
/// Turns of one conversation run one at a time (a gate in this process, a version check in the store across processes).
/// State is saved before replies go out, so what a member of staff said is kept even if a reply cannot be delivered.
/// </summary>
public sealed partial class TurnProcessor(
    IConversationStateStore store,
    IConversationBot bot,
    IConnectorClient connector,
    ConversationLocks locks,
    Cards.ReplyCards cards,
    IOptions<TurnOptions> options,
    ProtocolCatalog catalog,
    Escalations.EscalationProjector escalations,
    TimeProvider timeProvider,
    ILogger<TurnProcessor> logger)
{
    public async Task<TurnOutcome> ProcessAsync(Activity activity, TurnInput input, CancellationToken cancellationToken)
    {
        var key = new ConversationKey(activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty);
        TurnResult result;

        using (await locks.AcquireAsync(key.ToString(), cancellationToken))
        {
            try
            {
                result = await RunAndSaveAsync(key, input, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var correlationId = Faults.CorrelationIds.New();

                // The exception message may quote what was typed: one line with its type and where it came from; the
                // stack (still without the message) only at Debug.
                LogTurnFailed(exception.GetType().FullName, Faults.ExceptionSite.Of(exception), correlationId);
                LogTurnFailedStack(correlationId, exception.StackTrace);
                await TrySendApologyAsync(activity, correlationId, cancellationToken);
                return TurnOutcome.Failed(correlationId);
            }
        }

        // A turn that asked for the duty lead (or finished a report the lead's card shows) starts the card on its way
        // while its own replies go out; running the projector after every turn would queue a second write for each.
        var concernsTheLead = result.Events.Any(e => e.Type is Dialogs.Incidents.IncidentEventTypes.EscalationRequested or Dialogs.Incidents.IncidentEventTypes.Assessed);
        var toTheLead = concernsTheLead ? ProjectForTheLeadAsync() : Task.CompletedTask;
        try
        {
            await SendAsync(activity, result.Replies, cancellationToken);
        }
        finally
        {
            await toTheLead;
        }

        return TurnOutcome.Completed;
    }

    /// <summary>
    /// The escalation projector for a turn that concerns the lead. The turn is saved whatever happens here: should the
    /// projector fail, its timer catches up within seconds, so this never fails the turn (a failed turn is resent).
    /// </summary>
    private async Task ProjectForTheLeadAsync()
    {
        try
        {
            await escalations.ProjectPendingAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogProjectionDeferred(exception.GetType().Name);
        }
    }

    private async Task<TurnResult> RunAndSaveAsync(ConversationKey key, TurnInput input, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            StoredDialogState stored;
            using (Telemetry.TriageBotTelemetry.Source.StartActivity("store.load"))
            {
                stored = await store.LoadAsync(key, cancellationToken);
            }

            TurnResult result;
            using (Telemetry.TriageBotTelemetry.Source.StartActivity("dialog"))
            {
                result = await bot.OnTurnAsync(input, stored.State, cancellationToken);
            }

            using (var save = Telemetry.TriageBotTelemetry.Source.StartActivity("store.save"))
            {
                var saved = await store.TrySaveAsync(key, result.State, stored.Version, result.Events, cancellationToken);
                save?.SetTag("triagebot.store.saved", saved);
                save?.SetTag("triagebot.store.events", result.Events.Count);
                if (saved)
                {
                    return result;
                }
            }

            if (attempt >= options.Value.MaxConcurrencyRetries)
            {
                throw new ConversationBusyException(attempt + 1);
            }

            LogConcurrencyRetry(attempt + 1);

            // Jittered backoff, so two processes racing on one conversation stop colliding in lock-step.
            var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * Math.Min(attempt + 1, 8));
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    private async Task SendAsync(Activity incoming, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await SendOneAsync(incoming, ReplyActivityFactory.Create(incoming, reply, cards), cancellationToken);
        }
    }

    private Task<ResourceResponse> SendOneAsync(Activity incoming, Activity reply, CancellationToken cancellationToken)
    {
        var conversationId = incoming.Conversation!.Id!;
        return reply.ReplyToId is { } replyToId
            ? connector.ReplyToActivityAsync(incoming.ServiceUrl!, conversationId, replyToId, reply, cancellationToken)
            : connector.SendToConversationAsync(incoming.ServiceUrl!, conversationId, reply, cancellationToken);
    }

    private async Task TrySendApologyAsync(Activity incoming, string correlationId, CancellationToken cancellationToken)
    {
        var apology = new BotReply(
            $"Sorry, something went wrong and your last message was not saved. Please send it again. " +
            $"If anyone is in immediate danger, call {catalog.Region.EmergencyNumber} now. (Reference {correlationId})");
        try
        {
            await SendOneAsync(incoming, ReplyActivityFactory.Create(incoming, apology, cards), cancellationToken);
        }
        catch (ConnectorException exception)
        {
            LogApologyNotDelivered(correlationId, exception.StatusCode);
        }
    }

    [LoggerMessage(1001, LogLevel.Error, "Turn failed with {ExceptionType} at {Site}; correlation id {CorrelationId}")]
    private partial void LogTurnFailed(string? exceptionType, string site, string correlationId);

    [LoggerMessage(1005, LogLevel.Debug, "Stack of failed turn {CorrelationId}: {StackTrace}")]
    private partial void LogTurnFailedStack(string correlationId, string? stackTrace);

    [LoggerMessage(1002, LogLevel.Warning, "Another turn saved this conversation first; running the turn again (attempt {Attempt})")]
    private partial void LogConcurrencyRetry(int attempt);

    [LoggerMessage(1004, LogLevel.Warning, "The escalation projector failed after a turn ({ExceptionType}); its timer will catch up")]
    private partial void LogProjectionDeferred(string exceptionType);

    [LoggerMessage(1003, LogLevel.Error, "The apology for failed turn {CorrelationId} could not be delivered: connector answered {StatusCode}")]
    private partial void LogApologyNotDelivered(string correlationId, int statusCode);
}
