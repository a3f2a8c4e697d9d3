using Microsoft.Extensions.Options;
using TriageBot.Cards.Templating;
using TriageBot.Connector.Client;
using TriageBot.Escalations;

namespace TriageBot.Outbox;

/// <summary>
/// Delivers the outbox: woken at once when a turn adds a message, and every poll interval otherwise (so messages left
/// by a restart or due for retry go out). It claims due messages in batches, a duty lead's card first, and delivers up
/// to <see cref="OutboxOptions.ConcurrentDeliveries"/> at once, claiming more as each finishes, so a school-wide
/// incident's messages do not queue behind each other. The connector client already retries briefly (429
/// Retry-After, 5xx, timeouts); a message still undelivered after that is tried again later with longer waits, and
/// one the connector refuses for good is marked failed with the reason.
/// </summary>
public sealed partial class OutboxSender(
    IOutboxStore outbox,
    OutboxSignal signal,
    EscalationDelivery escalations,
    FollowUps.FollowUpDelivery followUps,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    Telemetry.TriageBotMetrics metrics,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly InFlightDeliveries _inFlight = new();
    private CancellationToken _stopping = CancellationToken.None;

    private int Concurrency => Math.Max(1, options.Value.ConcurrentDeliveries);

    /// <summary>
    /// Delivers a message this process claimed as it made it (a new escalation's first card) straight away, beside the
    /// deliveries already under way; failures are retried later like any other message.
    /// </summary>
    public void DeliverNow(OutboxMessage message)
    {
        var stopping = _stopping;
        _inFlight.Add(Task.Run(() => DeliverUnlessStoppingAsync(message, stopping), CancellationToken.None));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        using var slots = new SemaphoreSlim(Concurrency, Concurrency);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await StartDueDeliveriesAsync(slots, stoppingToken))
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogStoreProblem(exception.GetType().Name);
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await _inFlight.WhenAllAsync();
    }

    /// <summary>Waits for a free slot, claims as many due messages as there are free slots and starts them; false when none was due.</summary>
    private async Task<bool> StartDueDeliveriesAsync(SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await slots.WaitAsync(stoppingToken);
        var free = 1;
        while (free < Concurrency && slots.Wait(0, CancellationToken.None))
        {
            free++;
        }

        IReadOnlyList<OutboxMessage> claimed = [];
        try
        {
            claimed = await outbox.ClaimDueAsync(free, stoppingToken);
        }
        finally
        {
            // Slots the claim did not fill are free again (all of them when it failed).
            if (free > claimed.Count)
            {
                slots.Release(free - claimed.Count);
            }
        }

        foreach (var message in claimed)
        {
            _inFlight.Add(DeliverThenFreeAsync(message, slots, stoppingToken));
        }

        return claimed.Count > 0;
    }

    /// <summary>Sends everything that is due now, <see cref="OutboxOptions.ConcurrentDeliveries"/> at a time (each message is claimed once).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (await outbox.ClaimDueAsync(Concurrency, cancellationToken) is { Count: > 0 } claimed)
        {
            await Task.WhenAll(claimed.Select(message => DeliverAsync(message, cancellationToken)));
        }
    }

    private async Task DeliverThenFreeAsync(OutboxMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverUnlessStoppingAsync(message, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task DeliverUnlessStoppingAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await DeliverAsync(message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the claim expires and the next start sends it.
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // A span for each delivery with the connector calls it makes: inside the turn's trace for a new escalation's first
        // card (sent at once, DeliverNow), a trace of its own when the sender's loop finds it.
        using var span = Telemetry.TriageBotTelemetry.Source.StartActivity("outbox.deliver");
        span?.SetTag(Telemetry.TriageBotTelemetry.OutboxKindTag, message.Kind);
        span?.SetTag("triagebot.outbox.attempt", message.Attempts + 1);
        try
        {
            var delivered = message.Kind switch
            {
                OutboxKinds.PostEscalationCard => await escalations.PostCardAsync(message, cancellationToken),
                OutboxKinds.UpdateEscalationCards => await UpdateAsync(message, cancellationToken),
                OutboxKinds.Message => await escalations.SendTextAsync(message, cancellationToken),
                OutboxKinds.EyesOnCheck => await escalations.SendEyesOnCheckAsync(message, cancellationToken),
                FollowUps.FollowUpOutbox.TaskCard => await followUps.SendTaskCardAsync(message, cancellationToken),
                FollowUps.FollowUpOutbox.Digest => await followUps.SendDigestAsync(message, cancellationToken),
                _ => throw new InvalidOperationException($"Unknown outbox kind '{message.Kind}'."),
            };
            await outbox.MarkSentAsync(message.Id, delivered, cancellationToken);
            LogDelivered(message.Id, message.Kind, message.Attempts + 1);
        }
        catch (ConnectorException exception) when (IsWorthRetrying(exception.StatusCode))
        {
            LogRetry(message.Id, message.Kind, exception.StatusCode, message.Attempts + 1);
            Failed(span, message, givenUp: false);
            await RetryLaterAsync(message, exception.RetryAfter, $"connector {exception.Operation} answered {exception.StatusCode}", cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            LogRetry(message.Id, message.Kind, 0, message.Attempts + 1);
            Failed(span, message, givenUp: false);
            await RetryLaterAsync(message, null, $"connector unreachable: {exception.HttpRequestError}", cancellationToken);
        }
        catch (TimeoutException)
        {
            LogRetry(message.Id, message.Kind, 0, message.Attempts + 1);
            Failed(span, message, givenUp: false);
            await RetryLaterAsync(message, null, "connector timed out", cancellationToken);
        }
        catch (ConnectorException exception)
        {
            LogFailed(message.Id, message.Kind, exception.StatusCode);
            Failed(span, message, givenUp: true);
            await outbox.MarkFailedAsync(message.Id, $"connector {exception.Operation} answered {exception.StatusCode}", cancellationToken);
        }
        catch (TemplateException exception)
        {
            LogFailed(message.Id, message.Kind, 0);
            Failed(span, message, givenUp: true);
            await outbox.MarkFailedAsync(message.Id, $"card {exception.TemplateName} at {exception.JsonPath}: {exception.Problem}", cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Anything else (a busy database, a bug) must not stop the sender: this message is tried again later.
            LogUnexpected(message.Id, message.Kind, exception.GetType().FullName);
            Failed(span, message, givenUp: false);
            await RetryLaterAsync(message, null, exception.GetType().Name, cancellationToken);
        }
    }

    /// <summary>Another attempt later: after the connector's Retry-After when it gave one, else with doubling backoff.</summary>
    private Task RetryLaterAsync(OutboxMessage message, TimeSpan? retryAfter, string error, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, message.Attempts + 1), options.Value.MaxRetryDelay.TotalSeconds));
        var next = time.GetUtcNow() + (retryAfter is { } after && after > backoff ? after : backoff);
        return outbox.RetryAtAsync(message.Id, next, error, cancellationToken);
    }

    private void Failed(System.Diagnostics.Activity? span, OutboxMessage message, bool givenUp)
    {
        span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        span?.SetTag(Telemetry.TriageBotTelemetry.OutcomeTag, givenUp ? "failed" : "retry");
        metrics.DeliveryFailed(message.Kind, givenUp);
    }

    private async Task<string?> UpdateAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await escalations.UpdateCardsAsync(message.EscalationId!, cancellationToken);
        return null;
    }

    // 429, 412 and 5xx other than 500 pass; 500 and other 4xx will not (PROTOCOL.md 3.4). Timeouts come as 408/504.
    private static bool IsWorthRetrying(int status) => status is 408 or 412 or 429 or 502 or 503 or 504;

    /// <summary>The deliveries under way, so stopping waits for them to finish.</summary>
    private sealed class InFlightDeliveries
    {
        private readonly HashSet<Task> _tasks = [];

        public void Add(Task delivery)
        {
            lock (_tasks)
            {
                _tasks.Add(delivery);
            }

            _ = delivery.ContinueWith(done =>
            {
                lock (_tasks)
                {
                    _tasks.Remove(done);
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        public Task WhenAllAsync()
        {
            lock (_tasks)
            {
                return Task.WhenAll([.. _tasks]);
            }
        }
    }

    [LoggerMessage(1501, LogLevel.Information, "Outbox message {MessageId} ({Kind}) delivered on attempt {Attempt}")]
    private partial void LogDelivered(long messageId, string kind, int attempt);

    [LoggerMessage(1502, LogLevel.Warning, "Outbox message {MessageId} ({Kind}) not delivered (status {StatusCode}, attempt {Attempt}); trying again later")]
    private partial void LogRetry(long messageId, string kind, int statusCode, int attempt);

    [LoggerMessage(1503, LogLevel.Error, "Outbox message {MessageId} ({Kind}) refused for good (status {StatusCode}); marked failed")]
    private partial void LogFailed(long messageId, string kind, int statusCode);

    [LoggerMessage(1505, LogLevel.Error, "Outbox message {MessageId} ({Kind}) failed with {ExceptionType}; trying again later")]
    private partial void LogUnexpected(long messageId, string kind, string? exceptionType);

    [LoggerMessage(1504, LogLevel.Error, "The outbox could not be read ({ExceptionType}); trying again shortly")]
    private partial void LogStoreProblem(string exceptionType);
}
