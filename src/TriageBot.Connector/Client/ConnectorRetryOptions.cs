namespace TriageBot.Connector.Client;

/// <summary>
/// How hard the connector client tries before giving up. The defaults follow the Teams guidance: retry throttling and
/// gateway failures with exponential backoff and jitter, but give up well within the time a person would wait.
/// </summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First backoff delay; later delays grow exponentially (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Longest backoff delay. A Retry-After longer than this is not waited for: the call fails at once and
    /// <see cref="ConnectorException.RetryAfter"/> tells the caller when to try again.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time limit for one attempt (request and response body).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
