using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace TriageBot.Connector.Client;

/// <summary>
/// The retry rules for connector calls (PROTOCOL.md 3.4): 429 waits for Retry-After (else backs off); 412, 502, 503, 504,
/// network failures and attempt timeouts back off exponentially with jitter; 500 and other 4xx are final.
/// Each attempt has its own timeout, so a hung connection costs one attempt, not the whole call.
/// </summary>
internal static class ConnectorRetryPipeline
{
    public static ResiliencePipeline<ConnectorResponse> Create(ConnectorRetryOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetryAttempts);

        var builder = new ResiliencePipelineBuilder<ConnectorResponse> { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ConnectorResponse>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxDelay, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    ConnectorClientLog.Retrying(logger, args.Context.OperationKey, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        // Added after the retry so it wraps each attempt rather than the whole call.
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<ConnectorResponse> outcome, TimeSpan maxDelay, CancellationToken callerToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,

        // HttpClient.Timeout surfaces as a cancellation the caller did not ask for.
        { Exception: OperationCanceledException } => !callerToken.IsCancellationRequested,

        // A Retry-After beyond our patience is handed to the caller (ConnectorException.RetryAfter) instead of waited for.
        { Result: { RetryAfter: { } retryAfter } } when retryAfter > maxDelay => false,

        { Result: { StatusCode: 429 or 412 or 502 or 503 or 504 } } => true,
        _ => false,
    };

    private static string Describe(Outcome<ConnectorResponse> outcome) =>
        outcome.Exception is { } exception ? exception.GetType().Name : outcome.Result!.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
